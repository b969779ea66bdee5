import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { TEAM_PROFILE } from "@/lib/vocabulary";
import { listOrgs, listTeams } from "@/lib/server/directory/queries";
import { teamsList } from "@/lib/url-state/lists";

type Team = Awaited<ReturnType<typeof listTeams>>["teams"][number];

const columns: Column<Team>[] = [
  {
    header: "Team",
    sortKey: "name",
    cell: (t) => (
      <>
        <Link
          href={`/directory/teams/${t.id}`}
          className="font-medium text-brand-600 hover:underline dark:text-brand-100"
        >
          {t.name}
        </Link>
        {t.pilot ? (
          <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700 dark:bg-slate-800 dark:text-brand-100">
            pilot
          </span>
        ) : null}
      </>
    ),
  },
  { header: "Organisation", sortKey: "org", cell: (t) => t.org.name },
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
];

/** The directory's team filters and one page of teams with their guardians. */
export async function TeamsTable({
  actor,
  state,
}: {
  actor: SessionActor;
  state: ReturnType<typeof teamsList.parse>;
}) {
  const { filter, page } = state;
  const [{ teams, total, pages }, orgs] = await Promise.all([
    listTeams(actor, filter, page, state.sort),
    listOrgs(actor),
  ]);
  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <FilterBar action="/directory" hidden={teamsList.sortField(state)}>
          <Field
            label="Search teams"
            name="q"
            defaultValue={filter.q}
            placeholder="Team name"
            className="w-48"
          />
          <Select
            label="Organisation"
            name="org"
            defaultValue={filter.org ? String(filter.org) : ""}
            placeholder="All"
            options={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
          />
          <Select
            label="Profile"
            name="profile"
            defaultValue={filter.profile ?? ""}
            placeholder="Any"
            options={TEAM_PROFILE.options}
          />
          <Select
            label="Guardian"
            name="coverage"
            defaultValue={filter.coverage ?? ""}
            placeholder="Any"
            options={[
              { value: "covered", label: "Has a guardian" },
              { value: "uncovered", label: "No guardian" },
            ]}
          />
        </FilterBar>
        {can(actor, "directory.manage") ? (
          <Link href="/directory/teams/new" className={buttonClass("secondary")}>
            New team
          </Link>
        ) : null}
      </div>
      <DataTable
        caption="Teams"
        columns={columns}
        rows={teams}
        rowKey={(t) => t.id}
        empty={<EmptyState title="No teams match these filters" />}
        sort={teamsList.tableSort("/directory", state)}
      />
      <Pagination
        page={page}
        pages={pages}
        total={total}
        href={teamsList.pageHref("/directory", state)}
      />
    </Card>
  );
}
