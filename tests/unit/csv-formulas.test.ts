// Spreadsheet formula injection: every text cell the app writes is neutralised and quoted,
// numbers in numeric columns stay numbers, and the reader gives back exactly what was written.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsv, writeCsv } from "@/lib/transfer/csv";
import {
  FORMULA_TRIGGERS,
  isPlainNumber,
  neutraliseCell,
  restoreCell,
} from "@/lib/transfer/csv-formulas";
import { parseImportFiles } from "@/lib/transfer/spreadsheet/parse";
import { SPECS } from "@/lib/transfer/spreadsheet/files";
import { specCsv } from "@/lib/transfer/spreadsheet/spec";

const OWASP = ["=", "+", "-", "@", "\t", "\r"];

/** Cells as a spreadsheet program sees them (after CSV quoting is undone). */
const cellsOf = (csv: string) => readCsv(csv).records.map((r) => r.cells);

describe("neutraliseCell and restoreCell", () => {
  it("covers OWASP's characters", () => {
    expect(FORMULA_TRIGGERS).toEqual(expect.arrayContaining(OWASP));
  });

  for (const c of FORMULA_TRIGGERS) {
    it(`prefixes a cell starting with ${JSON.stringify(c)} with ' and takes it off again`, () => {
      const text = `${c}HYPERLINK("http://x","y")`;
      expect(neutraliseCell(text)).toBe(`'${text}`);
      expect(restoreCell(neutraliseCell(text))).toBe(text);
    });
  }

  it("escapes a text that really starts with ', and leaves a hand-typed ' alone", () => {
    expect(neutraliseCell("'quoted")).toBe("''quoted");
    expect(restoreCell("''quoted")).toBe("'quoted");
    expect(neutraliseCell("'=1+1")).toBe("''=1+1");
    expect(restoreCell("''=1+1")).toBe("'=1+1");
    expect(restoreCell("'quoted")).toBe("'quoted");
    expect(restoreCell("'")).toBe("'");
  });

  it("leaves other text alone", () => {
    for (const text of ["", "plain", " =1+1", "a=b", "1-2", "Cards v2", "🛡️"])
      expect(neutraliseCell(text)).toBe(text);
  });

  it("restores whatever it neutralised, for any text", () => {
    const anyText = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string({ unit: "grapheme" }),
      fc.tuple(fc.constantFrom(...FORMULA_TRIGGERS, "'", "''"), fc.string()).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        expect(restoreCell(neutraliseCell(text))).toBe(text);
        expect(FORMULA_TRIGGERS).not.toContain(neutraliseCell(text).charAt(0));
      }),
      { numRuns: 2_000 },
    );
  });

  it("knows a plain number", () => {
    for (const n of ["0", "-1", "-1.5", "3.0", "0.25", ".5", "-.5", "100000"])
      expect(isPlainNumber(n)).toBe(true);
    for (const n of ["", "-", "1e3", "0x10", "-1+2", " 1", "1 ", "+1", "1,5", "--1", "=1"])
      expect(isPlainNumber(n)).toBe(false);
  });
});

describe("writeCsv neutralises every text cell", () => {
  it("prefixes formula cells with ' and quotes every text cell, the header too", () => {
    const csv = writeCsv([
      ["note", "service"],
      ['=HYPERLINK("http://x","y")', "@SUM(1)"],
      ["+cmd", "-2+3"],
      ["\tlead", "\rcarriage"],
      ["'quoted", "plain"],
    ]);
    expect(csv).toBe(
      [
        '"note","service"',
        '"\'=HYPERLINK(""http://x"",""y"")","\'@SUM(1)"',
        '"\'+cmd","\'-2+3"',
        '"\'\tlead","\'\rcarriage"',
        '"\'\'quoted","plain"',
        "",
      ].join("\r\n"),
    );
  });

  it("writes numbers of numeric columns bare, negative ones included; anything else there as text", () => {
    const csv = writeCsv(
      [
        ["metric", "value"],
        ["Change", "-1.5"],
        ["Change", "3.0"],
        ["Change", ""],
        ["Change", "-1+cmd"],
        ["Change", "=1"],
      ],
      { lineEnd: "\n", numeric: [1] },
    );
    expect(csv).toBe(
      '"metric","value"\n"Change",-1.5\n"Change",3.0\n"Change",\n"Change","\'-1+cmd"\n"Change","\'=1"\n',
    );
    // The same negative number in a text column is text: it cannot be told from a formula.
    expect(writeCsv([["-1.5"]])).toBe('"\'-1.5"\r\n');
  });

  it("never lets a spreadsheet see a formula, and reads back exactly what it wrote", () => {
    const cell = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string({ unit: "grapheme" }),
      fc
        .tuple(fc.constantFrom(...FORMULA_TRIGGERS, "'", '"', ";", ","), fc.string())
        .map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1 }),
        (rows) => {
          const read = cellsOf(writeCsv(rows));
          for (const row of read)
            for (const c of row) expect(FORMULA_TRIGGERS).not.toContain(c.charAt(0));
          expect(read.map((row) => row.map(restoreCell))).toEqual(rows);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("the import reads the app's own CSV back exactly", () => {
  const courses = SPECS["courses.csv"];

  it("restores text columns, and leaves numeric ones as written", () => {
    fc.assert(
      fc.property(
        fc
          .tuple(
            fc.constantFrom(...FORMULA_TRIGGERS, "'", "''", "a"),
            fc.string({ maxLength: 100 }),
          )
          .map(([a, b]) => (a + b).trim())
          .filter((key) => key !== "" && !key.includes("\u0000")),
        (key) => {
          const content = specCsv(
            courses,
            [courses.format({ course: key, required: true, hours: 6 })],
            { header: true },
          );
          const parsed = parseImportFiles([{ name: "courses.csv", content }]);
          expect(parsed.errors).toEqual([]);
          expect(parsed.files[0].rows[0].row).toEqual({ course: key, required: true, hours: 6 });
        },
      ),
      { numRuns: 300 },
    );
  });
});
