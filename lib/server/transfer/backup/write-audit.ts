// Restores the audit log from program.json: records the database lacks are appended in the
// file's order (the log is append-only, so a stored record is never changed).
// No "server-only" here: the import CLI runs this under plain Node.
import type pg from "pg";
import type { Change } from "@/lib/transfer/backup/diff";
import { each, idOf } from "./sql";

const COLUMNS = ["at", "actor", "action", "entity", "eid", "org", "before", "after"];
const jsonText = (v: unknown) => (v === null ? null : JSON.stringify(v));

export async function writeAuditLog(c: pg.ClientBase, changes: Change<"auditLog">[]) {
  const params = COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(", ");
  await each(
    c,
    `INSERT INTO "AuditLog" (at, "actorId", action, entity, "entityId", "orgId", before, after)
    SELECT u.at::timestamptz, ${idOf.user("u.actor")}, u.action, u.entity, u.eid, ${idOf.org("u.org")}, u.before::jsonb, u.after::jsonb
    FROM unnest(${params}) WITH ORDINALITY AS u(${COLUMNS.join(", ")}, n) ORDER BY u.n`,
    changes,
    [
      (x) => x.row.at,
      (x) => x.row.actor,
      (x) => x.row.action,
      (x) => x.row.entity,
      (x) => x.row.entityId,
      (x) => x.row.org,
      (x) => jsonText(x.row.before),
      (x) => jsonText(x.row.after),
    ],
  );
}
