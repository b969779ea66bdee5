// Random and hostile input at the import parsers: the CSV reader, the 13 spreadsheet files
// and the backup's JSON files. Whatever comes in, they never throw, every problem names its
// file (and line and column where there is one), and no row they accept breaks its schema
// or holds what PostgreSQL cannot store (a NUL character).
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBackupFiles } from "@/lib/transfer/backup/parse";
import {
  BACKUP_FILE,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  PASSWORDS_FILE,
  SECTION_NAMES,
  SECTION_ROWS,
} from "@/lib/transfer/backup/schema";
import { csvLine, readCsv } from "@/lib/transfer/csv";
import { restoreCell } from "@/lib/transfer/csv-formulas";
import { SPECS } from "@/lib/transfer/spreadsheet/files";
import { parseImportFiles, type ParseResult } from "@/lib/transfer/spreadsheet/parse";
import { FILE_NAMES, type AnySpec } from "@/lib/transfer/spreadsheet/spec";
import type { ImportIssue } from "@/lib/transfer/types";

const RUNS = { numRuns: 150 };

const HOSTILE_TEXT = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "=cmd|' /C calc'!A0",
  "+1+1",
  "-2+3",
  "@SUM(A1:A2)",
  '=HYPERLINK("http://evil")',
  '\'; DROP TABLE "User"; --',
  "1 OR 1=1",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"',
  '""',
  ",",
  "\r\n",
  "\n",
  "NaN",
  "-1",
  "1e309",
  "Infinity",
  "0x10",
  "-0",
  "1.3",
  "99999999999999999999",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31T99:99",
  "🛡️",
  "é",
  "\u202Eevil",
  "\uFEFF",
  "ä̸̢̛",
  "null",
  "undefined",
  "true",
  "{}",
  "[]",
  "a; b; ;",
  "@",
  "x@",
  "@x.y",
];

const hostileCell = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom(
      "a",
      "1",
      "-",
      ":",
      ".",
      ";",
      "@",
      " ",
      '"',
      ",",
      "\n",
      "\u0000",
      "T",
      "Z",
    ),
    maxLength: 25,
  }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(201, 501, 2001, 4001, 100_000).map((n) => "x".repeat(n)),
);

/** The properties every issue has, whatever the input. */
function expectWellFormed(issues: ImportIssue[], files: ReadonlySet<string>) {
  for (const e of issues) {
    expect(files.has(e.file), `issue of an unknown file: ${JSON.stringify(e)}`).toBe(true);
    expect(e.line === null || (Number.isInteger(e.line) && e.line >= 1), JSON.stringify(e)).toBe(
      true,
    );
    expect(e.column === null || typeof e.column === "string").toBe(true);
    expect(
      typeof e.message === "string" && e.message.length > 0 && e.message.length < 600,
      e.message,
    ).toBe(true);
  }
}

/** No string inside a value holds a NUL (PostgreSQL text and jsonb refuse it). */
function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === "object")
    return Object.entries(value).some(([k, v]) => k.includes("\u0000") || hasNul(v));
  return false;
}

/**
 * Every accepted row is valid, writes back (as export does) to cells that read as the same row, and
 * holds no NUL.
 */
function expectAcceptedRowsValid(result: ParseResult) {
  for (const file of result.files) {
    for (const { line, row } of file.rows) {
      expect(Number.isInteger(line) && line >= 2).toBe(true);
      expect(hasNul(row), `${file.spec.name} line ${line} accepted a NUL`).toBe(false);
      const again = file.spec.schema.safeParse(file.spec.format(row));
      expect(
        again.success,
        `${file.spec.name} line ${line}: ${JSON.stringify(row).slice(0, 200)}`,
      ).toBe(true);
      expect(again.data).toEqual(row);
    }
    // Rows are accepted at most once per line, and never more than the file has.
    expect(new Set(file.rows.map((r) => r.line)).size).toBe(file.rows.length);
    expect(file.rows.length).toBeLessThanOrEqual(file.total);
  }
}

const lineBreaks = (text: string) => (text.match(/\r\n|\r|\n/g) ?? []).length;

