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
import { mayManageHolderOf } from "@/lib/auth/role-grants";
import { ROLE } from "@/lib/vocabulary";
import { listPeople } from "@/lib/server/directory/people-queries";
import { listOrgs } from "@/lib/server/directory/queries";
import type { PeopleFilter } from "@/lib/validations/person";

const link = "text-brand-600 hover:underline dark:text-brand-100";

/** The directory's people filters and one page of people; account columns for those who manage people. */
export async function PeopleTable({
  actor,
  filter,
  page,
}: {
  actor: SessionActor;
  filter: PeopleFilter;
  page: number;
}) {
  const manager = can(actor, "user.manage");
  const [{ people, total, pages }, orgs] = await Promise.all([
    listPeople(actor, filter, page),
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
        <FilterBar action="/directory/people">
          <Field
            label="Search people"
            name="q"
            defaultValue={filter.q}
            placeholder="Name or email"
            className="w-56"
          />
          <Select
            label="Organisation"
            name="org"
            defaultValue={filter.org ? String(filter.org) : ""}
            placeholder="All"
            hint="With its sub-orgs"
            options={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
          />
          <Select
            label="Role"
            name="role"
            defaultValue={filter.role ?? ""}
            placeholder="Any"
            options={ROLE.options}
          />
          {manager ? (
            <Select
              label="Accounts"
              name="status"
              defaultValue={filter.status ?? ""}
              placeholder="Active"
              options={[{ value: "deactivated", label: "Deactivated" }]}
            />
          ) : null}
        </FilterBar>
        {manager ? (
          <Link href="/directory/people/new" className={buttonClass("secondary")}>
            New person
          </Link>
        ) : null}
      </div>
      {people.length === 0 ? (
        <EmptyState title="No one matches these filters" />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">People</caption>
            <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-2">
                  Name
                </th>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Organisation</th>
                <th scope="col">Team</th>
                {manager ? (
                  <>
                    <th scope="col">Sign-in</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-2 font-medium">
                    <Link href={`/people/${p.id}`} className={link}>
                      {p.name}
                    </Link>
                  </td>
                  <td>{p.email}</td>
                  <td>{p.roles.map(ROLE.label).join(", ")}</td>
                  <td>{p.org?.name ?? "—"}</td>
                  <td>
                    {p.team ? (
                      <Link href={`/directory/teams/${p.team.id}`} className={link}>
                        {p.team.name}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  {manager ? (
                    <>
                      <td className="whitespace-nowrap">
                        {p.deactivatedAt ? (
                          <span className="text-red-700 dark:text-red-400">Deactivated</span>
                        ) : p.hasPassword ? (
                          "Can sign in"
                        ) : (
                          <span className="text-amber-700 dark:text-amber-400">No password</span>
                        )}
                      </td>
                      <td className="text-right">
                        {mayManageHolderOf(actor, p.roles) ? (
                          <Link
                            href={`/directory/people/${p.id}/edit`}
                            className={link}
                            aria-label={`Edit ${p.name}`}
                          >
                            Edit
                          </Link>
                        ) : null}
                      </td>
                    </>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pages={pages}
        total={total}
        basePath="/directory/people"
        params={kept}
      />
    </Card>
  );
}
