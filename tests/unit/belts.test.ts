import { describe, expect, it } from "vitest";
import { beltsToAward, evaluateCondition, nextBelt, type BeltFacts } from "@/lib/belts/evaluate";
import { DEFAULT_BELT_RULES, type BeltName } from "@/lib/belts/default-rules";

const today = new Date("2026-11-22T00:00:00Z");
const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000);
const facts = (over: Partial<BeltFacts> = {}): BeltFacts => ({
  completedCourses: new Set(),
  requiredCourses: ["guardian-onboarding", "secure-coding"],
  reviews: 0,
  threatModels: 0,
  hours: [],
  ratings: [],
  mentees: 0,
  heldBelts: new Set<BeltName>(),
  ...over,
});

describe("conditions", () => {
  it.each([
    [{ type: "reviews", min: 5 }, facts({ reviews: 4 }), 4, false],
    [{ type: "reviews", min: 5 }, facts({ reviews: 5 }), 5, true],
    [{ type: "threat-models", min: 2 }, facts({ threatModels: 2 }), 2, true],
    [{ type: "mentoring", min: 1 }, facts({ mentees: 0 }), 0, false],
    [
      { type: "course", courseKey: "secure-coding" },
      facts({ completedCourses: new Set(["secure-coding"]) }),
      1,
      true,
    ],
    [
      { type: "required-courses" },
      facts({ completedCourses: new Set(["guardian-onboarding"]) }),
      1,
      false,
    ],
    [
      { type: "required-courses" },
      facts({ completedCourses: new Set(["guardian-onboarding", "secure-coding"]) }),
      2,
      true,
    ],
  ] as const)("%j → %s", (condition, f, current, met) => {
    const r = evaluateCondition(condition, f, "GREEN", today);
    expect(r.current).toBe(current);
    expect(r.met).toBe(met);
  });

  it("counts hours in a window, excluding older and future entries", () => {
    const f = facts({
      hours: [
        { date: daysAgo(10), quarterHours: 40 },
        { date: daysAgo(100), quarterHours: 40 },
        { date: daysAgo(-1), quarterHours: 40 },
      ],
    });
    expect(
      evaluateCondition({ type: "hours", min: 10, windowDays: 90 }, f, "GREEN", today),
    ).toMatchObject({ current: 10, met: true });
    expect(evaluateCondition({ type: "hours", min: 20.25 }, f, "GREEN", today)).toMatchObject({
      current: 20,
      met: false,
    });
  });

  it("needs enough ratings as well as a high average", () => {
    expect(
      evaluateCondition(
        { type: "feedback-average", min: 4, minRatings: 3 },
        facts({ ratings: [5, 5] }),
        "BLACK",
        today,
      ).met,
    ).toBe(false);
    expect(
      evaluateCondition(
        { type: "feedback-average", min: 4, minRatings: 3 },
        facts({ ratings: [5, 4, 3] }),
        "BLACK",
        today,
      ),
    ).toMatchObject({ current: 4, met: true });
    expect(
      evaluateCondition(
        { type: "feedback-average", min: 4, minRatings: 3 },
        facts({ ratings: [5, 4, 2] }),
        "BLACK",
        today,
      ).met,
    ).toBe(false);
  });

  it("previous-belt looks one rung down, and White needs none", () => {
    expect(
      evaluateCondition(
        { type: "previous-belt" },
        facts({ heldBelts: new Set(["WHITE"]) }),
        "YELLOW",
        today,
      ).met,
    ).toBe(true);
    expect(
      evaluateCondition(
        { type: "previous-belt" },
        facts({ heldBelts: new Set(["WHITE"]) }),
        "GREEN",
        today,
      ).met,
    ).toBe(false);
    expect(evaluateCondition({ type: "previous-belt" }, facts(), "WHITE", today).met).toBe(true);
  });
});

describe("the belt ladder with the default rules", () => {
  const green = facts({
    completedCourses: new Set(["guardian-onboarding", "secure-coding"]),
    reviews: 5,
    threatModels: 2,
    hours: [{ date: daysAgo(30), quarterHours: 160 }],
  });
  it("awards every belt whose chain is met, in order", () => {
    expect(beltsToAward(DEFAULT_BELT_RULES, green, today).map((r) => r.belt)).toEqual([
      "WHITE",
      "YELLOW",
      "GREEN",
    ]);
  });
  it("stops at the first rung not met", () => {
    const noOnboarding = facts({ ...green, completedCourses: new Set(["secure-coding"]) });
    expect(beltsToAward(DEFAULT_BELT_RULES, noOnboarding, today).map((r) => r.belt)).toEqual([
      "WHITE",
    ]);
  });
  it("awards nothing already held and reports the next belt's missing conditions", () => {
    const held = facts({ ...green, heldBelts: new Set<BeltName>(["WHITE", "YELLOW", "GREEN"]) });
    expect(beltsToAward(DEFAULT_BELT_RULES, held, today)).toEqual([]);
    const next = nextBelt(DEFAULT_BELT_RULES, held, today)!;
    expect(next.belt).toBe("BLACK");
    expect(
      next.conditions.filter((c) => !c.met).map((c) => `${c.label}: ${c.current} of ${c.required}`),
    ).toEqual([
      "Take part in security reviews: 5 of 10",
      "Mentor other guardians: 0 of 1",
      "Average feedback of at least 4 over 3+ ratings: 0 of 4",
    ]);
    expect(
      nextBelt(
        DEFAULT_BELT_RULES,
        facts({ heldBelts: new Set<BeltName>(["WHITE", "YELLOW", "GREEN", "BLACK"]) }),
        today,
      ),
    ).toBeNull();
  });
});
