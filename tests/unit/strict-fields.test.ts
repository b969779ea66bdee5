// The shared schema pieces of lib/validations/fields.ts: numbers that are numbers, ids an int
// column holds, dates from 2000 to tomorrow, text without lone surrogates, names on one line;
// and the schemas built from them, as forms and the JSON API use them.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  day,
  formNumber,
  hasControlCharacter,
  hasLoneSurrogate,
  latestDay,
  recordId,
  recordName,
  routeId,
} from "@/lib/validations/fields";
import { activityRequestSchema, activitySchema } from "@/lib/validations/activity";
import { orgSchema, teamSchema } from "@/lib/validations/directory";
import { dashboardFilterSchema, peopleFilterSchema } from "@/lib/url-state/lists";
import { parseImportFiles } from "@/lib/transfer/spreadsheet/parse";
import { isoDay } from "@/lib/period";

const NOT_DECIMAL = [
  "0x10",
  "1e1",
  "1E1",
  " 1",
  "1 ",
  "\n1",
  "+1",
  "Infinity",
  "NaN",
  "",
  "1,5",
  "١",
];
const NOT_NUMBERS = [true, false, [1], ["1"], {}, null, undefined, Number.NaN, Infinity];
const tomorrow = latestDay();
const dayAfter = isoDay(new Date(Date.parse(`${tomorrow}T00:00:00Z`) + 86_400_000));

describe("formNumber", () => {
  const n = formNumber(z.number("a number"));
  it("reads plain decimal text and numbers passed by code", () => {
    for (const [text, value] of [
      ["16", 16],
      ["1.5", 1.5],
      ["-2", -2],
      [".25", 0.25],
    ] as const)
      expect(n.parse(text)).toBe(value);
    expect(n.parse(3)).toBe(3);
  });
  it("refuses hex, exponents, white space, booleans, lists and the like", () => {
    for (const v of [...NOT_DECIMAL, ...NOT_NUMBERS])
      expect(n.safeParse(v).success, JSON.stringify(v)).toBe(false);
  });
});

describe("recordId and routeId", () => {
  const id = recordId("Choose one");
  it("take 1 to 2147483647 as digits", () => {
    expect(id.parse("1")).toBe(1);
    expect(id.parse("2147483647")).toBe(2147483647);
    expect(routeId("12")).toBe(12);
    expect(routeId("2147483647")).toBe(2147483647);
  });
  it("refuse what an int column cannot hold, and any other spelling", () => {
    for (const v of [
      "0",
      "-1",
      "2147483648",
      "99999999999999999999",
      "0x10",
      "1e3",
      "012",
      "1.0",
      " 1",
    ]) {
      expect(id.safeParse(v).success, v).toBe(false);
      expect(routeId(v), v).toBeNull();
    }
    for (const v of NOT_NUMBERS) expect(id.safeParse(v).success, String(v)).toBe(false);
  });
});

describe("day", () => {
  const d = day();
  it("takes real days from 2000-01-01 to tomorrow", () => {
    for (const v of ["2000-01-01", "2024-02-29", isoDay(new Date()), tomorrow])
      expect(d.safeParse(v).success, v).toBe(true);
  });
  it("refuses year 1, 1900, 1999 and anything after tomorrow", () => {
    for (const v of [
      "0001-01-01",
      "1900-01-01",
      "1999-12-31",
      dayAfter,
      "2999-01-01",
      "9999-12-31",
    ])
      expect(d.safeParse(v).success, v).toBe(false);
  });
});

