import type { Metadata } from "next";
import Link from "next/link";
import { TeamDatalist, TeamFilterField } from "@/components/reviews/team-picker";
import { CreateThreatModelForm } from "@/components/threat-models/create-form";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, parsePage } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { formatDate, humanize } from "@/lib/format";
import { teamChoices, teamFilter } from "@/lib/server/reviews/teams";
import { listThreatModels, TM_STATUSES } from "@/lib/server/threat-models/queries";

export const metadata: Metadata = { title: "Threat models" };

export default async function ThreatModelsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePermission("threatmodel.read");
  const p = await searchParams;
  const team = await teamFilter(actor, "threatmodel.read", p.team);
  const status = TM_STATUSES.find((s) => s === p.status);
  const flagged = p.flagged === "yes";
  const page = parsePage(p.page);
  const [{ rows, total, pages }, teams] = await Promise.all([listThreatModels(actor, { team: team.teamId, status, flagged }, page), teamChoices(actor, "threatmodel.read")]);
  const kept = Object.fromEntries(Object.entries({ team: team.text || undefined, status, flagged: flagged ? "yes" : undefined }).filter(([, v]) => v) as [string, string][]);
  return (
    <>
      <PageHeader title="Threat models" description="Threat models by team, their threats, and those without a documented mitigation." />
      <TeamDatalist id="tm-teams" choices={teams} />
      {can(actor, "threatmodel.write") ? (
        <Card className="mb-4">
          <CardTitle>Start a threat model</CardTitle>
          <CreateThreatModelForm teamList="tm-teams" />
        </Card>
      ) : null}
      <Card>
        <FilterBar action="/threat-models">
          <TeamFilterField list="tm-teams" value={team.text} error={team.error} />
          <Select label="Status" name="status" defaultValue={status ?? ""} placeholder="Any" options={TM_STATUSES.map((s) => ({ value: s, label: humanize(s) }))} />
          <Select label="Undocumented threats" name="flagged" defaultValue={flagged ? "yes" : ""} placeholder="Any" options={[{ value: "yes", label: "Has some" }]} />
        </FilterBar>
        {rows.length === 0 ? <EmptyState title="No threat models match" /> : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Threat models, newest first</caption>
              <thead className="text-left text-xs text-slate-600 dark:text-slate-400"><tr><th scope="col" className="py-2">Threat model</th><th scope="col">Team</th><th scope="col">Status</th><th scope="col" className="text-right">Threats</th></tr></thead>
              <tbody>{rows.map((t) => (
                <tr key={t.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-2"><Link href={`/threat-models/${t.id}`} className="text-brand-600 hover:underline dark:text-brand-100"><span className="font-mono text-xs">{t.key}</span> {t.system}</Link></td>
                  <td>{t.team.name}</td><td>{humanize(t.status)} · {formatDate(t.createdOn)}</td>
                  <td className="text-right">{t._count.threats}{t.threats.length ? <span className="ml-2 rounded bg-red-100 px-1.5 text-xs font-medium text-red-800 dark:bg-red-900 dark:text-red-100">{t.threats.length} undocumented</span> : null}</td>
                </tr>
              ))}</tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pages={pages} total={total} basePath="/threat-models" params={kept} />
      </Card>
    </>
  );
}
