import { describe, expect, it } from "vitest";
import { reviewOutcomeProblem } from "@/lib/reviews/outcome";

describe("reviewOutcomeProblem", () => {
  it.each([
    ["APPROVED", 0, 0, null],
    ["APPROVED", 2, 0, null],
    ["APPROVED", 2, 1, "An approved review leaves no finding open (1 open)."],
    ["APPROVED_WITH_FINDINGS", 1, 1, null],
    ["APPROVED_WITH_FINDINGS", 0, 0, "Approved with findings needs at least one finding."],
    ["CHANGES_REQUIRED", 3, 3, null],
    ["CHANGES_REQUIRED", 0, 0, "Changes required needs at least one finding."],
    ["WITHDRAWN", 0, 0, null],
    ["WITHDRAWN", 2, 2, null],
  ] as const)("%s with %i findings (%i open) → %s", (outcome, total, open, expected) => {
    expect(reviewOutcomeProblem(outcome, { total, open })).toBe(expected);
  });
});
