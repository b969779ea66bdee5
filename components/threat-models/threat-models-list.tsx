import Link from "next/link";
import { TeamFilterField } from "@/components/reviews/team-picker";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { THREAT_MODEL_STATUS } from "@/lib/vocabulary";
import { listThreatModels } from "@/lib/server/threat-models/queries";
import { threatModelsList } from "@/lib/url-state/lists";

type ThreatModel = Awaited<ReturnType<typeof listThreatModels>>["rows"][number];

const columns: Column<ThreatModel>[] = [
  {
    header: "Threat model",
    cell: (t) => (
      <Link
        href={`/threat-models/${t.id}`}
        className="text-brand-600 hover:underline dark:text-brand-100"
      >
        <span className="font-mono text-xs">{t.key}</span> {t.system}
      </Link>
    ),
  },
  { header: "Team", cell: (t) => t.team.name },
  {
    header: "Status",
    cell: (t) => `${THREAT_MODEL_STATUS.label(t.status)} · ${formatDate(t.createdOn)}`,
  },
  {
    header: "Threats",
    align: "right",
    cell: (t) => (
      <>
        {t._count.threats}
        {t.threats.length ? (
          <span className="ml-2 rounded bg-red-100 px-1.5 text-xs font-medium text-red-800 dark:bg-red-900 dark:text-red-100">
            {t.threats.length} undocumented
          </span>
        ) : null}
      </>
    ),
  },
];

/** The filters and one page of threat models. */
export async function ThreatModelsList({
  actor,
  state,
  team,
}: {
  actor: SessionActor;
  state: ReturnType<typeof threatModelsList.parse>;
  team: { teamId?: number; text: string; error?: string };
}) {
  const { filter, page } = state;
  const { status, flagged } = filter;
  const { rows, total, pages } = await listThreatModels(
    actor,
    { team: team.teamId, status, flagged },
    page,
  );
  return (
    <>
      <Card>
        <FilterBar action="/threat-models">
          <TeamFilterField source="threat-model" value={team.text} error={team.error} />
          <Select
            label="Status"
            name="status"
            defaultValue={status ?? ""}
            placeholder="Any"
            options={THREAT_MODEL_STATUS.options}
          />
          <Select
            label="Undocumented threats"
            name="flagged"
            defaultValue={flagged ? "yes" : ""}
            placeholder="Any"
            options={[{ value: "yes", label: "Has some" }]}
          />
        </FilterBar>
        <DataTable
          caption="Threat models, newest first"
          columns={columns}
          rows={rows}
          rowKey={(t) => t.id}
          empty={<EmptyState title="No threat models match" />}
        />
        <Pagination
          page={page}
          pages={pages}
          total={total}
          href={threatModelsList.pageHref("/threat-models", state)}
        />
      </Card>
    </>
  );
}
