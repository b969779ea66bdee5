import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import { liftSuspensionAction } from "@/lib/server/fast-track/actions";
import type { openSuspensions } from "@/lib/server/fast-track/queries";
import Link from "next/link";

type Suspension = Awaited<ReturnType<typeof openSuspensions>>[number];

/** Guardians whose fast track a failed spot check suspended; a lead lifts a suspension. */
export function SuspensionsList({ suspensions }: { suspensions: Suspension[] }) {
  return (
    <DataTable
      caption="Suspended fast tracks"
      rows={suspensions}
      rowKey={(s) => s.id}
      empty={<EmptyState title="No guardian's fast track is suspended" />}
      columns={[
        {
          header: "Guardian",
          rowHeader: true,
          cell: (s) => <Link href={`/people/${s.guardian.id}`}>{s.guardian.name}</Link>,
        },
        { header: "Since", className: "whitespace-nowrap", cell: (s) => formatDate(s.suspendedAt) },
        { header: "Reason", className: "min-w-48", cell: (s) => s.reason },
        {
          header: <span className="sr-only">Action</span>,
          cell: (s) => (
            <ActionForm
              action={liftSuspensionAction}
              label={`Lift ${s.guardian.name}'s suspension`}
              submit="Lift"
              variant="secondary"
              hidden={{ suspensionId: String(s.id) }}
              confirm={{
                title: `Lift ${s.guardian.name}'s suspension?`,
                body: "They can fast-track reviews again under their team's policy.",
                confirmLabel: "Lift the suspension",
              }}
            />
          ),
        },
      ]}
    />
  );
}
