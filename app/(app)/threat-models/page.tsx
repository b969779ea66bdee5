import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Select } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, parsePage } from "@/components/ui/pagination";
import { SimpleForm } from "@/components/ui/simple-form";
import { requirePermission } from "@/lib/auth/guards";
import { can, queryScope } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { formatDate, humanize } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createThreatModelAction } from "@/lib/server/threat-models/actions";

export const metadata: Metadata = { title: "Threat models" };
const PAGE_SIZE = 25;
// Undocumented: status none, or planned/implemented without mitigation text (lib/threat-models/rules.ts).
const undocumented: Prisma.ThreatWhereInput = { OR: [{ mitigationStatus: "NONE" }, { mitigationStatus: { in: ["PLANNED", "IMPLEMENTED"] }, OR: [{ mitigation: null }, { mitigation: "" }] }] };

export default async function ThreatModelsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePermission("threatmodel.read");
  const p = await searchParams;
  const scope = queryScope(actor, "threatmodel.read");
  const team = Number(p.team) > 0 ? Number(p.team) : undefined;
  const status = ["DRAFT", "IN_REVIEW", "APPROVED"].includes(p.status ?? "") ? (p.status as "DRAFT") : undefined;
  const flagged = p.flagged === "yes";
  const page = parsePage(p.page);
  const where: Prisma.ThreatModelWhereInput = { AND: [scope.all ? {} : { team: { orgId: { in: scope.orgIds } } }, team ? { teamId: team } : {}, status ? { status } : {}, flagged ? { threats: { some: undocumented } } : {}] };
  const [total, rows, teams] = await Promise.all([
    db.threatModel.count({ where }),
    db.threatModel.findMany({ where, orderBy: [{ createdOn: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE,
      select: { id: true, key: true, system: true, status: true, createdOn: true, team: { select: { name: true } }, _count: { select: { threats: true } }, threats: { where: undocumented, select: { id: true } } } }),
    db.team.findMany({ where: scope.all ? {} : { orgId: { in: scope.orgIds } }, orderBy: { name: "asc" }, take: 500, select: { id: true, name: true } }),
  ]);
  const teamOptions = teams.map((t) => ({ value: String(t.id), label: t.name }));
  const kept = Object.fromEntries(Object.entries({ team: team ? String(team) : undefined, status, flagged: flagged ? "yes" : undefined }).filter(([, v]) => v) as [string, string][]);
  return (
    <>
      <PageHeader title="Threat models" description="Threat models by team, their threats, and those without a documented mitigation." />
      {can(actor, "threatmodel.write") ? (
        <Card className="mb-4">
          <CardTitle>Start a threat model</CardTitle>
          <SimpleForm action={createThreatModelAction} label="Start a threat model" submit="Create" className="mt-3">
            <Select label="Team" name="teamId" id="tm-team" options={teamOptions} placeholder="Choose…" required />
            <Field label="System" name="system" id="tm-system" required className="w-64" />
          </SimpleForm>
        </Card>
      ) : null}
      <Card>
        <FilterBar action="/threat-models">
          <Select label="Team" name="team" defaultValue={team ? String(team) : ""} placeholder="All" options={teamOptions} />
          <Select label="Status" name="status" defaultValue={status ?? ""} placeholder="Any" options={["DRAFT", "IN_REVIEW", "APPROVED"].map((s) => ({ value: s, label: humanize(s) }))} />
          <Select label="Undocumented threats" name="flagged" defaultValue={flagged ? "yes" : ""} placeholder="Any" options={[{ value: "yes", label: "Has some" }]} />
        </FilterBar>
        {rows.length === 0 ? <EmptyState title="No threat models match" /> : (
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
        )}
        <Pagination page={page} pages={Math.max(1, Math.ceil(total / PAGE_SIZE))} total={total} basePath="/threat-models" params={kept} />
      </Card>
    </>
  );
}
