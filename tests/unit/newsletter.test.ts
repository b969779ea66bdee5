import { describe, expect, it } from "vitest";
import { assembleNewsletter, spotlight, type NewsletterFacts } from "@/lib/newsletter/assemble";
import { guardiansOfQuarter } from "@/lib/newsletter/people";
import { newsletterRecipients, unreached } from "@/lib/newsletter/recipients";
import { renderHtml, renderText } from "@/lib/newsletter/render";

const facts: NewsletterFacts = {
  orgName: "Payments",
  quarterLabel: "Q3 2026",
  guardians: [
    {
      name: "Ana",
      team: "Cards",
      belt: "GREEN",
      newBelts: ["GREEN"],
      hours: 12.5,
      reviews: 4,
      threatModels: 1,
    },
    {
      name: "Ben",
      team: "Ledger",
      belt: "WHITE",
      newBelts: [],
      hours: 3,
      reviews: 0,
      threatModels: 0,
    },
    {
      name: "Cy <script>",
      team: "Wallet",
      belt: null,
      newBelts: [],
      hours: 0,
      reviews: 0,
      threatModels: 0,
    },
    {
      name: "Dee",
      team: "Cards, Ledger",
      leftOn: "2026-08-14",
      belt: "YELLOW",
      newBelts: [],
      hours: 2,
      reviews: 1,
      threatModels: 0,
    },
  ],
  org: {
    reviewsWithGuardian: 5,
    reviewsWithoutGuardian: 2,
    cycleWith: 3,
    cycleWithout: 5,
    reductionPct: 40,
    findingsMitigated: 7,
    guardianHours: 15.5,
    hoursPerGuardianMonth: 2.58,
    trainingPct: 66.7,
    threatModelsApproved: 2,
    guardianAuthoredPct: 50,
  },
  awards: [
    { name: "Ana", title: "Threat model of the quarter", kind: "AWARD" },
    { name: "Eve (a builder)", title: "Thanks for the fix", kind: "KUDOS" },
  ],
  program: { activeGuardians: 40, reductionPct: 26.9, hoursPerGuardianMonth: 3.5, coveragePct: 80 },
};

