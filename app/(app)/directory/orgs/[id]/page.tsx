import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrgTeams } from "@/components/directory/org-teams";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { teamCountLabel } from "@/lib/directory/org-counts";
import { getOrgPage } from "@/lib/server/directory/org-page";
import type { SearchParams } from "@/lib/url-state/list-state";
import { orgTeamsList } from "@/lib/url-state/lists";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Organisation" };

const link = "text-brand-600 underline underline-offset-2 dark:text-brand-100";

/** An organisation: its leader, sub-organisations and teams (own, or with the sub-orgs'). */
export default async function OrgPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("directory.read");
  const id = routeId((await params).id);
  const state = orgTeamsList.parse(await searchParams);
  const data = id ? await getOrgPage(actor, id, state.page, state.filter.sub) : null;
  if (!data) notFound();
  const { org, counts, parent, children } = data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 className="text-lg font-semibold">{org.name}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Leader: {org.leader ? org.leader.name : "none"}
            {parent ? (
              <>
                {" · part of "}
                <Link href={`/directory/orgs/${parent.id}`} className={`underline ${link}`}>
                  {parent.name}
                </Link>
              </>
            ) : null}
          </p>
        </div>
        {can(actor, "directory.manage", { orgId: org.id }) ? (
          <Link href={`/directory/orgs/${org.id}/edit`} className={buttonClass("secondary")}>
            Edit organisation
          </Link>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Own teams" value={counts.own} />
        <Stat label="With sub-organisations" value={counts.total} hint="Teams in all of it" />
        <Stat label="Sub-organisations" value={children.length} hint="Directly under it" />
      </div>
      <Card aria-labelledby="suborgs-title">
        <CardTitle>
          <span id="suborgs-title">Sub-organisations</span>
        </CardTitle>
        {children.length === 0 ? (
          <div className="mt-2">
            <EmptyState title={`${org.name} has no sub-organisations`} />
          </div>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
            {children.map((c) => (
              <li key={c.id} className="flex flex-wrap items-baseline gap-x-2 py-1.5">
                <Link href={`/directory/orgs/${c.id}`} className={`font-medium ${link}`}>
                  {c.name}
                </Link>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {teamCountLabel(c.counts)} · leader: {c.leader ? c.leader.name : "none"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <OrgTeams org={org} state={state} teams={data.teams} hasSubOrgs={children.length > 0} />
    </div>
  );
}
