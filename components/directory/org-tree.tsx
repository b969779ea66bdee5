import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionActor } from "@/lib/auth/actor";
import { orgTeamCounts, teamCountLabel, type TeamCounts } from "@/lib/directory/org-counts";
import { listOrgs } from "@/lib/server/directory/queries";

type OrgRow = Awaited<ReturnType<typeof listOrgs>>[number] & { counts: TeamCounts };

function Tree({
  orgs,
  parentId,
  editable,
}: {
  orgs: OrgRow[];
  parentId: number | null;
  editable: boolean;
}) {
  const children = orgs.filter((o) => o.parentId === parentId);
  if (children.length === 0) return null;
  return (
    <ul
      className={
        parentId === null
          ? "space-y-2"
          : "mt-2 space-y-2 border-l border-slate-200 pl-4 dark:border-slate-700"
      }
    >
      {children.map((o) => (
        <li key={o.id}>
          <div className="flex flex-wrap items-baseline gap-x-2">
            <Link
              href={`/directory/orgs/${o.id}`}
              className="font-medium text-brand-600 underline underline-offset-2 dark:text-brand-100"
            >
              {o.name}
            </Link>
            <span className="text-xs text-slate-600 dark:text-slate-400">
              {teamCountLabel(o.counts)} · leader: {o.leader ? `${o.leader.name}` : "none"}
            </span>
            {editable ? (
              <Link
                href={`/directory/orgs/${o.id}/edit`}
                className="text-xs text-brand-600 hover:underline dark:text-brand-100"
                aria-label={`Edit ${o.name}`}
              >
                Edit
              </Link>
            ) : null}
          </div>
          <Tree orgs={orgs} parentId={o.id} editable={editable} />
        </li>
      ))}
    </ul>
  );
}

/** The organisations the actor may read, as a tree; those whose parent is out of scope are shown as roots. */
export async function OrgTree({ actor, editable }: { actor: SessionActor; editable: boolean }) {
  const orgs = await listOrgs(actor);
  const visible = new Set(orgs.map((o) => o.id));
  const rooted = orgs.map((o) => ({
    ...o,
    parentId: o.parentId !== null && visible.has(o.parentId) ? o.parentId : null,
  }));
  const counts = orgTeamCounts(rooted.map((o) => ({ ...o, teams: o._count.teams })));
  const rows = rooted.map((o) => ({ ...o, counts: counts.get(o.id)! }));
  return orgs.length === 0 ? (
    <EmptyState title="No organisations yet" />
  ) : (
    <Tree orgs={rows} parentId={null} editable={editable} />
  );
}
