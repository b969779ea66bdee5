import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderHtml } from "@/lib/newsletter/render";
import { assembleNewsletter } from "@/lib/newsletter/assemble";
import { activitySchema, newActivitySchema } from "@/lib/validations/activity";
import { beltRuleSchema } from "@/lib/validations/belt-rule";
import { orgSchema, teamSchema } from "@/lib/validations/directory";
import { goalSchema } from "@/lib/validations/goal";
import { nominationSchema, decisionSchema } from "@/lib/validations/nomination";
import { programSchema } from "@/lib/validations/program";
import { recognitionSchema } from "@/lib/validations/recognition";
import { signInSchema } from "@/lib/validations/sign-in";
import { completionSchema, courseSchema } from "@/lib/validations/training";
import { dashboardFilterSchema } from "@/lib/url-state/lists";

// Hostile values: wrong types, huge strings, unicode, negative/NaN numbers, SQL and HTML fragments.
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.constantFrom(
    '\'; DROP TABLE "User"; --',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "NaN",
    "-1",
    "1e309",
    "0x10",
    "",
    " ",
    "\u0000",
    "🛡️",
    "review:-1",
    "2026-02-30",
  ),
  fc.integer(),
  fc.double(),
  fc.constant(Number.NaN),
  fc.constant(-0),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

const SCHEMAS = {
  activitySchema,
  newActivitySchema,
  beltRuleSchema,
  orgSchema,
  teamSchema,
  goalSchema,
  nominationSchema,
  decisionSchema,
  programSchema,
  recognitionSchema,
  signInSchema,
  completionSchema,
  courseSchema,
  dashboardFilterSchema,
};

describe("every input schema holds against hostile input", () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`${name} never throws and never lets a bad value through`, () => {
      const keys = Object.keys(
        (schema as unknown as { shape?: object }).shape ?? { conditions: 1 },
      );
      fc.assert(
        fc.property(
          fc.record(
            Object.fromEntries(keys.map((k) => [k, hostile])) as Record<
              string,
              fc.Arbitrary<unknown>
            >,
            { requiredKeys: [] },
          ),
          (input) => {
            const result = schema.safeParse(input);
            if (!result.success) {
              expect(result.error.issues.length).toBeGreaterThan(0);
              return;
            }
            // Whatever passes is within the rules.
            const data = result.data as Record<string, unknown>;
            if ("hours" in data && typeof data.hours === "number") {
              expect(Number.isFinite(data.hours)).toBe(true);
              expect(Number.isInteger(data.hours * 4)).toBe(true);
              expect(data.hours).toBeGreaterThanOrEqual(0);
            }
            for (const v of Object.values(data))
              if (typeof v === "string") expect(v.length).toBeLessThanOrEqual(5_000);
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});

describe("rendering never passes markup through", () => {
  it("escapes every fact in the newsletter HTML", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (name, team, intro) => {
        const evil = (s: string) => `<script>${s}</script>`;
        const c = assembleNewsletter(
          {
            orgName: evil(name),
            quarterLabel: "Q3 2026",
            guardians: [
              {
                name: evil(name),
                team: evil(team),
                belt: null,
                newBelts: [],
                hours: 1,
                reviews: 1,
                threatModels: 0,
              },
            ],
            org: {
              reviewsWithGuardian: 1,
              reviewsWithoutGuardian: 1,
              cycleWith: 1,
              cycleWithout: 2,
              reductionPct: 50,
              findingsMitigated: 0,
              guardianHours: 1,
              hoursPerGuardianMonth: 1,
              trainingPct: null,
              threatModelsApproved: 0,
              guardianAuthoredPct: null,
            },
            awards: [{ name: evil(name), title: evil(intro), kind: "KUDOS" }],
            program: {
              activeGuardians: 1,
              reductionPct: null,
              hoursPerGuardianMonth: null,
              coveragePct: null,
            },
          },
          { intro: evil(intro), highlights: evil(intro) },
        );
        expect(
          renderHtml(c, { org: evil(intro), quarter: "2026-Q3", publishedAt: null }),
        ).not.toMatch(/<script/i);
      }),
      { numRuns: 200 },
    );
  });
});
