import { describe, expect, it } from "vitest";
import {
  applicablePolicy,
  fastTrackRefusal,
  holdsBeltAtLeast,
  type FastTrackCase,
  type FastTrackPolicyFacts,
} from "@/lib/fast-track/rule";
import { isDrawnForSpotCheck, newSpotCheckSeed, spotCheckDraw } from "@/lib/fast-track/sampling";
import type { BeltPeriod } from "@/lib/belts/validity";
import { fastTrackMetricsFrom } from "@/lib/metrics/fast-track";
import type { QuarterMetricsLike } from "@/lib/metrics/quarter-types";
import { buildSeries, chartGroups, familyById } from "@/lib/metrics/series";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const policy = (over: Partial<FastTrackPolicyFacts> = {}): FastTrackPolicyFacts => ({
  id: 1,
  teamId: null,
  teamProfile: "QUICK_WINS",
  enabled: true,
  minBelt: "GREEN",
  checklist: ["No new external endpoint", "No new personal data"],
  ...over,
});
const green = (over: Partial<BeltPeriod> = {}): BeltPeriod => ({
  belt: "GREEN",
  awardedOn: d("2026-01-10"),
  expiresOn: d("2027-01-10"),
  revokedAt: null,
  ...over,
});
const base = (over: Partial<FastTrackCase> = {}): FastTrackCase => ({
  policy: policy(),
  activeGuardianOfTeam: true,
  beltPeriods: [green()],
  suspended: false,
  answers: ["low-risk", "low-risk"],
  review: { completed: false, started: false, openFindings: 0 },
  day: d("2026-12-07"),
  ...over,
});
const code = (over: Partial<FastTrackCase>) => fastTrackRefusal(base(over))?.code ?? null;

describe("fast-track rule: eligibility", () => {
  it("allows a guardian of the team with a valid belt, all answers low risk, not suspended", () => {
    expect(fastTrackRefusal(base())).toBeNull();
  });

  it("needs a policy for the team or its profile, switched on", () => {
    expect(code({ policy: null })).toBe("no-policy");
    expect(code({ policy: policy({ enabled: false }) })).toBe("policy-off");
  });

  it("needs an active guardian of the reviewed team", () => {
    expect(code({ activeGuardianOfTeam: false })).toBe("not-guardian");
  });

  it("needs the chosen belt or a higher one, held and still valid on the day", () => {
    expect(code({ beltPeriods: [] })).toBe("belt");
    expect(code({ beltPeriods: [green({ belt: "YELLOW" })] })).toBe("belt");
    expect(code({ beltPeriods: [green({ belt: "BLACK" })] })).toBeNull();
    // Expired on the day itself: the expiry date is the first day not held.
    expect(code({ beltPeriods: [green({ expiresOn: d("2026-12-07") })] })).toBe("belt");
    expect(code({ beltPeriods: [green({ expiresOn: d("2026-12-08") })] })).toBeNull();
    expect(code({ beltPeriods: [green({ revokedAt: d("2026-11-01") })] })).toBe("belt");
    expect(code({ beltPeriods: [green({ awardedOn: d("2026-12-08") })] })).toBe("belt");
    // An expired Green beside a valid Yellow is not enough for a Green policy.
    expect(
      code({
        beltPeriods: [
          green({ expiresOn: d("2026-06-01") }),
          green({ belt: "YELLOW", expiresOn: null }),
        ],
      }),
    ).toBe("belt");
  });

  it("needs every checklist question answered low risk", () => {
    expect(code({ answers: ["low-risk", "not-low-risk"] })).toBe("checklist");
    expect(code({ answers: ["low-risk", undefined] })).toBe("checklist");
    expect(code({ answers: ["low-risk"] })).toBe("checklist");
    expect(code({ answers: ["low-risk", "low-risk", "low-risk"] })).toBe("checklist");
    expect(code({ policy: policy({ checklist: [] }), answers: [] })).toBe("checklist");
  });

  it("refuses a suspended guardian", () => {
    expect(code({ suspended: true })).toBe("suspended");
  });

  it("fast-tracks only a review still waiting for a security engineer, with no open finding", () => {
    expect(code({ review: { completed: true, started: true, openFindings: 0 } })).toBe("completed");
    expect(code({ review: { completed: false, started: true, openFindings: 0 } })).toBe("started");
    expect(code({ review: { completed: false, started: false, openFindings: 1 } })).toBe(
      "open-findings",
    );
  });

  it("names the missing belt in its message", () => {
    expect(fastTrackRefusal(base({ beltPeriods: [] }))?.message).toMatch(/Green belt or higher/);
  });

  it("holdsBeltAtLeast ranks belts White < Yellow < Green < Black", () => {
    const day = d("2026-12-07");
    expect(holdsBeltAtLeast([green({ belt: "WHITE" })], "WHITE", day)).toBe(true);
    expect(holdsBeltAtLeast([green({ belt: "WHITE" })], "YELLOW", day)).toBe(false);
    expect(holdsBeltAtLeast([green({ belt: "BLACK" })], "GREEN", day)).toBe(true);
  });
});

