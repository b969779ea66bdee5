import { describe, expect, it } from "vitest";
import { closesFinding, closingMessage, closingProblem } from "@/lib/findings/closing";
import { findingsFile } from "@/lib/transfer/spreadsheet/spec-reviews";
import { findingStatusSchema } from "@/lib/validations/review";
import { FINDING_STATUS } from "@/lib/vocabulary";

describe("a finding's closing date", () => {
  it("belongs to every status but Open", () => {
    expect(FINDING_STATUS.values.filter(closesFinding)).toEqual([
      "MITIGATED",
      "ACCEPTED",
      "FALSE_POSITIVE",
    ]);
  });

  it("is required when the status closes the finding, refused when it is open", () => {
    expect(closingProblem("MITIGATED", "2026-05-02", "2026-05-01")).toBeNull();
    expect(closingProblem("ACCEPTED", "2026-05-01", "2026-05-01")).toBeNull();
    expect(closingProblem("FALSE_POSITIVE", null)).toBe("missing");
    expect(closingProblem("MITIGATED", "")).toBe("missing");
    expect(closingProblem("OPEN", "2026-05-02")).toBe("not-allowed");
    expect(closingProblem("OPEN", "")).toBeNull();
    expect(closingProblem("OPEN", undefined)).toBeNull();
    expect(closingProblem("MITIGATED", "2026-04-30", "2026-05-01")).toBe("before-opened");
    expect(closingMessage("before-opened", "2026-05-01")).toBe(
      "A finding cannot close before it was opened (2026-05-01).",
    );
  });

  it("is the same rule for the review page's form and for findings.csv", () => {
    const form = (status: string, closedOn: string) =>
      findingStatusSchema
        .safeParse({ reviewId: "1", findingId: "2", status, closedOn })
        .error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(form("MITIGATED", "")).toEqual(["closedOn: Enter the date it was closed"]);
    expect(form("OPEN", "2026-05-02")).toEqual(["closedOn: An open finding has no closing date"]);
    expect(form("OPEN", "")).toEqual([]);
    expect(form("ACCEPTED", "2026-05-02")).toEqual([]);

    const row = (status: string, closed_on: string) =>
      findingsFile.schema
        .safeParse({
          finding_id: "FND-1",
          review_id: "REV-1",
          severity: "high",
          opened_on: "2026-05-01",
          status,
          closed_on,
        })
        .error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(row("mitigated", "")).toEqual(["closed_on: A mitigated finding needs closed_on"]);
    expect(row("open", "2026-05-02")).toEqual(["closed_on: An open finding has no closed_on"]);
    expect(row("accepted", "2026-04-30")).toEqual(["closed_on: closed_on is before opened_on"]);
    expect(row("open", "")).toEqual([]);
    expect(row("false-positive", "2026-05-03")).toEqual([]);
  });
});
