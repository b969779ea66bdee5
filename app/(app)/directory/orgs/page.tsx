import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listOrgs } from "@/lib/server/directory/queries";

export const metadata: Metadata = { title: "Organisations" };

type OrgRow = Awaited<ReturnType<typeof listOrgs>>[number];

function Tree({ orgs, parentId, editable }: { orgs: OrgRow[]; parentId: number | null; editable: boolean }) {
  const children = orgs.filter((o) => o.parentId === parentId);
  if (children.length === 0) return null;
  return (
    <ul className={parentId === null ? "space-y-2" : "mt-2 space-y-2 border-l border-slate-200 pl-4 dark:border-slate-700"}>
      {children.map((o) => (
        <li key={o.id}>
          <div className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium">{o.name}</span>
            <span className="text-xs text-slate-600 dark:text-slate-400">{o._count.teams} team{o._count.teams === 1 ? "" : "s"} · leader: {o.leader ? `${o.leader.name}` : "none"}</span>
            {editable ? <Link href={`/directory/orgs/${o.id}/edit`} className="text-xs text-brand-600 hover:underline dark:text-brand-100" aria-label={`Edit ${o.name}`}>Edit</Link> : null}
          </div>
          <Tree orgs={orgs} parentId={o.id} editable={editable} />
        </li>
      ))}
    </ul>
  );
}

export default async function OrgsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const actor = await requirePermission("directory.read");
  const orgs = await listOrgs(actor);
  const editable = can(actor, "directory.manage");
  // Orgs whose parent is outside the actor's scope are shown as roots.
  const visible = new Set(orgs.map((o) => o.id));
  const rooted = orgs.map((o) => ({ ...o, parentId: o.parentId !== null && visible.has(o.parentId) ? o.parentId : null }));
  const { saved } = await searchParams;
  return (
    <Card>
      <div className="mb-3 flex items-center justify-between">
        {saved ? <p role="status" className="text-sm text-green-700 dark:text-green-400">Organisation saved.</p> : <span />}
        {editable ? <Link href="/directory/orgs/new" className={buttonClass("secondary")}>New organisation</Link> : null}
      </div>
      {orgs.length === 0 ? <EmptyState title="No organisations yet" /> : <Tree orgs={rooted} parentId={null} editable={editable} />}
    </Card>
  );
}