describe("fast-track rule: which policy applies", () => {
  const profile = policy({ id: 1, teamProfile: "QUICK_WINS" });
  const team7 = policy({ id: 2, teamId: 7, teamProfile: null, enabled: false });
  it("takes the team's own policy first, even when it is off", () => {
    expect(applicablePolicy([profile, team7], { id: 7, profile: "QUICK_WINS" })?.id).toBe(2);
  });
  it("falls back to the team profile's policy, or none", () => {
    expect(applicablePolicy([profile, team7], { id: 8, profile: "QUICK_WINS" })?.id).toBe(1);
    expect(applicablePolicy([profile, team7], { id: 8, profile: "HIGH_RISK" })).toBeNull();
  });
});

describe("spot-check sampling", () => {
  const ids = Array.from({ length: 20_000 }, (_, i) => i + 1);

  it("is reproducible: the same seed and review ids pick the same reviews", () => {
    const pick = (seed: string) => ids.filter((id) => isDrawnForSpotCheck(seed, id, 20));
    expect(pick("seed-a")).toEqual(pick("seed-a"));
    expect(pick("seed-a")).not.toEqual(pick("seed-b"));
    // Pinned values: a change of the draw would change past picks.
    expect(spotCheckDraw("seed-a", 1)).toBe(spotCheckDraw("seed-a", 1));
    expect(spotCheckDraw("seed-a", 1)).not.toBe(spotCheckDraw("seed-a", 2));
  });

  it("draws numbers in [0, 1)", () => {
    for (const id of ids.slice(0, 2000)) {
      const x = spotCheckDraw("s", id);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it.each([0, 5, 20, 50, 100])("respects a share of %i percent", (percent) => {
    for (const seed of ["alpha", "beta", newSpotCheckSeed()]) {
      const picked = ids.filter((id) => isDrawnForSpotCheck(seed, id, percent)).length;
      const share = (picked / ids.length) * 100;
      // 20,000 draws: the binomial standard deviation is under 0.36 points; 1.5 is > 4 sigma.
      expect(Math.abs(share - percent)).toBeLessThan(1.5);
      if (percent === 0) expect(picked).toBe(0);
      if (percent === 100) expect(picked).toBe(ids.length);
    }
  });

  it("is monotonic in the share: a larger share keeps every review a smaller one picked", () => {
    const at = (p: number) => new Set(ids.filter((id) => isDrawnForSpotCheck("m", id, p)));
    const ten = at(10);
    const thirty = at(30);
    for (const id of ten) expect(thirty.has(id)).toBe(true);
  });

  it("makes a new seed each time", () => {
    expect(newSpotCheckSeed()).toMatch(/^[0-9a-f]{32}$/);
    expect(newSpotCheckSeed()).not.toBe(newSpotCheckSeed());
  });
});

describe("the reviews family's fast-tracked group", () => {
  it("gives not enough data, never 0, without reviews or spot checks", () => {
    expect(fastTrackMetricsFrom(undefined, undefined)).toEqual({
      cycle: { n: 0, mean: null, median: null },
      spotChecks: 0,
      spotChecksPassed: 0,
      passRatePct: null,
    });
  });
  it("gives the pass rate as passed ÷ recorded × 100", () => {
    const m = fastTrackMetricsFrom({ n: 3, meanDays: 2.5, medianDays: 2 }, { n: 4, passed: 3 });
    expect(m.cycle).toEqual({ n: 3, mean: 2.5, median: 2 });
    expect(m.passRatePct).toBe(75);
  });
  it("is charted in the reviews family, apart from the guardian split", () => {
    const none = { n: 0, mean: null, median: null };
    const quarter = {
      quarter: "2026-Q4",
      cycle: { withGuardian: none, withoutGuardian: none, all: none, reductionPct: null },
      effort: { withGuardian: null, withoutGuardian: null, all: null },
      fastTrack: fastTrackMetricsFrom({ n: 3, meanDays: 2.5, medianDays: 2 }, { n: 4, passed: 3 }),
    } as unknown as QuarterMetricsLike;
    const series = buildSeries(familyById("reviews")!, [quarter]).filter((s) =>
      [
        "fast-tracked",
        "spot-checks",
        "fast-track-cycle-mean",
        "fast-track-cycle-median",
        "spot-check-pass-rate",
      ].includes(s.id),
    );
    expect(series.map((s) => [s.id, s.points[0].value])).toEqual([
      ["fast-tracked", 3],
      ["spot-checks", 4],
      ["fast-track-cycle-mean", 2.5],
      ["fast-track-cycle-median", 2],
      ["spot-check-pass-rate", 75],
    ]);
    expect(chartGroups(series).map((g) => g.title)).toEqual([
      "Fast-tracked reviews and spot checks",
      "Fast-tracked cycle time",
      "Spot-check pass rate",
    ]);
  });
});
