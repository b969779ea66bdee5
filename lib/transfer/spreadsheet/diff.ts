// Sorts a file's rows into records to create, records to update and records already as the
// file says, comparing the canonical text of the columns the file has.
import type { ParsedRow } from "./parse";
import type { AnySpec } from "./spec";

export type Existing<Row> = { id: string; row: Row };
export type Update<Row> = { id: string; line: number; row: Row; before: Row };
export type Diff<Row> = { create: ParsedRow<Row>[]; update: Update<Row>[]; unchanged: number };

export function sameRow<Row>(spec: AnySpec, present: string[], a: Row, b: Row): boolean {
  const fa = spec.format(a);
  const fb = spec.format(b);
  return present.every((c) => fa[c] === fb[c]);
}

export function diffRows<Row>(
  spec: AnySpec,
  present: string[],
  rows: ParsedRow<Row>[],
  existing: Map<string, Existing<Row>>,
): Diff<Row> {
  const diff: Diff<Row> = { create: [], update: [], unchanged: 0 };
  for (const r of rows) {
    const found = existing.get(spec.key(r.row));
    if (!found) diff.create.push(r);
    else if (sameRow(spec, present, r.row, found.row)) diff.unchanged++;
    else diff.update.push({ id: found.id, line: r.line, row: r.row, before: found.row });
  }
  return diff;
}
