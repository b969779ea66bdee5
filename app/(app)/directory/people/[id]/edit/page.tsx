import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PersonForm } from "@/components/directory/person-form";
import { PersonStatusButton } from "@/components/directory/person-status-button";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/guards";
import { ROLE } from "@/lib/vocabulary";
import { mayGrantRole, mayManageHolderOf } from "@/lib/auth/role-grants";
import { formatDate } from "@/lib/format";
import { getPersonForEdit, teamOptions } from "@/lib/server/directory/people-queries";
import { listOrgs } from "@/lib/server/directory/queries";
import { NotFoundError } from "@/lib/server/errors";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Edit person" };

export default async function EditPersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requirePermission("user.manage");
  const id = routeId((await params).id);
  if (!id) notFound();
  const person = await getPersonForEdit(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [orgs, teams] = await Promise.all([listOrgs(actor), teamOptions(actor)]);
  const { saved } = await searchParams;
  const self = person.id === actor.id;
  return (
    <div className="max-w-3xl space-y-4">
      <Card>
        <div className="mb-4 flex flex-wrap items-start justify-between gap-2">
          <div>
            <h2 className="font-semibold">Edit {person.name}</h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              <Link
                href={`/people/${person.id}`}
                className="text-brand-600 hover:underline dark:text-brand-100"
              >
                Profile
              </Link>{" "}
              · added {formatDate(person.createdAt)}
            </p>
          </div>
          <SignInState deactivatedAt={person.deactivatedAt} hasPassword={person.hasPassword} />
        </div>
        {saved === "created" ? (
          <p role="status" className="mb-3 text-sm text-green-700 dark:text-green-400">
            {person.name} was created.
          </p>
        ) : null}
        {mayManageHolderOf(actor, person.roles) ? (
          <PersonForm
            person={person}
            options={{ orgs, teams, grantable: ROLE.values.filter((r) => mayGrantRole(actor, r)) }}
          />
        ) : (
          <p className="text-sm">
            Only an administrator can change an administrator&apos;s account.
          </p>
        )}
      </Card>
      {mayManageHolderOf(actor, person.roles) && !self ? (
        <Card>
          <CardTitle>Account</CardTitle>
          <p className="mb-3 mt-1 text-sm text-slate-600 dark:text-slate-400">
            {person.deactivatedAt
              ? `Deactivated on ${formatDate(person.deactivatedAt)}.`
              : "Deactivate people who leave: they can no longer sign in, and their history stays."}
          </p>
          <PersonStatusButton
            id={person.id}
            name={person.name}
            deactivated={person.deactivatedAt !== null}
            guardianOf={person.guardianOf.map((t) => t.name)}
          />
        </Card>
      ) : null}
    </div>
  );
}

function SignInState({
  deactivatedAt,
  hasPassword,
}: {
  deactivatedAt: Date | null;
  hasPassword: boolean;
}) {
  const [label, tone] = deactivatedAt
    ? ["Deactivated: cannot sign in", "bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-100"]
    : hasPassword
      ? ["Can sign in", "bg-green-100 text-green-800 dark:bg-green-900 dark:text-green-100"]
      : [
          "No password set: cannot sign in yet",
          "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
        ];
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${tone}`}>{label}</span>;
}
