import { describe, expect, it } from "vitest";
import { matchActivities } from "@/lib/transfer/spreadsheet/activity-match";
import { csvLine, readCsv } from "@/lib/transfer/csv";
import { diffRows } from "@/lib/transfer/spreadsheet/diff";
import { SPECS } from "@/lib/transfer/spreadsheet/files";
import { parseImportFiles } from "@/lib/transfer/spreadsheet/parse";
import { checkOrgCycles, checkReferences, emptyKeySets } from "@/lib/transfer/spreadsheet/refs";
import { parseIsoInstant } from "@/lib/transfer/spreadsheet/values";

const parse = (name: string, content: string | Uint8Array) => parseImportFiles([{ name, content }]);
const where = (r: ReturnType<typeof parse>) => r.errors.map((e) => [e.file, e.line, e.column]);

describe("CSV reader", () => {
  it("reads quoted fields with commas, doubled quotes and newlines, and numbers records by their first line", () => {
    const { records, error } = readCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\rlast,""\n');
    expect(error).toBeNull();
    expect(records).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x, y", 'say "hi"'] },
      { line: 3, cells: ["two\nlines", "z"] },
      { line: 5, cells: ["last", ""] },
    ]);
  });

  it("drops a BOM, keeps empty trailing cells and reports an unclosed quote with its line", () => {
    expect(readCsv("\uFEFFa,b,\n1,,").records).toEqual([
      { line: 1, cells: ["a", "b", ""] },
      { line: 2, cells: ["1", "", ""] },
    ]);
    expect(readCsv('a\n"open\nstill').error).toEqual({
      line: 2,
      message: expect.stringContaining("never closed"),
    });
    expect(readCsv('a\n"x"y').error?.line).toBe(2);
  });

  it("writes cells that read back the same", () => {
    const cells = ["plain", "with, comma", 'a "quote"', "two\r\nlines", " padded ", ""];
    expect(readCsv(csvLine(cells)).records[0].cells).toEqual(cells);
  });
});

