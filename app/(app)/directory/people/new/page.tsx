import type { Metadata } from "next";
import { PersonForm } from "@/components/directory/person-form";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/guards";
import { ROLE } from "@/lib/vocabulary";
import { mayGrantRole } from "@/lib/auth/role-grants";
import { teamOptions } from "@/lib/server/directory/people-queries";
import { listOrgs } from "@/lib/server/directory/queries";

export const metadata: Metadata = { title: "New person" };

export default async function NewPersonPage() {
  const actor = await requirePermission("user.manage");
  const [orgs, teams] = await Promise.all([listOrgs(actor), teamOptions(actor)]);
  return (
    <Card className="max-w-3xl">
      <h2 className="font-semibold">New person</h2>
      <p className="mb-4 mt-1 text-sm text-slate-600 dark:text-slate-400">
        New people have no password. Once saved, send them an invitation from their page (or from
        the people list, for many at once): its link lets them choose a password. Where single
        sign-on is set up, they can use it instead.
      </p>
      <PersonForm
        person={null}
        options={{ orgs, teams, grantable: ROLE.values.filter((r) => mayGrantRole(actor, r)) }}
      />
    </Card>
  );
}