describe("newsletter assembly", () => {
  const c = assembleNewsletter(facts, {
    intro: "Welcome to the quarter.",
    highlights: "Ana earned Green.",
  });
  const section = (id: string) => c.sections.find((s) => s.id === id)!;

  it("has every section in order, with the lead's edits", () => {
    expect(c.title).toBe("Payments security guardians: Q3 2026");
    expect(c.sections.map((s) => s.id)).toEqual([
      "guardians",
      "impact",
      "time",
      "spotlight",
      "awards",
      "program",
    ]);
    expect(c.intro).toBe("Welcome to the quarter.");
    expect(c.highlights).toBe("Ana earned Green.");
  });

  it("states the guardians, belts and impact from the facts", () => {
    expect(section("guardians").paragraphs[0]).toBe(
      "3 active guardians in Payments, and 1 guardian who left during the quarter. New belts this quarter: Ana (Green).",
    );
    expect(section("guardians").table!.rows[0]).toEqual([
      "Ana",
      "Cards",
      "Green",
      "12.5",
      "4",
      "1",
    ]);
    expect(section("guardians").table!.rows[3]).toEqual([
      "Dee (left 14 Aug 2026)",
      "Cards, Ledger",
      "Yellow",
      "2.0",
      "1",
      "0",
    ]);
    const noneLeft = assembleNewsletter({ ...facts, guardians: facts.guardians.slice(0, 1) });
    expect(noneLeft.sections[0].paragraphs[0]).toBe(
      "1 active guardian in Payments. New belts this quarter: Ana (Green).",
    );
    expect(section("impact").paragraphs[0]).toBe(
      "5 reviews completed with a guardian and 2 reviews without. Mean time from request to completion: 3.0 days with a guardian against 5.0 days without, 40.0% less time.",
    );
    expect(section("impact").paragraphs[1]).toBe(
      "7 security findings fixed. 2 threat models approved, 50% of them co-authored by a guardian.",
    );
    expect(section("time").paragraphs[0]).toContain("15.5 hours");
    expect(section("awards").paragraphs).toEqual([
      "Ana: Threat model of the quarter (award).",
      "Eve (a builder): Thanks for the fix.",
    ]);
    expect(section("program").paragraphs[0]).toContain("26.9% less time");
  });

  it("puts the top contributors in the spotlight, skipping people with no contribution", () => {
    expect(spotlight(facts.guardians).map((g) => g.name)).toEqual(["Ana", "Dee", "Ben"]);
  });

  it("writes 'not enough data' instead of a number when a figure is missing", () => {
    const c2 = assembleNewsletter({
      ...facts,
      org: { ...facts.org, reviewsWithoutGuardian: 0, cycleWithout: null, reductionPct: null },
    });
    expect(c2.sections.find((s) => s.id === "impact")!.paragraphs[0]).toBe(
      "5 reviews completed with a guardian and 0 reviews without. Mean time from request to completion: 3.0 days with a guardian against not enough data without.",
    );
  });

  it("handles an organisation with no guardian", () => {
    const empty = assembleNewsletter({ ...facts, guardians: [], awards: [] });
    expect(empty.sections.map((s) => s.id)).toEqual(["guardians", "program"]);
    expect(empty.sections[0].paragraphs[0]).toContain("Payments has no active guardian yet");
  });

  it("renders escaped HTML and a plain-text part, each headed by org, quarter and publication", () => {
    const masthead = {
      org: "Payments",
      quarter: "2026-Q3",
      publishedAt: new Date("2026-10-04T09:30:00Z"),
    };
    const html = renderHtml(c, masthead, "https://guardians.example/newsletters/1");
    expect(html).toContain("Cy &lt;script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain('<a href="https://guardians.example/newsletters/1">');
    expect(html).toMatch(/<body[^>]*><p[^>]*>Payments · Q3 2026 · Published 4 Oct 2026<\/p>/);
    expect(renderHtml(c, { ...masthead, org: "A <b>" })).toContain("A &lt;b&gt; · Q3 2026");
    const text = renderText(c, masthead);
    expect(text.startsWith("Payments · Q3 2026 · Published 4 Oct 2026\n\n")).toBe(true);
    expect(text).toContain("\nPayments security guardians: Q3 2026\n");
    expect(text).toContain("What Payments' guardians achieved this quarter");
    expect(text).toContain("> Ana earned Green.");
    expect(text).toContain("Guardian | Team | Belt | Hours | Reviews | Threat models");
  });
});

describe("newsletter recipients", () => {
  it("are the active leader and the extra addresses, each once, without case", () => {
    expect(
      newsletterRecipients({
        leader: { email: "Lea@Example.test", deactivatedAt: null },
        newsletterRecipients: ["cto@example.test", "LEA@example.test", " "],
      }),
    ).toEqual(["lea@example.test", "cto@example.test"]);
    expect(
      newsletterRecipients({
        leader: { email: "gone@example.test", deactivatedAt: new Date("2026-01-01") },
        newsletterRecipients: ["cto@example.test"],
      }),
    ).toEqual(["cto@example.test"]);
    expect(newsletterRecipients({ leader: null, newsletterRecipients: [] })).toEqual([]);
  });

  it("that have not received the issue yet are what a send reaches", () => {
    expect(
      unreached(
        ["lea@example.test", "cto@example.test", "ciso@example.test"],
        ["CTO@example.test", "old@example.test"],
      ),
    ).toEqual(["lea@example.test", "ciso@example.test"]);
  });
});

describe("the quarter's guardians", () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const first = d("2026-07-01");
  const last = d("2026-09-30");
  it("are everyone active on a day of the quarter, once each with every team; who left is marked with the last day", () => {
    const people = guardiansOfQuarter(
      [
        { userId: 1, name: "Ana", team: "Ledger", activeOn: d("2025-01-01"), leftOn: null },
        { userId: 1, name: "Ana", team: "Cards", activeOn: d("2026-08-01"), leftOn: null },
        {
          userId: 2,
          name: "Ben",
          team: "Cards",
          activeOn: d("2025-01-01"),
          leftOn: d("2026-07-01"),
        },
        {
          userId: 2,
          name: "Ben",
          team: "Wallet",
          activeOn: d("2025-01-01"),
          leftOn: d("2026-08-20"),
        },
        {
          userId: 3,
          name: "Cy",
          team: "Cards",
          activeOn: d("2025-01-01"),
          leftOn: d("2026-06-30"),
        },
        { userId: 4, name: "Dee", team: "Cards", activeOn: d("2026-10-01"), leftOn: null },
        {
          userId: 5,
          name: "Eve",
          team: "Cards",
          activeOn: d("2026-01-01"),
          leftOn: d("2026-09-30"),
        },
      ],
      first,
      last,
    );
    expect(people).toEqual([
      { userId: 1, name: "Ana", teams: ["Cards", "Ledger"], leftOn: null },
      { userId: 2, name: "Ben", teams: ["Cards", "Wallet"], leftOn: d("2026-08-20") },
      { userId: 5, name: "Eve", teams: ["Cards"], leftOn: null },
    ]);
  });
});