describe("text checks", () => {
  it("find lone surrogates, not pairs", () => {
    expect(hasLoneSurrogate("a\uD800b")).toBe(true);
    expect(hasLoneSurrogate("\uDC00")).toBe(true);
    expect(hasLoneSurrogate("x\uD83D")).toBe(true);
    expect(hasLoneSurrogate("🛡️ ok")).toBe(false);
  });
  it("find control characters and line separators", () => {
    for (const c of ["\r", "\n", "\t", "\u0000", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029"])
      expect(hasControlCharacter(`a${c}b`), JSON.stringify(c)).toBe(true);
    expect(hasControlCharacter("Payments / Cards — 🛡️")).toBe(false);
  });
  it("keep names of organisations and teams on one line", () => {
    const name = recordName("Name it");
    expect(name.parse("  Payments Core ")).toBe("Payments Core");
    for (const v of ["Pay\r\nments", "Pay\nments", "Pay\tments", "Pay\u2028ments"])
      expect(name.safeParse(v).success, JSON.stringify(v)).toBe(false);
  });
});

describe("the schemas built from them", () => {
  const body = {
    date: isoDay(new Date()),
    type: "REVIEW",
    idempotencyKey: "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
  };

  it('the JSON API takes JSON numbers only: not "0x10", "1.5", true or [1]', () => {
    expect(activityRequestSchema.safeParse({ ...body, hours: 1.5 }).success).toBe(true);
    for (const hours of ["0x10", "1.5", "16", true, [1], null])
      expect(
        activityRequestSchema.safeParse({ ...body, hours }).success,
        JSON.stringify(hours),
      ).toBe(false);
  });

  it("the form takes decimal text, never hex or an exponent", () => {
    expect(activitySchema.safeParse({ ...body, hours: "1.5" }).success).toBe(true);
    for (const hours of ["0x10", "1e1", " 2", "2 "])
      expect(activitySchema.safeParse({ ...body, hours }).success, hours).toBe(false);
  });

  it("dates of year 1, 1900 or the far future are refused by the form and the API", () => {
    for (const date of ["0001-01-01", "1900-01-01", "2999-01-01"]) {
      expect(activitySchema.safeParse({ ...body, date, hours: "1" }).success, date).toBe(false);
      expect(activityRequestSchema.safeParse({ ...body, date, hours: 1 }).success, date).toBe(
        false,
      );
    }
  });

  it("team and organisation names refuse CR/LF; their ids refuse what an int cannot hold", () => {
    const team = {
      name: "Payments Core",
      orgId: "1",
      profile: "NONE",
      joinedOn: "2025-01-01",
      riskBudget: "10",
    };
    expect(teamSchema.safeParse(team).success).toBe(true);
    expect(teamSchema.safeParse({ ...team, name: "Pay\r\nments" }).success).toBe(false);
    expect(teamSchema.safeParse({ ...team, orgId: "99999999999" }).success).toBe(false);
    expect(teamSchema.safeParse({ ...team, riskBudget: "0x10" }).success).toBe(false);
    expect(teamSchema.safeParse({ ...team, joinedOn: "1900-01-01" }).success).toBe(false);
    expect(orgSchema.safeParse({ name: "Retail\nEurope", parentId: "" }).success).toBe(false);
    expect(orgSchema.safeParse({ name: "Retail", parentId: "2147483648" }).success).toBe(false);
  });

  it("URL filters ignore hex and out-of-range ids", () => {
    expect(peopleFilterSchema.parse({ org: "0x10" }).org).toBeUndefined();
    expect(peopleFilterSchema.parse({ org: "99999999999" }).org).toBeUndefined();
    expect(peopleFilterSchema.parse({ org: "16" }).org).toBe(16);
    expect(dashboardFilterSchema.parse({ team: "1e3" }).team).toBeUndefined();
  });
});

describe("the import", () => {
  const parse = (name: string, content: string) => parseImportFiles([{ name, content }]);

  it("refuses dates before 2000 or after tomorrow, on their cell", () => {
    const r = parse(
      "teams.csv",
      `team,org,joined_on\na,o,0001-01-01\nb,o,1900-01-01\nc,o,${dayAfter}\nd,o,2025-01-01\n`,
    );
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "joined_on"],
      [3, "joined_on"],
      [4, "joined_on"],
    ]);
    expect(r.errors[1].message).toContain("from 2000-01-01 to tomorrow");
  });

  it("refuses control characters in org and team keys (their names come from them)", () => {
    const r = parse("orgs.csv", 'org\n"pay\r\nments"\n"pay\tments"\npayments\n');
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "org"],
      [4, "org"],
    ]);
  });

  it("never hands on a lone surrogate: the file is read as UTF-8 bytes", () => {
    const r = parse("courses.csv", "course,required,hours\nx\uD800y,yes,1\n");
    expect(r.errors).toEqual([]);
    expect(r.files[0].rows[0].row.course).toBe("x\uFFFDy");
  });
});
