import { describe, expect, it } from "vitest";
import { approvalBlocker, canTransition, isUndocumented } from "@/lib/threat-models/rules";

describe("threat-model rules", () => {
  it.each([
    [{ mitigation: null, mitigationStatus: "NONE" }, true],
    [{ mitigation: "mTLS", mitigationStatus: "NONE" }, true],
    [{ mitigation: "  ", mitigationStatus: "PLANNED" }, true],
    [{ mitigation: null, mitigationStatus: "IMPLEMENTED" }, true],
    [{ mitigation: "Rate limit", mitigationStatus: "PLANNED" }, false],
    [{ mitigation: null, mitigationStatus: "ACCEPTED" }, false],
  ])("%j undocumented = %s", (t, expected) => expect(isUndocumented(t)).toBe(expected));

  it("allows draft → in review → approved or back to draft, and nothing after approval", () => {
    expect(canTransition("DRAFT", "IN_REVIEW")).toBe(true);
    expect(canTransition("DRAFT", "APPROVED")).toBe(false);
    expect(canTransition("IN_REVIEW", "DRAFT")).toBe(true);
    expect(canTransition("APPROVED", "DRAFT")).toBe(false);
  });

  it("blocks approval on undocumented threats unless accepted", () => {
    const threats = [
      { mitigation: "mTLS", mitigationStatus: "IMPLEMENTED" },
      { mitigation: null, mitigationStatus: "NONE" },
    ];
    expect(approvalBlocker("IN_REVIEW", threats, false)).toBe(
      "1 threat has no documented mitigation: document it or accept it explicitly.",
    );
    expect(approvalBlocker("IN_REVIEW", threats, true)).toBeNull();
    expect(approvalBlocker("DRAFT", threats, true)).toBe(
      "Only a threat model in review can be approved.",
    );
    expect(approvalBlocker("IN_REVIEW", [], true)).toBe("Add at least one threat before approval.");
  });
});
