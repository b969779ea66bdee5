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
import { mayManageHolderOf } from "@/lib/auth/role-grants";
import {
  SIGN_IN_METHOD_LABELS,
  SIGN_IN_METHOD_OPTIONS,
  type SignInMethod,
} from "@/lib/identity/sign-in-method";
import { ROLE } from "@/lib/vocabulary";
import { listPeople } from "@/lib/server/directory/people-queries";
import { listOrgs } from "@/lib/server/directory/queries";
import { uninvitedCount } from "@/lib/server/identity/links";
import { mailerFromEnv } from "@/lib/server/mail";
import { signInConfig } from "@/lib/auth/sign-in-config";
import { BulkInvite } from "@/components/people/bulk-invite";
import { peopleList } from "@/lib/url-state/lists";

const link = "text-brand-600 hover:underline dark:text-brand-100";
type Person = Awaited<ReturnType<typeof listPeople>>["people"][number];

function SignInMethods({ methods }: { methods: SignInMethod[] }) {
  const text = methods.map((m) => SIGN_IN_METHOD_LABELS[m]).join(", ");
  return methods[0] === "none" ? (
    <span className="text-amber-700 dark:text-amber-400">{text}</span>
  ) : (
    text
  );
}

/** The account columns (sign-in state, edit link) only for those who manage people. */
function columns(actor: SessionActor, manager: boolean): Column<Person>[] {
  const shown: Column<Person>[] = [
    {
      header: "Name",
      sortKey: "name",
      className: "font-medium",
      cell: (p) => (
        <Link href={`/people/${p.id}`} className={link}>
          {p.name}
        </Link>
      ),
    },
    { header: "Email", cell: (p) => p.email },
    { header: "Roles", cell: (p) => p.roles.map(ROLE.label).join(", ") },
    { header: "Organisation", cell: (p) => p.org?.name ?? "—" },
    {
      header: "Team",
      cell: (p) =>
        p.team ? (
          <Link href={`/directory/teams/${p.team.id}`} className={link}>
            {p.team.name}
          </Link>
        ) : (
          "—"
        ),
    },
  ];
  if (!manager) return shown;
  return [
    ...shown,
    {
      header: "Sign-in",
      className: "whitespace-nowrap",
      cell: (p) =>
        p.deactivatedAt ? (
          <span className="text-red-700 dark:text-red-400">Deactivated</span>
        ) : (
          <SignInMethods methods={p.signIn ?? []} />
        ),
    },
    {
      header: <span className="sr-only">Actions</span>,
      align: "right",
      cell: (p) =>
        mayManageHolderOf(actor, p.roles) ? (
          <Link
            href={`/directory/people/${p.id}/edit`}
            className={link}
            aria-label={`Edit ${p.name}`}
          >
            Edit
          </Link>
        ) : null,
    },
  ];
}

/** The list's filters as form fields, for the bulk invitation's batches. */
function filterFields(filter: ReturnType<typeof peopleList.parse>["filter"]) {
  const fields: Record<string, string> = {};
  for (const key of ["q", "org", "role", "signin", "team"] as const)
    if (filter[key] !== undefined) fields[key] = String(filter[key]);
  return fields;
}

/** The directory's people filters and one page of people; account columns for those who manage people. */
export async function PeopleTable({
  actor,
  state,
}: {
  actor: SessionActor;
  state: ReturnType<typeof peopleList.parse>;
}) {
  const { filter, page } = state;
  const manager = can(actor, "user.manage");
  // The bulk invitation covers the active people of these filters who cannot sign in.
  const invitable = manager && filter.status !== "deactivated" && signInConfig().passwordSignIn;
  const [{ people, total, pages }, orgs, uninvited] = await Promise.all([
    listPeople(actor, filter, page, state.sort),
    listOrgs(actor),
    invitable ? uninvitedCount(actor, { ...filter, again: false }) : 0,
  ]);
  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <FilterBar
          action="/directory/people"
          hidden={{
            ...peopleList.sortField(state),
            ...(filter.team ? { team: String(filter.team) } : {}),
          }}
        >
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
          {manager ? (
            <Select
              label="Signs in by"
              name="signin"
              defaultValue={filter.signin ?? ""}
              placeholder="Any way"
              options={SIGN_IN_METHOD_OPTIONS}
            />
          ) : null}
        </FilterBar>
      </div>
      {filter.team ? (
        <p className="mb-3 text-sm">
          Members of {people[0]?.team?.name ?? "one team"} only.{" "}
          <Link
            href={peopleList.href("/directory/people", state, {
              filter: { ...filter, team: undefined },
              page: 1,
            })}
            className="text-brand-600 underline dark:text-brand-100"
          >
            Show every team
          </Link>
        </p>
      ) : null}
      {manager ? (
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <Link href="/directory/people/new" className={buttonClass("secondary")}>
            New person
          </Link>
          {uninvited > 0 ? (
            mailerFromEnv() ? (
              <BulkInvite count={uninvited} filter={filterFields(filter)} />
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {uninvited === 1 ? "One person" : `${uninvited} people`} here cannot sign in. Email
                is not configured (SMTP_HOST), so invitations cannot be sent.
              </p>
            )
          ) : null}
        </div>
      ) : null}
      <DataTable
        caption="People"
        columns={columns(actor, manager)}
        rows={people}
        rowKey={(p) => p.id}
        empty={<EmptyState title="No one matches these filters" />}
        sort={peopleList.tableSort("/directory/people", state)}
      />
      <Pagination
        page={page}
        pages={pages}
        total={total}
        href={peopleList.pageHref("/directory/people", state)}
      />
    </Card>
  );
}