describe("file parsing", () => {
  it("refuses files named after Object's own properties like any other unknown file", () => {
    for (const name of ["__proto__", "constructor", "toString.csv", "hasOwnProperty"]) {
      const result = parseImportFiles([{ name, content: "" }]);
      expect(result.files).toEqual([]);
      expect(result.errors).toEqual([
        {
          file: name,
          line: null,
          column: null,
          message: expect.stringContaining("is not one of the import files"),
        },
      ]);
    }
  });

  it("accepts columns in any order, a BOM, CRLF, and normalises values", () => {
    const r = parse(
      "Teams.CSV",
      "\uFEFFjoined_on,Pilot,team,org,profile\r\n2025-01-15T10:00:00Z,yes,t1,o1,High impact\r\n2025-02-01,,t2,o1,\r\n",
    );
    expect(r.errors).toEqual([]);
    expect(r.files[0].rows).toEqual([
      {
        line: 2,
        row: {
          team: "t1",
          org: "o1",
          profile: "HIGH_IMPACT",
          pilot: true,
          joined_on: "2025-01-15",
        },
      },
      {
        line: 3,
        row: { team: "t2", org: "o1", profile: "NONE", pilot: false, joined_on: "2025-02-01" },
      },
    ]);
  });

  it("reports extra columns as warnings and ignores them; missing required columns as errors", () => {
    const extra = parse("courses.csv", "course,owner,required\nc1,ann,yes\n");
    expect(extra.errors).toEqual([]);
    expect(extra.warnings).toEqual([
      {
        file: "courses.csv",
        line: 1,
        column: "owner",
        message: "The column owner is not part of courses.csv and is ignored",
      },
    ]);
    expect(extra.files[0].rows[0].row).toEqual({ course: "c1", required: true, hours: 0 });
    const missing = parse("reviews.csv", "review_id,service\nR1,x\n");
    expect(where(missing)).toEqual([
      ["reviews.csv", 1, "team"],
      ["reviews.csv", 1, "requested_at"],
    ]);
    expect(missing.files[0].total).toBe(1);
  });

  it("splits ; lists into sorted sets and lower-cases emails", () => {
    const r = parse(
      "people.csv",
      "email,name,roles\nAnn@X.test,Ann,guardian; Security engineer;guardian\n",
    );
    expect(r.files[0].rows[0].row).toMatchObject({
      email: "ann@x.test",
      roles: ["GUARDIAN", "SECURITY_ENGINEER"],
    });
    const rev = parse(
      "reviews.csv",
      "review_id,team,service,requested_at,guardian_emails\nR1,t,s,2025-01-01,b@x.test;  a@x.test ;\n",
    );
    expect(rev.files[0].rows[0].row.guardian_emails).toEqual(["a@x.test", "b@x.test"]);
  });

  it("reports bad dates, enums and numbers with their line and column", () => {
    const csv = [
      "review_id,team,service,requested_at,completed_at,effort_hours",
      "R1,t,s,2025-02-30,,",
      'R2,t,"multi\nline",2025-01-01,2024-12-31,',
      "R3,t,s,2025-01-01,,1.1",
      "R4,t,s,2025-01-01,,-2",
      "R5,t,s,2025-01-01,,lots",
    ].join("\n");
    const r = parse("reviews.csv", csv);
    expect(where(r)).toEqual([
      ["reviews.csv", 2, "requested_at"],
      ["reviews.csv", 3, "completed_at"],
      ["reviews.csv", 5, "effort_hours"],
      ["reviews.csv", 6, "effort_hours"],
      ["reviews.csv", 7, "effort_hours"],
    ]);
    expect(r.errors[0].message).toContain("is not a date");
    expect(r.errors[2].message).toContain("quarter-hour steps");
    const f = parse(
      "findings.csv",
      "finding_id,review_id,severity,opened_on,status\nF1,R1,huge,2025-01-01,open\nF2,R1,low,2025-01-01,closed\n",
    );
    expect(where(f)).toEqual([
      ["findings.csv", 2, "severity"],
      ["findings.csv", 3, "status"],
    ]);
    expect(f.errors[0].message).toBe(
      "“huge” is not a severity: use critical / high / medium / low",
    );
  });

  it("stores hours as quarter-hours and reads STRIDE letters and words", () => {
    const a = parse(
      "activities.csv",
      "email,date,hours,activity_type\na@x.test,2025-01-01,1.5,deep dive\n",
    );
    expect(a.files[0].rows[0].row).toMatchObject({
      hours: 6,
      activity_type: "DEEP_DIVE",
      review_id: null,
      note: null,
    });
    const t = parse(
      "threats.csv",
      "threat_id,threat_model_id,category,severity\nT1,M,S,low\nT2,M,denial of service,low\nT3,M,x,low\n",
    );
    expect(t.files[0].rows.map((r) => r.row.category)).toEqual(["SPOOFING", "DENIAL_OF_SERVICE"]);
    expect(where(t)).toEqual([["threats.csv", 4, "category"]]);
  });

  it("reports duplicate keys, rows with too many cells and cross-column rules", () => {
    const r = parse("orgs.csv", "org,parent_org\na,\nb,b\na,\nc,,surplus\n");
    expect(r.errors).toEqual([
      {
        file: "orgs.csv",
        line: 3,
        column: "parent_org",
        message: "An org cannot be its own parent",
      },
      { file: "orgs.csv", line: 4, column: "org", message: "Duplicate org “a”: also on line 2" },
      {
        file: "orgs.csv",
        line: 5,
        column: null,
        message: "This row has 3 cells but the header has 2 columns",
      },
    ]);
    const g = parse(
      "guardians.csv",
      "email,team,status,nominated_on,active_on,left_on\na@x.test,t,active,2025-01-01,,\nb@x.test,t,alumni,2025-01-01,2025-02-01,\n",
    );
    expect(where(g)).toEqual([
      ["guardians.csv", 2, "active_on"],
      ["guardians.csv", 3, "left_on"],
    ]);
  });

  it("needs a subject column in feedback and exactly one subject per row", () => {
    expect(where(parse("feedback.csv", "guardian_email,rater_email,rating\n"))).toEqual([
      ["feedback.csv", 1, null],
    ]);
    const r = parse(
      "feedback.csv",
      "review_id,threat_model_id,guardian_email,rater_email,rating\n,,a@x.test,b@x.test,3\nR,M,a@x.test,b@x.test,3\nR,,a@x.test,b@x.test,6\n",
    );
    expect(where(r)).toEqual([
      ["feedback.csv", 2, "review_id"],
      ["feedback.csv", 3, "threat_model_id"],
      ["feedback.csv", 4, "rating"],
    ]);
  });

  it("refuses unknown file names, files uploaded twice, empty files and non-UTF-8 bytes", () => {
    const r = parseImportFiles([
      { name: "review.csv", content: "x\n" },
      { name: "courses.csv", content: "course\nc\n" },
      { name: "data/courses.csv", content: "course\nc\n" },
      { name: "orgs.csv", content: "" },
      { name: "teams.csv", content: new Uint8Array([0x74, 0x65, 0xff, 0x0a]) },
    ]);
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringContaining("is not one of the import files"),
      "courses.csv was uploaded twice",
      expect.stringContaining("The file is empty"),
      expect.stringContaining("not UTF-8"),
    ]);
  });

  it("parses ISO instants with zones and refuses impossible ones", () => {
    expect(parseIsoInstant("2026-03-31T14:05:00Z")).toBe(Date.UTC(2026, 2, 31, 14, 5));
    expect(parseIsoInstant("2026-03-31T14:05:00+02:00")).toBe(Date.UTC(2026, 2, 31, 12, 5));
    expect(parseIsoInstant("2026-03-31")).toBe(Date.UTC(2026, 2, 31));
    for (const bad of [
      "2026-13-01",
      "2026-02-29",
      "31/03/2026",
      "2026-03-31T25:00:00Z",
      "2026-3-1",
    ])
      expect(parseIsoInstant(bad)).toBeNull();
  });
});

