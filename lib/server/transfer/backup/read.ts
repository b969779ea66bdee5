// Reads program.json's sections from the database in the file's canonical form: export writes
// them, and import compares the file against them to find what would change.
// No "server-only" here: the import and export CLIs run this under plain Node.
import type pg from "pg";
import { normalise } from "@/lib/transfer/backup/diff";
import type { SectionName, SectionRow, Sections } from "@/lib/transfer/backup/schema";
import { clean } from "../spreadsheet/readers";
import { SECTION_SQL } from "./read-sql";
import { toHours } from "@/lib/hours";

const plain = (row: Record<string, unknown>) => {
  for (const [k, v] of Object.entries(row)) if (v instanceof Date) row[k] = v.toISOString();
  return row;
};

/** Live activity entries linked to a threat model, counted per set of activities.csv values. */
async function readActivityLinks(c: pg.ClientBase): Promise<SectionRow<"activityLinks">[]> {
  const { rows } = await c.query(`
    SELECT u.email, a.date::text AS date, a."quarterHours" AS qh, a.type::text AS type, r.key AS review, a.note, tm.key AS "threatModel"
    FROM "ActivityEntry" a JOIN "User" u ON u.id = a."userId" JOIN "ThreatModel" tm ON tm.id = a."threatModelId" LEFT JOIN "Review" r ON r.id = a."reviewId"
    WHERE a."deletedAt" IS NULL`);
  const groups = new Map<string, SectionRow<"activityLinks">>();
  for (const x of rows) {
    const row = {
      email: x.email,
      date: x.date,
      hours: toHours(x.qh),
      type: x.type,
      review: x.review,
      // The note as activities.csv writes it, so a link names the entries the CSV recreates.
      note: clean(x.note),
      threatModel: x.threatModel,
      entries: 0,
    };
    const key = JSON.stringify({ ...row, entries: 0 });
    const group = groups.get(key) ?? row;
    group.entries++;
    groups.set(key, group);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}

export async function readSection<S extends SectionName>(
  c: pg.ClientBase,
  section: S,
): Promise<SectionRow<S>[]> {
  if (section === "activityLinks") return readActivityLinks(c) as Promise<SectionRow<S>[]>;
  const { rows } = await c.query(SECTION_SQL[section as Exclude<SectionName, "activityLinks">]);
  return normalise(section, rows.map(plain));
}

export async function readSections<S extends SectionName>(
  c: pg.ClientBase,
  sections: readonly S[],
): Promise<Pick<Sections, S>> {
  const out = {} as Pick<Sections, S>;
  for (const s of sections) (out as Record<string, unknown>)[s] = await readSection(c, s);
  return out;
}
