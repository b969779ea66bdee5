// Applies events (program.json's `events`, docs/events.md): an event is matched by title and
// start (and occurrence), updated or created; its registrations are replaced by the file's. An
// attended registration links to the person's live Training entry of the event's hours on its
// day with the event's note (restored from activities.csv), when one is not linked yet.
// No "server-only" here: the import CLI runs this under plain Node.
import type pg from "pg";
import type { Change } from "@/lib/transfer/backup/diff";
import { keyOf } from "@/lib/transfer/backup/keys";
import { toQuarterHours } from "@/lib/hours";
import { EVENT_KIND } from "@/lib/vocabulary";
import { byIndex, each, idOf, idsByKey, unnest } from "./sql";

const eventIds = (c: pg.ClientBase) =>
  idsByKey(
    c,
    "events",
    `SELECT id, title, "startsAt" FROM "Event" ORDER BY title, "startsAt", id`,
    [],
  );

export async function writeEvents(c: pg.ClientBase, changes: Change<"events">[]) {
  if (changes.length === 0) return;
  let ids = await eventIds(c);
  const cols = [
    "id",
    "kind",
    "title",
    "description",
    "starts",
    "qh",
    "capacity",
    "org",
    "cancelled",
    "creator",
    "created",
  ];
  const rows = changes.map(({ row: e, n }) => [
    ids.get(keyOf("events", e, n)) ?? null,
    e.kind,
    e.title,
    e.description,
    e.startsAt,
    toQuarterHours(e.hours),
    e.capacity,
    e.org,
    e.cancelledAt,
    e.createdBy,
    e.createdAt,
  ]);
  const get = byIndex(cols.length);
  await each(
    c,
    `UPDATE "Event" e SET kind = u.kind::"EventKind", description = u.description, "quarterHours" = u.qh::int,
      capacity = u.capacity::int, "orgId" = ${idOf.org("u.org")}, "cancelledAt" = u.cancelled::timestamptz
    FROM ${unnest(cols)} WHERE e.id = u.id::int`,
    rows.filter((r) => r[0] !== null),
    get,
  );
  await each(
    c,
    `INSERT INTO "Event" (kind, title, description, "startsAt", "quarterHours", capacity, "orgId", "cancelledAt", "createdById", "createdAt")
    SELECT u.kind::"EventKind", u.title, u.description, u.starts::timestamptz, u.qh::int, u.capacity::int, ${idOf.org("u.org")},
      u.cancelled::timestamptz, ${idOf.user("u.creator")}, u.created::timestamptz FROM ${unnest(cols)}`,
    rows.filter((r) => r[0] === null),
    get,
  );
  ids = await eventIds(c);
  const eid = changes.map(({ row, n }) => ids.get(keyOf("events", row, n))!);
  await c.query(`DELETE FROM "EventRegistration" WHERE "eventId" = ANY($1::int[])`, [eid]);
  const regCols = ["eid", "email", "registered", "attended", "place", "qh", "note"];
  for (const [i, { row: e }] of changes.entries()) {
    const note = `${EVENT_KIND.label(e.kind)}: ${e.title}`.slice(0, 500);
    // One person at a time, so two attendances of one day never claim the same entry.
    for (const r of e.registrations)
      await each(
        c,
        `INSERT INTO "EventRegistration" ("eventId", "userId", "registeredAt", attended, "placing", "entryId")
        SELECT u.eid::int, p.id, u.registered::timestamptz, u.attended::boolean, u.place::int,
          CASE WHEN u.attended::boolean THEN (
            SELECT a.id FROM "ActivityEntry" a JOIN "Event" ev ON ev.id = u.eid::int
            WHERE a."userId" = p.id AND a."deletedAt" IS NULL AND a.type = 'TRAINING'
              AND a."quarterHours" = u.qh::int AND a.note = u.note
              AND a.date = (ev."startsAt" AT TIME ZONE 'UTC')::date
              AND NOT EXISTS (SELECT 1 FROM "EventRegistration" x WHERE x."entryId" = a.id)
            ORDER BY a.id LIMIT 1) END
        FROM ${unnest(regCols)} JOIN "User" p ON p.email = u.email`,
        [[eid[i], r.email, r.registeredAt, r.attended, r.placing, toQuarterHours(e.hours), note]],
        byIndex(regCols.length),
      );
  }
}