describe("cross-file checks", () => {
  it("accepts references defined in a file or the database, and reports the rest with their line and column", () => {
    const r = parseImportFiles([
      { name: "teams.csv", content: "team,org,joined_on\nt1,o1,2025-01-01\nt2,ghost,2025-01-01\n" },
      {
        name: "findings.csv",
        content:
          "finding_id,review_id,severity,opened_on,status\nF1,R-db,low,2025-01-01,open\nF2,R-none,low,2025-01-01,open\n",
      },
    ]);
    const db = emptyKeySets();
    db.org.add("o1");
    db.review.add("R-db");
    expect(checkReferences(r.files, db)).toEqual([
      {
        file: "teams.csv",
        line: 3,
        column: "org",
        message: "No org “ghost” in orgs.csv or the database",
      },
      {
        file: "findings.csv",
        line: 3,
        column: "review_id",
        message: "No review “R-none” in reviews.csv or the database",
      },
    ]);
  });

  it("does not report references to rows that already failed", () => {
    const r = parseImportFiles([
      { name: "reviews.csv", content: "review_id,team,service,requested_at\nR1,t,s,not-a-date\n" },
      {
        name: "findings.csv",
        content: "finding_id,review_id,severity,opened_on,status\nF1,R1,low,2025-01-01,open\n",
      },
    ]);
    const db = emptyKeySets();
    db.team.add("t");
    expect(checkReferences(r.files, db)).toEqual([]);
  });

  it("finds org cycles through the database's parents", () => {
    const r = parse("orgs.csv", "org,parent_org\na,b\n");
    expect(
      checkOrgCycles(
        r.files,
        new Map([
          ["b", "a"],
          ["a", null],
        ]),
      ),
    ).toEqual([
      {
        file: "orgs.csv",
        line: 2,
        column: "parent_org",
        message: "These parents form a cycle: a → b → a",
      },
    ]);
    expect(checkOrgCycles(r.files, new Map([["b", null]]))).toEqual([]);
  });
});

describe("matching against stored rows", () => {
  it("sorts rows into create, update and unchanged on the columns the file has", () => {
    const r = parse(
      "teams.csv",
      "team,org,joined_on\nt1,o1,2025-01-01\nt2,o1,2025-01-01\nt3,o1,2025-01-01\n",
    );
    const stored = (team: string, org: string, profile = "HIGH_RISK") => ({
      id: team,
      row: { team, org, profile, pilot: true, joined_on: "2025-01-01" },
    });
    const diff = diffRows(
      SPECS["teams.csv"],
      r.files[0].present,
      r.files[0].rows,
      new Map([
        ["t1", stored("t1", "o1")],
        ["t2", stored("t2", "o2")],
      ]),
    );
    expect(diff.unchanged).toBe(1); // profile and pilot are not in the file, so they are left alone
    expect(diff.update.map((u) => [u.id, u.line])).toEqual([["t2", 3]]);
    expect(diff.create.map((c) => c.row.team)).toEqual(["t3"]);
  });

  it("matches repeated activities one to one, checks the 24 h day and future dates", () => {
    const r = parse(
      "activities.csv",
      "email,date,hours,activity_type\na@x.test,2025-01-01,1,question\na@x.test,2025-01-01,1,question\na@x.test,2025-01-01,22,other\na@x.test,2025-01-01,1,other\na@x.test,2026-06-01,1,other\n",
    );
    const storedRow = {
      email: "a@x.test",
      date: "2025-01-01",
      hours: 4,
      activity_type: "QUESTION" as const,
      review_id: null,
      note: null,
    };
    const plan = matchActivities(
      r.files[0].rows,
      [
        { row: storedRow, deleted: false },
        { row: storedRow, deleted: true },
      ],
      new Date("2026-01-01T00:00:00Z"),
    );
    expect(plan.unchanged).toBe(1);
    expect(plan.create.map((c) => [c.line, c.occurrence])).toEqual([
      [3, 2],
      [4, 0],
    ]); // 1 h + 1 h + 22 h: exactly 24 h
    expect(plan.errors.map((e) => [e.line, e.column])).toEqual([
      [5, "hours"],
      [6, "date"],
    ]);
    expect(plan.errors[0].message).toBe(
      "a@x.test would have 25 h on 2025-01-01; at most 24 h a day can be logged",
    );
  });
});
