import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { TEAM_PROFILE } from "@/lib/vocabulary";
import { listOrgs, listTeams } from "@/lib/server/directory/queries";
import type { DirectoryFilter } from "@/lib/validations/directory";

/** The directory's team filters and one page of teams with their guardians. */
export async function TeamsTable({
  actor,
  filter,
  page,
}: {
  actor: SessionActor;
  filter: DirectoryFilter;
  page: number;
}) {
  const [{ teams, total, pages }, orgs] = await Promise.all([
    listTeams(actor, filter, page),
    listOrgs(actor),
  ]);
  const kept = Object.fromEntries(
    Object.entries(filter)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <FilterBar action="/directory">
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
      {teams.length === 0 ? (
        <EmptyState title="No teams match these filters" />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Teams</caption>
            <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-2">
                  Team
                </th>
                <th scope="col">Organisation</th>
                <th scope="col">Profile</th>
                <th scope="col">Guardians</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((t) => (
                <tr key={t.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-2">
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
                  </td>
                  <td>{t.org.name}</td>
                  <td>{TEAM_PROFILE.label(t.profile)}</td>
                  <td>
                    {t.guardians.length ? (
                      t.guardians.map((g) => g.user.name).join(", ")
                    ) : (
                      <span className="font-medium text-amber-700 dark:text-amber-400">
                        No guardian
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} total={total} basePath="/directory" params={kept} />
    </Card>
  );
}
