// What a file of the spreadsheet format is: its columns, which must be present, its row
// schema (zod, one object per row keyed by column), its natural key, the records it
// references, and how a row is written back as text.
import type { z } from "zod";
import { writeCsv } from "@/lib/transfer/csv";

export const FILE_NAMES = [
  "orgs.csv",
  "teams.csv",
  "people.csv",
  "guardians.csv",
  "reviews.csv",
  "findings.csv",
  "releases.csv",
  "threat_models.csv",
  "threats.csv",
  "activities.csv",
  "courses.csv",
  "completions.csv",
  "feedback.csv",
] as const;
export type FileName = (typeof FILE_NAMES)[number];

/** Kinds of record other rows point at, by natural key. */
export type RefKind = "org" | "team" | "user" | "review" | "threatModel" | "course";
export type Ref = { column: string; kind: RefKind; key: string };

export const REF_SOURCE: Record<RefKind, FileName> = {
  org: "orgs.csv",
  team: "teams.csv",
  user: "people.csv",
  review: "reviews.csv",
  threatModel: "threat_models.csv",
  course: "courses.csv",
};

export type FileSpec<Row> = {
  name: FileName;
  /** Every column, in the order export writes them. */
  columns: readonly string[];
  /** Columns the header must have; the others may be left out (then left as they are on update). */
  required: readonly string[];
  /** Where a duplicate-key error points, and what the key is called in its message. */
  keyColumn: string;
  keyName: string;
  schema: z.ZodType<Row, Record<string, string>>;
  /** The natural key; rows with the same key are the same record. */
  key: (row: Row) => string;
  /** The kind of record the file's keys name, when other files may point at them. */
  defines?: RefKind;
  refs: (row: Row) => Ref[];
  format: (row: Row) => Record<string, string>;
  /**
   * Columns holding numbers: written bare and read as they are. Every other column is text,
   * neutralised against formulas when written and restored when read (lib/transfer/csv-formulas.ts).
   */
  numeric?: readonly string[];
  /** Rows without a natural key (activities) may repeat; repeats are separate records. */
  repeatable?: boolean;
  /** A header rule beyond required columns (feedback needs review_id or threat_model_id). */
  headerProblem?: (present: ReadonlySet<string>) => string | null;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry of differently typed specs
export type AnySpec = FileSpec<any>;

/** The columns to compare and write: those the file has (keys always). */
export function presentColumns(spec: AnySpec, header: ReadonlySet<string>): string[] {
  return spec.columns.filter((c) => header.has(c));
}

/** Rows of a file (cells by column) as CSV text in the spec's column order, its header first when asked. */
export function specCsv(
  spec: AnySpec,
  rows: readonly Record<string, string>[],
  opts: { header?: boolean } = {},
): string {
  const cells = rows.map((r) => spec.columns.map((c) => r[c] ?? ""));
  return writeCsv(opts.header ? [spec.columns, ...cells] : cells, {
    numeric: (spec.numeric ?? []).map((c) => spec.columns.indexOf(c)),
  });
}

export const ref = (column: string, kind: RefKind, key: string | null | undefined): Ref[] =>
  key ? [{ column, kind, key }] : [];
export const refs = (column: string, kind: RefKind, keys: readonly string[]): Ref[] =>
  keys.map((key) => ({ column, kind, key }));
