// Writes people.csv: the people and the roles granted by hand (the trigger derives `roles`),
// and one audit entry per person whose roles the import grants or changes, with before and
// after, written by the same statement as the change (an import of 50,000 people stays a few
// statements). No "server-only" here: the import CLI runs this under plain Node.
import type { PersonRow } from "@/lib/transfer/spreadsheet/spec-people";
import { ROLE } from "@/lib/vocabulary";
import type { FilePlan } from "./plan";
import { col, insertRows, updateRows, type Col } from "./sql";
import { id, type WriteContext } from "./write-people";

const UUID = /^[0-9a-f-]{36}$/;

/** The audited part of an account, as JSON, from a row alias; `importId` names the import. */
function snapshot(alias: string, importId?: string) {
  const fields = ["email", "name", "handRoles", "groupRoles", "roles"]
    .map((f) => `'${f}', to_jsonb(${alias}."${f}")`)
    .join(", ");
  return `jsonb_build_object(${fields}${importId ? `, 'import', '${importId}'` : ""})`;
}

const RETURNED = `id, email, name, "handRoles", "groupRoles", roles, "orgId"`;

export async function writePeople(ctx: WriteContext, plan: FilePlan | undefined) {
  if (!plan) return;
  if (!UUID.test(ctx.importId)) throw new Error("The import id is not a UUID");
  const actor = ctx.actorId === null ? "NULL" : String(Math.trunc(ctx.actorId));
  const entry = `INSERT INTO "AuditLog" ("actorId", action, entity, "entityId", "orgId", before, after)`;
  const cols: Col<PersonRow>[] = [
    col("name", "name", "text", (r) => r.name),
    // In the schema's order, as the people pages write them.
    col("roles", "handRoles", '"Role"[]', (r) => ROLE.values.filter((x) => r.roles.includes(x))),
    col("org", "orgId", "int", (r) => id(ctx.ids.org, r.org)),
    col("team", "teamId", "int", (r) => id(ctx.ids.team, r.team)),
  ];
  const created = await insertRows(
    ctx.c,
    "User",
    [...cols, col<PersonRow>(undefined, "email", "text", (r) => r.email)],
    plan.diff.create.map((r) => r.row as PersonRow),
    {
      returning: RETURNED,
      wrap: (insert) =>
        `WITH ins AS (${insert}), audited AS (${entry}
          SELECT ${actor}, 'create', 'User', ins.id::text, ins."orgId", NULL, ${snapshot("ins", ctx.importId)}
          FROM ins WHERE cardinality(ins."handRoles") > 0)
        SELECT id, email AS k FROM ins`,
    },
  );
  for (const r of created) ctx.ids.user.set(r.k, r.id);
  const present = new Set(plan.parsed.present);
  // The same UPDATE feeds the audit: `old` reads the rows as they were before it (one snapshot).
  // A role change is a change of the set: the order of older rows' roles may differ.
  const audited = (update: string) =>
    `WITH old AS (SELECT ${RETURNED} FROM "User" WHERE id = ANY($1::text[]::int[])),
      upd AS (${update} RETURNING ${RETURNED.replace(/(^|, )/g, "$1t.")})
    ${entry} SELECT ${actor}, 'update', 'User', upd.id::text, upd."orgId", ${snapshot("old")}, ${snapshot("upd", ctx.importId)}
    FROM upd JOIN old ON old.id = upd.id
    WHERE NOT (old."handRoles" @> upd."handRoles" AND old."handRoles" <@ upd."handRoles")`;
  await updateRows(
    ctx.c,
    "User",
    "int",
    cols.filter((c) => c.csv && present.has(c.csv)),
    plan.diff.update,
    present.has("roles") ? audited : undefined,
  );
}
