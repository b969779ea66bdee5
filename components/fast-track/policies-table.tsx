import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import { BELT, TEAM_PROFILE } from "@/lib/vocabulary";
import type { listFastTrackPolicies } from "@/lib/server/fast-track/policies";

type Policy = Awaited<ReturnType<typeof listFastTrackPolicies>>[number];

export function PoliciesTable({ policies }: { policies: Policy[] }) {
  return (
    <DataTable
      caption="Fast-track policies"
      rows={policies}
      rowKey={(p) => p.id}
      empty={
        <EmptyState title="No fast track yet">
          Set a policy for a team profile or a team below: its guardians can then approve low-risk
          reviews themselves.
        </EmptyState>
      }
      columns={[
        {
          header: "Applies to",
          rowHeader: true,
          cell: (p) =>
            p.team ? `Team ${p.team.name}` : `Profile ${TEAM_PROFILE.label(p.teamProfile!)}`,
        },
        { header: "Status", cell: (p) => (p.enabled ? "On" : "Off") },
        { header: "Lowest belt", cell: (p) => BELT.label(p.minBelt) },
        { header: "Spot checks", align: "right", cell: (p) => `${p.spotCheckPercent} %` },
        {
          header: "Checklist",
          className: "min-w-48",
          cell: (p) => (
            <ol className="list-decimal pl-4">
              {p.checklist.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ol>
          ),
        },
        { header: "Fast-tracked", align: "right", cell: (p) => p._count.fastTracks },
        {
          header: "Updated",
          className: "whitespace-nowrap",
          cell: (p) => formatDate(p.updatedAt),
        },
      ]}
    />
  );
}
