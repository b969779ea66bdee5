import { describe, expect, it } from "vitest";
import {
  beltAwardedPost,
  beltRevoked,
  excerpt,
  guardianRated,
  nominationDecided,
  nominationSubmitted,
  reviewCompleted,
  threatModelSentBack,
} from "@/lib/notifications/messages";

describe("excerpt()", () => {
  it("keeps short text, flattens whitespace and cuts long text on a word with an ellipsis", () => {
    expect(excerpt("  Clear\n\nthreat   list. ")).toBe("Clear threat list.");
    expect(excerpt(null)).toBe("");
    const long = `${"word ".repeat(60)}end`;
    const cut = excerpt(long, 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toBe(`${"word ".repeat(9).trim()}…`);
    // One long token has no word to cut on: cut inside it.
    expect(excerpt("x".repeat(80), 20)).toBe(`${"x".repeat(19)}…`);
  });
});

describe("notification wording", () => {
  it("says who did what to whom", () => {
    expect(
      nominationSubmitted({
        nominator: "Ada Lovelace",
        nominee: "Bob Smith",
        team: "Payments API",
        reason: "Knows the flows.",
      }),
    ).toEqual({
      title: "Ada Lovelace nominated Bob Smith as guardian of Payments API",
      body: "Knows the flows.",
    });
    const decided = { nominee: "Bob Smith", team: "Payments API", decider: "Lena", note: null };
    expect(nominationDecided({ ...decided, approved: true, toNominee: true }).title).toBe(
      "You are now a guardian of Payments API",
    );
    expect(nominationDecided({ ...decided, approved: false, toNominee: false })).toEqual({
      title: "Bob Smith's nomination as guardian of Payments API was declined",
      body: "Lena declined it.",
    });
    expect(
      reviewCompleted({
        key: "REV-000001",
        service: "Checkout",
        team: "Payments API",
        engineer: "Eve",
        outcome: "CHANGES_REQUIRED",
      }).title,
    ).toBe("The security review of Checkout is complete: Changes required");
    expect(
      guardianRated({
        rater: "Eve",
        rating: 5,
        work: "the threat model of Ledger",
        comment: null,
        changed: true,
      }),
    ).toEqual({
      title: "Eve changed the rating of your input to the threat model of Ledger: 5/5",
      body: "",
    });
    expect(beltAwardedPost({ belt: "GREEN", guardian: "Gina" }).title).toBe(
      "Gina earned the Green belt",
    );
    expect(beltRevoked({ belt: "BLACK", revoker: "Lena", reason: "By mistake" })).toEqual({
      title: "Your Black belt was revoked",
      body: "Lena: By mistake",
    });
  });

  it("quotes a reviewer's comment, or says what they did without one", () => {
    const names = { key: "TM-00001", system: "Ledger", team: "Core", reviewer: "Eve" };
    expect(threatModelSentBack({ ...names, comment: "  Add the replay threat. " }).body).toBe(
      "Eve: Add the replay threat.",
    );
    expect(threatModelSentBack({ ...names, comment: null }).body).toBe(
      "Eve sent TM-00001 back to draft.",
    );
    const long = threatModelSentBack({ ...names, comment: "a ".repeat(300) }).body;
    expect(long).toMatch(/^Eve: a a .*a…$/);
    expect(long.length).toBeGreaterThan(190);
    expect(long.length).toBeLessThanOrEqual(200);
  });
});
