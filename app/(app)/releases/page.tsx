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
import { formatDate } from "@/lib/format";
import { createReleaseAction } from "@/lib/server/releases/actions";
import { listReleases } from "@/lib/server/releases/service";

export const metadata: Metadata = { title: "Feature releases" };

export default async function ReleasesPage({ searchParams }: { searchParams: Promise<{ team?: string; page?: string }> }) {
  const actor = await requirePermission("review.read");
  const p = await searchParams;
  const team = Number(p.team) > 0 ? Number(p.team) : undefined;
  const page = parsePage(p.page);
  const scope = queryScope(actor, "review.read");
  const [{ rows, total, pages }, teams] = await Promise.all([
    listReleases(actor, team, page),
    db.team.findMany({ where: scope.all ? {} : { orgId: { in: scope.orgIds } }, orderBy: { name: "asc" }, take: 500, select: { id: true, name: true } }),
  ]);
  const teamOptions = teams.map((t) => ({ value: String(t.id), label: t.name }));
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader title="Feature releases" description="Launches and the time from start to release, linked to their security review." />
      {can(actor, "review.request") ? (
        <Card className="mb-4">
          <CardTitle>Record a release</CardTitle>
          <SimpleForm action={createReleaseAction} label="Record a release" submit="Save release" className="mt-3">
            <Select label="Team" name="teamId" id="rel-team" options={teamOptions} placeholder="Choose…" required />
            <Field label="Feature" name="name" id="rel-name" required className="w-56" />
            <Field label="Started on" name="startedOn" id="rel-start" type="date" max={today} required />
            <Field label="Released on" name="releasedOn" id="rel-end" type="date" max={today} />
            <Field label="Review (e.g. REV-000123)" name="reviewKey" id="rel-review" className="w-44" />
          </SimpleForm>
        </Card>
      ) : null}
      <Card>
        <FilterBar action="/releases"><Select label="Team" name="team" defaultValue={team ? String(team) : ""} placeholder="All" options={teamOptions} /></FilterBar>
        {rows.length === 0 ? <EmptyState title="No releases recorded" /> : (
          <table className="w-full text-sm">
            <caption className="sr-only">Feature releases, newest first</caption>
            <thead className="text-left text-xs text-slate-600 dark:text-slate-400"><tr><th scope="col" className="py-2">Release</th><th scope="col">Team</th><th scope="col">Started</th><th scope="col">Released</th><th scope="col">Review</th></tr></thead>
            <tbody>{rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-2"><span className="font-mono text-xs">{r.key}</span> {r.name}</td><td>{r.team.name}</td><td>{formatDate(r.startedOn)}</td>
                <td>{r.releasedOn ? formatDate(r.releasedOn) : "not yet"}</td>
                <td>{r.review ? <Link href={`/reviews/${r.review.id}`} className="text-brand-600 hover:underline dark:text-brand-100">{r.review.key}</Link> : "—"}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
        <Pagination page={page} pages={pages} total={total} basePath="/releases" params={team ? { team: String(team) } : {}} />
      </Card>
    </>
  );
}
