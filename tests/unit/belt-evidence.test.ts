import { describe, expect, it } from "vitest";
import { EVIDENCE_RECORDS, readEvidence, recordHref, withRecords } from "@/lib/belts/evidence";
import type { RuleResult } from "@/lib/belts/evaluate";
import { mentorshipSchema } from "@/lib/validations/mentorship";
import { mentorshipRow } from "@/lib/transfer/backup/schema-people";
import { isoDay, addUtcDays, todayUtc } from "@/lib/period";

const result: RuleResult = {
  belt: "BLACK",
  met: true,
  conditions: [
    {
      condition: { type: "previous-belt" },
      label: "Hold the Green belt",
      current: 1,
      required: 1,
      met: true,
    },
    {
      condition: { type: "reviews", min: 2 },
      label: "Take part in security reviews",
      current: 25,
      required: 2,
      met: true,
    },
    {
      condition: { type: "mentoring", min: 1 },
      label: "Mentor other guardians",
      current: 1,
      required: 1,
      met: true,
    },
    {
      condition: { type: "course", courseKey: "onb" },
      label: "Complete “Onboarding”",
      current: 1,
      required: 1,
      met: true,
    },
    {
      condition: { type: "feedback-average", min: 4, minRatings: 3 },
      label: "Average feedback",
      current: 4.5,
      required: 4,
      met: true,
    },
    {
      condition: { type: "hours", min: 40 },
      label: "Log security hours",
      current: 52,
      required: 40,
      met: true,
    },
  ],
};
const reviews = Array.from({ length: 25 }, (_, i) => ({
  kind: "review" as const,
  id: i + 1,
  key: `R-${i + 1}`,
  name: `Service ${i + 1}`,
}));
const sources = {
  reviews,
  threatModels: [],
  courses: [
    { kind: "course" as const, key: "onb", name: "Onboarding" },
    { kind: "course" as const, key: "owasp", name: "OWASP" },
  ],
  mentees: [{ kind: "person" as const, id: 9, name: "Ada" }],
  ratings: 6,
};

describe("belt evidence", () => {
  it("keeps each condition's figure and the records behind it, at most 20 per condition", () => {
    const items = withRecords(result, sources);
    expect(items.map((i) => i.type)).toEqual([
      "previous-belt",
      "reviews",
      "mentoring",
      "course",
      "feedback-average",
      "hours",
    ]);
    expect(items[0].records).toBeUndefined();
    expect(items[1].records).toHaveLength(EVIDENCE_RECORDS);
    expect(items[1].records![0]).toEqual(reviews[0]);
    expect(items[2].records).toEqual([{ kind: "person", id: 9, name: "Ada" }]);
    expect(items[3].records).toEqual([{ kind: "course", key: "onb", name: "Onboarding" }]);
    expect(items[4]).toMatchObject({ current: 4.5, count: 6 });
    expect(items[5].records).toBeUndefined();
  });

  it("reads evidence old and new; anything else is null", () => {
    const items = withRecords(result, sources);
    expect(readEvidence({ rule: items, evaluatedOn: "2026-06-01" })?.rule).toEqual(items);
    // Evidence from before records were kept, and the demo's, have figures only.
    expect(
      readEvidence({ rule: [{ label: "x", current: 1, required: 1 }], source: "demo data" }),
    ).toEqual({
      rule: [{ label: "x", current: 1, required: 1 }],
      source: "demo data",
    });
    expect(readEvidence(null)).toBeNull();
    expect(readEvidence({ rule: [{ label: "x" }] })).toBeNull();
  });

  it("links reviews, threat models and people to their pages; courses have none", () => {
    expect(recordHref(reviews[0])).toBe("/reviews/1");
    expect(recordHref({ kind: "threat-model", id: 3, key: "TM-3", name: "x" })).toBe(
      "/threat-models/3",
    );
    expect(recordHref({ kind: "person", id: 9, name: "Ada" })).toBe("/people/9");
    expect(recordHref({ kind: "course", key: "onb", name: "x" })).toBeNull();
  });
});

describe("mentoring input", () => {
  const today = isoDay(todayUtc());
  const tomorrow = isoDay(addUtcDays(todayUtc(), 1));
  const base = {
    mentorId: "3",
    menteeEmail: " Ada@Example.test ",
    startedOn: "2026-01-10",
    endedOn: "",
  };

  it("reads a mentor, a mentee's email and the dates", () => {
    expect(mentorshipSchema.parse(base)).toEqual({
      mentorId: 3,
      menteeEmail: "ada@example.test",
      startedOn: "2026-01-10",
      endedOn: undefined,
    });
  });

  it("refuses dates ahead, an end before the start and a bad email, each on its field", () => {
    const issues = (v: object) =>
      mentorshipSchema
        .safeParse({ ...base, ...v })
        .error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ startedOn: tomorrow })).toEqual([
      ["startedOn", "The mentoring cannot start in the future"],
    ]);
    expect(issues({ endedOn: "2026-01-09" })).toEqual([
      ["endedOn", "The end cannot come before the start"],
    ]);
    expect(issues({ endedOn: tomorrow })).toEqual([
      ["endedOn", "The mentoring cannot end in the future"],
    ]);
    expect(issues({ menteeEmail: "ada" })).toEqual([
      ["menteeEmail", "Enter the email of the person mentored"],
    ]);
    expect(mentorshipSchema.safeParse({ ...base, endedOn: today }).success).toBe(true);
  });

  it("a backup's mentorships obey the same rules", () => {
    const row = {
      mentor: "a@example.test",
      mentee: "b@example.test",
      startedOn: "2026-01-10",
      endedOn: null,
    };
    expect(mentorshipRow.safeParse(row).success).toBe(true);
    const issues = (v: object) =>
      mentorshipRow
        .safeParse({ ...row, ...v })
        .error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ mentee: "a@example.test" })).toEqual([["mentee", "No one mentors themselves"]]);
    expect(issues({ endedOn: "2026-01-09" })).toEqual([
      ["endedOn", "The end cannot come before the start"],
    ]);
  });
});