describe("readCsv", () => {
  it("never throws on any text, and numbers records by strictly increasing lines within the text", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.string({
        unit: fc.constantFrom('"', ",", "\r", "\n", "a", " ", "\u0000", "é", "🛡", "\uFEFF"),
        maxLength: 300,
      }),
    );
    fc.assert(
      fc.property(text, (input) => {
        const { records, error } = readCsv(input);
        const last = lineBreaks(input) + 1;
        records.forEach((r, i) => {
          expect(r.line).toBeGreaterThanOrEqual(1);
          expect(r.line).toBeLessThanOrEqual(last);
          if (i > 0) expect(r.line).toBeGreaterThan(records[i - 1].line);
          expect(r.cells.length).toBeGreaterThan(0);
        });
        if (error) {
          expect(error.line).toBeGreaterThanOrEqual(records.at(-1)?.line ?? 1);
          expect(error.line).toBeLessThanOrEqual(last);
          expect(error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reads back exactly what csvLine wrote (formula escapes undone), with each record's first line", () => {
    const cellText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 20 }),
      fc.constantFrom(...HOSTILE_TEXT.filter((t) => t.length < 100)),
    );
    const table = fc
      .array(fc.array(cellText, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 })
      // A BOM at the very start is dropped on purpose (spreadsheet programs write one).
      .filter((rows) => !rows[0][0].startsWith("\uFEFF"));
    fc.assert(
      fc.property(table, (rows) => {
        const lines = rows.map(csvLine);
        const { records, error } = readCsv(lines.join(""));
        expect(error).toBeNull();
        expect(records.map((r) => r.cells.map(restoreCell))).toEqual(rows);
        let line = 1;
        records.forEach((r, i) => {
          expect(r.line).toBe(line);
          line += lineBreaks(lines[i]);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseImportFiles", () => {
  const names = new Set<string>(FILE_NAMES);

  it("never throws on random bytes under any file name, and reports problems by file", () => {
    const name = fc.oneof(
      fc.constantFrom(...FILE_NAMES),
      fc.constantFrom("Reviews.CSV", "dir/teams.csv", "x.txt", "", "../../etc/passwd"),
      fc.string({ maxLength: 20 }),
    );
    const upload = fc.record({
      name,
      content: fc.oneof(
        fc.uint8Array({ maxLength: 400 }),
        fc.string({ unit: "binary", maxLength: 400 }),
      ),
    });
    fc.assert(
      fc.property(fc.array(upload, { maxLength: 4 }), (uploads) => {
        const result = parseImportFiles(uploads);
        expectWellFormed(
          [...result.errors, ...result.warnings],
          new Set([...names, ...uploads.map((u) => u.name)]),
        );
        expectAcceptedRowsValid(result);
      }),
      RUNS,
    );
  });

  for (const spec of Object.values(SPECS) as AnySpec[]) {
    it(`${spec.name}: hostile cells in every column never throw, errors point at the file, a line and a column, accepted rows are valid`, () => {
      const optional = spec.columns.filter((c) => !spec.required.includes(c));
      // Every required column or one left out, some optional ones, maybe an unknown one, in any order.
      const header = fc
        .tuple(fc.subarray(optional), fc.boolean(), fc.boolean())
        .chain(([extra, unknown, keepAllRequired]) => {
          const columns = [
            ...(keepAllRequired ? spec.required : spec.required.slice(1)),
            ...extra,
            ...(unknown ? ["tracker_url"] : []),
          ];
          return fc.shuffledSubarray(columns, {
            minLength: columns.length,
            maxLength: columns.length,
          });
        })
        .filter((columns) => columns.length > 0);
      const file = header.chain((columns) =>
        fc.record({
          columns: fc.constant(columns),
          rows: fc.array(
            fc.array(hostileCell, { minLength: columns.length, maxLength: columns.length + 1 }),
            { maxLength: 6 },
          ),
        }),
      );
      fc.assert(
        fc.property(file, ({ columns, rows }) => {
          const text = [columns, ...rows].map(csvLine).join("");
          const result = parseImportFiles([{ name: spec.name, content: text }]);
          expectWellFormed([...result.errors, ...result.warnings], new Set([spec.name]));
          const recordLines = new Set(readCsv(text).records.map((r) => r.line));
          for (const e of result.errors) {
            expect(e.line === null || recordLines.has(e.line), JSON.stringify(e)).toBe(true);
            expect(
              e.column === null || columns.includes(e.column) || spec.columns.includes(e.column),
              JSON.stringify(e),
            ).toBe(true);
          }
          expectAcceptedRowsValid(result);
        }),
        RUNS,
      );
    });
  }

  // The good fixture's first row of each file, then one column at a time made hostile: the row
  // is refused with an error on that line (at that column, or at the column a cross-column
  // rule names), or accepted as a valid row.
  const fixture = (name: string) =>
    readFileSync(path.resolve("tests/fixtures/import", name), "utf8");
  for (const spec of Object.values(SPECS) as AnySpec[]) {
    it(`${spec.name}: a wrong value in any one column of a good row is refused on its line, or is a valid row`, () => {
      const [head, first] = readCsv(fixture(spec.name)).records;
      const columns = head.cells;
      expect(
        parseImportFiles([
          { name: spec.name, content: [columns, first.cells].map(csvLine).join("") },
        ]).errors,
      ).toEqual([]);
      for (const column of spec.columns.filter((c) => columns.includes(c))) {
        fc.assert(
          fc.property(hostileCell, (value) => {
            const cells = columns.map((c, i) => (c === column ? value : first.cells[i]));
            const result = parseImportFiles([
              { name: spec.name, content: [columns, cells].map(csvLine).join("") },
            ]);
            expectAcceptedRowsValid(result);
            if (result.errors.length === 0) {
              expect(result.files[0].rows).toHaveLength(1);
              return;
            }
            const [bad] = readCsv([columns, cells].map(csvLine).join("")).records.slice(1);
            for (const e of result.errors) {
              expect(e.file).toBe(spec.name);
              expect(e.line).toBe(bad.line);
              expect(e.column === null || spec.columns.includes(e.column), JSON.stringify(e)).toBe(
                true,
              );
            }
            expect(result.files[0]?.rows ?? []).toHaveLength(0);
          }),
          { numRuns: 60 },
        );
      }
    });
  }
});

describe("parseBackupFiles", () => {
  const files = new Set([BACKUP_FILE, PASSWORDS_FILE]);
  const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
    hostileCell,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(hostileCell, { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), hostileCell, { maxKeys: 3 }),
    fc.constantFrom(
      "2026-03-31",
      "2026-03-31T14:05:00Z",
      "a@example.test",
      "KUDOS",
      "WHITE",
      "ACTIVE",
      "QUARTER",
      "NEW_GUARDIANS",
    ),
  );
  /** A record with the section's own field names, each holding something hostile (or a plausible value). */
  const record = (section: (typeof SECTION_NAMES)[number]) => {
    const shape = (SECTION_ROWS[section] as unknown as { shape: Record<string, unknown> }).shape;
    return fc.record(Object.fromEntries(Object.keys(shape).map((k) => [k, hostileValue])), {
      requiredKeys: [],
    });
  };
  const backup = fc.record(
    {
      format: fc.oneof(fc.constant(BACKUP_FORMAT), hostileValue),
      version: fc.oneof(fc.constant(BACKUP_VERSION), hostileValue),
      ...Object.fromEntries(
        SECTION_NAMES.filter((s) => s !== "passwords").map((s) => [
          s,
          fc.array(record(s), { maxLength: 3 }),
        ]),
      ),
    },
    { requiredKeys: ["format", "version"] },
  );

  it("never throws on random bytes or random JSON, and reports problems by file", () => {
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.json().map((j) => new TextEncoder().encode(j)),
      fc.string({ unit: "binary", maxLength: 300 }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.constantFrom(BACKUP_FILE, PASSWORDS_FILE, "Program.JSON"),
            content,
          }),
          { maxLength: 3 },
        ),
        (uploads) => {
          const result = parseBackupFiles(uploads);
          expectWellFormed(result.errors, files);
          expect(result.errors.every((e) => e.line === null)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("accepts a section only when every record of it is valid and storable", () => {
    fc.assert(
      fc.property(backup, fc.constantFrom(BACKUP_FILE, PASSWORDS_FILE), (json, name) => {
        const result = parseBackupFiles([{ name, content: JSON.stringify(json) }]);
        expectWellFormed(result.errors, files);
        for (const [section, rows] of Object.entries(result.sections)) {
          for (const row of rows as unknown[]) {
            expect(
              hasNul(row),
              `${section} accepted a NUL: ${JSON.stringify(row).slice(0, 200)}`,
            ).toBe(false);
            const schema = SECTION_ROWS[section as (typeof SECTION_NAMES)[number]] as unknown as {
              safeParse: (v: unknown) => { success: boolean };
            };
            expect(
              schema.safeParse(row).success,
              `${section}: ${JSON.stringify(row).slice(0, 200)}`,
            ).toBe(true);
          }
        }
        // Nothing is accepted from a file with errors.
        if (result.errors.some((e) => e.column === null || !/\[\d+\]$/.test(e.column)))
          expect(Object.keys(result.sections)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("refuses a NUL anywhere in a backup record, naming the record", () => {
    const goal = {
      title: "Train guardians",
      metric: "NEW_GUARDIANS",
      target: 3,
      period: "QUARTER",
      higherIsBetter: true,
    };
    const rule = {
      belt: "WHITE",
      conditions: [{ kind: "course", course: "c1" }],
      updatedBy: null,
      updatedAt: "2026-03-31T14:05:00Z",
    };
    const parse = (sections: object) =>
      parseBackupFiles([
        {
          name: BACKUP_FILE,
          content: JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...sections }),
        },
      ]);
    expect(parse({ goals: [goal], beltRules: [rule] }).errors).toEqual([]);
    const bad = parse({ goals: [goal, { ...goal, title: "Train\u0000guardians" }] });
    expect(bad.sections.goals).toBeUndefined();
    expect(bad.errors).toEqual([
      expect.objectContaining({ file: BACKUP_FILE, line: null, column: "goals[1].title" }),
    ]);
    // Inside JSON values too, keys included (jsonb refuses them as well).
    for (const conditions of [[{ kind: "course", course: "c\u0000" }], { "a\u0000": 1 }]) {
      expect(parse({ beltRules: [{ ...rule, conditions }] }).errors).toEqual([
        expect.objectContaining({ column: "beltRules[0].conditions" }),
      ]);
    }
  });
});
