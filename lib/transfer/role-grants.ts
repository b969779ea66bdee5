// The one rule for role grants (lib/auth/role-grants.ts) applied to an import: which rows of
// people.csv and which people of program.json the person running the import may not write.
// Pure: the caller looks up the accounts the rows change.
import { forbiddenRoleChanges, mayGrantRole, mayManageHolderOf } from "@/lib/auth/role-grants";
import type { Role } from "@/lib/generated/prisma/enums";
import { BACKUP_FILE } from "@/lib/transfer/backup/schema";
import type { Update } from "@/lib/transfer/spreadsheet/diff";
import type { ParsedRow } from "@/lib/transfer/spreadsheet/parse";
import type { PersonRow } from "@/lib/transfer/spreadsheet/spec-people";
import { issue, type ImportIssue } from "@/lib/transfer/types";
import { ROLE } from "@/lib/vocabulary";

/**
 * Who runs an import: a person (their id and effective roles), or null for the command line,
 * run by the operator, which is the system and may do anything.
 */
export type ImportActor = { id: number; roles: Role[] } | null;
type Person = NonNullable<ImportActor>;

/** Whether the rule can refuse anything to this actor: false for the system and for admins. */
export function isRestricted(actor: ImportActor): actor is Person {
  return actor !== null && !ROLE.values.every((r) => mayGrantRole(actor, r));
}

const labels = (roles: readonly Role[]) => roles.map(ROLE.label).join(" and ");

function grantProblem(actor: Person, email: string, before: Role[], after: Role[]) {
  const refused = forbiddenRoleChanges(actor, before, after);
  if (refused.length === 0) return null;
  const granted = refused.filter((r) => after.includes(r));
  const removed = refused.filter((r) => before.includes(r));
  const what = [
    granted.length ? `give ${email} the ${labels(granted)} role` : null,
    removed.length ? `take the ${labels(removed)} role from ${email}` : null,
  ].filter(Boolean);
  return `Only an administrator can grant or remove the ${labels(refused)} role: this row would ${what.join(" and ")}`;
}

const adminAccount = (email: string, what: string) =>
  `${email} is an administrator: only an administrator can change their ${what}`;

/**
 * people.csv rows the actor may not write: a new person with a role the actor may not grant,
 * a change of such a role, and any change at all to the account of someone the actor may not
 * manage (`accounts`: effective roles by email of the people the updates change).
 */
export function peopleRowIssues(
  actor: Person,
  diff: { create: ParsedRow<PersonRow>[]; update: Update<PersonRow>[] },
  present: readonly string[],
  accounts: ReadonlyMap<string, readonly Role[]>,
): ImportIssue[] {
  const out: ImportIssue[] = [];
  const refuse = (line: number, message: string) =>
    out.push(issue("people.csv", line, "roles", message));
  for (const r of diff.create) {
    const problem = grantProblem(actor, r.row.email, [], r.row.roles);
    if (problem) refuse(r.line, problem);
  }
  for (const u of diff.update) {
    if (!mayManageHolderOf(actor, accounts.get(u.row.email) ?? []))
      refuse(u.line, adminAccount(u.row.email, "account"));
    else if (present.includes("roles")) {
      const problem = grantProblem(actor, u.row.email, u.before.roles, u.row.roles);
      if (problem) refuse(u.line, problem);
    }
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * program.json people whose account the actor may not change (their deactivation date):
 * `changed` are the records that differ from the database, `index` their place in the file.
 */
export function backupPeopleIssues(
  actor: Person,
  changed: { email: string; index: number }[],
  accounts: ReadonlyMap<string, readonly Role[]>,
): ImportIssue[] {
  return changed
    .filter((p) => !mayManageHolderOf(actor, accounts.get(p.email) ?? []))
    .map((p) =>
      issue(
        BACKUP_FILE,
        null,
        `people[${p.index}].deactivatedAt`,
        adminAccount(p.email, "deactivation"),
      ),
    );
}
