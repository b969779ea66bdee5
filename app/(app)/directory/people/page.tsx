import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pagination, parsePage } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/guards";
import { roleLabel } from "@/lib/roles";
import { listPeople } from "@/lib/server/directory/queries";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const actor = await requirePermission("directory.read");
  const params = await searchParams;
  const q = params.q?.trim().slice(0, 100) || undefined;
  const page = parsePage(params.page);
  const { people, total, pages } = await listPeople(actor, q, page);
  return (
    <Card>
      <FilterBar action="/directory/people">
        <Field label="Search people" name="q" defaultValue={q} placeholder="Name or email" className="w-64" />
      </FilterBar>
      {people.length === 0 ? (
        <EmptyState title="No one matches" />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">People</caption>
            <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
              <tr><th scope="col" className="py-2">Name</th><th scope="col">Email</th><th scope="col">Roles</th><th scope="col">Organisation</th><th scope="col">Team</th></tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-2 font-medium"><Link href={`/people/${p.id}`} className="text-brand-600 hover:underline dark:text-brand-100">{p.name}</Link></td>
                  <td>{p.email}</td>
                  <td>{p.roles.map(roleLabel).join(", ")}</td>
                  <td>{p.org?.name ?? "—"}</td>
                  <td>{p.team ? <Link href={`/directory/teams/${p.team.id}`} className="text-brand-600 hover:underline dark:text-brand-100">{p.team.name}</Link> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} total={total} basePath="/directory/people" params={q ? { q } : {}} />
    </Card>
  );
}
