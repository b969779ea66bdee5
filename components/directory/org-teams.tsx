import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import type { getOrgPage } from "@/lib/server/directory/org-page";
import { orgTeamsList } from "@/lib/url-state/lists";
import { TEAM_PROFILE } from "@/lib/vocabulary";

type Teams = NonNullable<Awaited<ReturnType<typeof getOrgPage>>>["teams"];
type State = ReturnType<typeof orgTeamsList.parse>;

const link = "font-medium text-brand-600 underline underline-offset-2 dark:text-brand-100";

/** One page of an organisation's teams, its own or with its sub-organisations'. */
export function OrgTeams({
  org,
  state,
  teams,
  hasSubOrgs,
}: {
  org: { id: number; name: string };
  state: State;
  teams: Teams;
  hasSubOrgs: boolean;
}) {
  const path = `/directory/orgs/${org.id}`;
  const sub = state.filter.sub;
  const choice = (on: boolean, label: string) => (
    <Link
      href={orgTeamsList.href(path, state, { filter: { sub: on }, page: 1 })}
      aria-current={sub === on ? "true" : undefined}
      className={cn(
        "rounded-md border px-2 py-1 text-xs",
        sub === on
          ? "border-brand-600 bg-brand-50 font-medium text-brand-700 dark:bg-slate-800 dark:text-white"
          : "border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800",
      )}
    >
      {label}
    </Link>
  );
  return (
    <Card aria-labelledby="org-teams-title">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle>
          <span id="org-teams-title">Teams</span>
        </CardTitle>
        {hasSubOrgs ? (
          <nav aria-label="Which teams" className="flex gap-2">
            {choice(false, `Only ${org.name}`)}
            {choice(true, "With sub-organisations")}
          </nav>
        ) : null}
      </div>
      <DataTable
        caption={sub ? `Teams of ${org.name} and its sub-organisations` : `Teams of ${org.name}`}
        className="mt-2"
        rows={teams.rows}
        rowKey={(t) => t.id}
        empty={
          <div className="mt-2">
            <EmptyState title={sub ? "No teams here or below" : `No teams directly in ${org.name}`}>
              {!sub && hasSubOrgs ? "Its sub-organisations may have some." : null}
            </EmptyState>
          </div>
        }
        columns={[
          {
            header: "Team",
            rowHeader: true,
            cell: (t) => (
              <Link href={`/directory/teams/${t.id}`} className={link}>
                {t.name}
              </Link>
            ),
          },
          ...(sub
            ? [{ header: "Organisation", cell: (t: Teams["rows"][number]) => t.org.name }]
            : []),
          { header: "Profile", cell: (t) => TEAM_PROFILE.label(t.profile) },
          {
            header: "Guardians",
            cell: (t) =>
              t.guardians.length ? (
                t.guardians.map((g) => g.user.name).join(", ")
              ) : (
                <span className="font-medium text-amber-700 dark:text-amber-400">No guardian</span>
              ),
          },
        ]}
      />
      <Pagination
        page={state.page}
        pages={teams.pages}
        total={teams.total}
        href={orgTeamsList.pageHref(path, state)}
      />
    </Card>
  );
}
