// Sorts a section's records into new, changed and unchanged against the database's, by
// natural key, comparing canonical JSON. Records the database has and the file lacks stay.
import { stableJson } from "./fields";
import { recordKeys } from "./keys";
import { SECTION_ROWS, type SectionName, type SectionRow } from "./schema";

/** A record to write and its occurrence among records with the same base key (0 when unique). */
export type Change<S extends SectionName> = { row: SectionRow<S>; n: number };
export type SectionDiff<S extends SectionName> = {
  write: Change<S>[];
  create: number;
  update: number;
  unchanged: number;
};

/** Database rows in the file's canonical form (a row the schema refuses is kept as read, so it compares as changed). */
export function normalise<S extends SectionName>(section: S, rows: unknown[]): SectionRow<S>[] {
  const schema = SECTION_ROWS[section];
  return rows.map((r) => {
    const parsed = schema.safeParse(r);
    return (parsed.success ? parsed.data : r) as SectionRow<S>;
  });
}

export function diffSection<S extends SectionName>(
  section: S,
  file: SectionRow<S>[],
  stored: SectionRow<S>[],
): SectionDiff<S> {
  const storedKeys = recordKeys(section, stored).keys;
  const existing = new Map(storedKeys.map((k, i) => [k, stableJson(stored[i])]));
  const diff: SectionDiff<S> = { write: [], create: 0, update: 0, unchanged: 0 };
  const { keys, occurrences } = recordKeys(section, file);
  keys.forEach((k, i) => {
    const before = existing.get(k);
    if (before === stableJson(file[i])) diff.unchanged++;
    else {
      diff.write.push({ row: file[i], n: occurrences[i] });
      if (before === undefined) diff.create++;
      else diff.update++;
    }
  });
  return diff;
}
