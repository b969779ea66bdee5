// Links activity entries to threat models (activities.csv has no such column). Entries have no
// natural key, so a link names the entries by their activities.csv values and a count: that
// many live entries with those values get the threat model, taken from those without one.
import type pg from "pg";
import type { Change } from "@/lib/transfer/backup/diff";
import { clean } from "../spreadsheet/readers";
import { byIndex, each, unnest } from "./sql";
import { toHours } from "@/lib/hours";

type Entry = {
  id: string;
  email: string;
  date: string;
  qh: number;
  type: string;
  review: string | null;
  note: string | null;
  tm: string | null;
};

const values = (e: {
  email: string;
  date: string;
  hours: number;
  type: string;
  review: string | null;
  note: string | null;
}) => JSON.stringify([e.email, e.date, e.hours, e.type, e.review, e.note]);

export async function writeActivityLinks(c: pg.ClientBase, changes: Change<"activityLinks">[]) {
  if (changes.length === 0) return;
  const days = [...new Set(changes.map((x) => JSON.stringify([x.row.email, x.row.date])))].map(
    (d) => JSON.parse(d) as [string, string],
  );
  const { rows } = await c.query<Entry>(
    `
    SELECT a.id::text AS id, u.email, a.date::text AS date, a."quarterHours" AS qh, a.type::text AS type, r.key AS review, a.note, tm.key AS tm
    FROM ${unnest(["email", "day"], "k")} JOIN "User" u ON u.email = k.email JOIN "ActivityEntry" a ON a."userId" = u.id AND a.date = k.day::date
    LEFT JOIN "Review" r ON r.id = a."reviewId" LEFT JOIN "ThreatModel" tm ON tm.id = a."threatModelId"
    WHERE a."deletedAt" IS NULL ORDER BY a.id`,
    [days.map((d) => d[0]), days.map((d) => d[1])],
  );
  const entries = new Map<string, Entry[]>();
  for (const e of rows) {
    const k = values({ ...e, hours: toHours(e.qh), note: clean(e.note) });
    entries.set(k, [...(entries.get(k) ?? []), e]);
  }
  const links: [string, string][] = [];
  for (const { row } of changes) {
    const same = entries.get(values(row)) ?? [];
    const missing = row.entries - same.filter((e) => e.tm === row.threatModel).length;
    for (const e of same.filter((x) => x.tm === null).slice(0, Math.max(0, missing))) {
      e.tm = row.threatModel;
      links.push([e.id, row.threatModel]);
    }
  }
  // The entry's current version row says the same as the entry.
  await each(
    c,
    `WITH linked AS (
      UPDATE "ActivityEntry" a SET "threatModelId" = tm.id FROM ${unnest(["id", "tm"])} JOIN "ThreatModel" tm ON tm.key = u.tm WHERE a.id = u.id::bigint
      RETURNING a.id, a.version, a."threatModelId")
    UPDATE "ActivityEntryVersion" v SET "threatModelId" = linked."threatModelId" FROM linked WHERE v."entryId" = linked.id AND v.version = linked.version`,
    links,
    byIndex(2),
  );
}
