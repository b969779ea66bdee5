import { describe, expect, it } from "vitest";
import {
  alertMessage,
  hoursReminderMessage,
  leadDigestMessage,
  type AlertCondition,
  type LeadDigest,
} from "@/lib/notifications/scheduled-messages";
import { isoWeekKey, monthKey, parseIsoDay } from "@/lib/period";

const d = parseIsoDay;
const condition = (c: Partial<AlertCondition>): AlertCondition => ({
  kind: "NO_GUARDIAN",
  teamName: "Payments",
  people: [],
  day: null,
  points: null,
  budget: null,
  ...c,
});

describe("hours reminder message", () => {
  it("names the month, the hours so far and the reference", () => {
    expect(hoursReminderMessage(13, new Date("2026-03-25T09:00:00Z"))).toEqual({
      title: "Log your security hours for March 2026",
      body: "So far you have logged 3.25 h of security work in March 2026; the program's reference is 3.5 h a month.",
    });
    expect(hoursReminderMessage(0, new Date("2026-12-25T09:00:00Z")).body).toMatch(
      /^So far you have logged no hours of security work in December 2026;/,
    );
  });
});

describe("alert messages", () => {
  it.each([
    [
      condition({ kind: "ONLY_GUARDIAN_LEFT", people: ["Ada"], day: d("2026-02-20") }),
      "Payments has lost its last active guardian",
      "Ada, its only active guardian, left on 20 Feb 2026. Nobody guards the team now.",
    ],
    [
      condition({ kind: "ONLY_GUARDIAN_LEFT", people: ["Ada", "Bo", "Cy"], day: d("2026-02-20") }),
      "Payments has lost its last active guardian",
      "Ada, Bo and Cy, its last active guardians, left on 20 Feb 2026. Nobody guards the team now.",
    ],
    [
      condition({ kind: "GUARDIAN_QUIET", people: ["Ada"], day: d("2025-12-31") }),
      "The only guardian of Payments has logged nothing for 60 days",
      "Ada, its only active guardian, last logged hours on 31 Dec 2025.",
    ],
    [
      condition({ kind: "GUARDIAN_QUIET", people: ["Ada"] }),
      "The only guardian of Payments has logged nothing for 60 days",
      "Ada, its only active guardian, has never logged hours.",
    ],
    [
      condition({ kind: "NO_GUARDIAN", day: d("2026-01-31") }),
      "Payments has had no guardian for 30 days",
      "Its last active guardian left on 31 Jan 2026.",
    ],
    [
      condition({ kind: "NO_GUARDIAN" }),
      "Payments has had no guardian for 30 days",
      "It has never had an active guardian.",
    ],
    [
      condition({ kind: "OVER_RISK_BUDGET", points: 1, budget: 0 }),
      "Payments is over its risk budget",
      "Its open findings and unmitigated threats weigh 1 point against a budget of 0.",
    ],
  ])("message %#", (c, title, body) => {
    expect(alertMessage(c)).toEqual({ title, body });
  });
});

describe("leads' digest message", () => {
  const empty: LeadDigest = {
    nominations: { count: 0, items: [] },
    unassignedReviews: { count: 0, items: [] },
    threatModelsInReview: { count: 0, items: [] },
    goalsOffTrack: { count: 0, items: [] },
    newAlerts: { count: 0, items: [] },
  };
  const monday = new Date("2026-03-02T07:00:00Z");

  it("is not sent when nothing waits", () => {
    expect(leadDigestMessage(empty, monday)).toBeNull();
  });

  it("gives every part, counts what it does not name, and the total in the title", () => {
    const digest = {
      ...empty,
      nominations: { count: 5, items: ["A for X", "B for Y", "C for Z"] },
      goalsOffTrack: { count: 1, items: ["Ten guardians"] },
    };
    expect(leadDigestMessage(digest, monday)).toEqual({
      title: "Program digest of 2 Mar 2026: 6 things to look at",
      body: [
        "Nominations to decide: 5 (A for X; B for Y; C for Z; 2 more).",
        "Reviews requested, no security engineer assigned: none.",
        "Threat models awaiting review: none.",
        "Program goals off track: 1 (Ten guardians).",
        "Coverage alerts raised this week, still open: none.",
      ].join("\n"),
    });
  });
});

describe("month and ISO week keys", () => {
  it.each([
    ["2026-01-01", "2026-W01"], // a Thursday: week 1
    ["2025-12-29", "2026-W01"], // the Monday of that week
    ["2025-12-28", "2025-W52"],
    ["2026-03-02", "2026-W10"],
    ["2026-03-08", "2026-W10"], // Sunday
    ["2027-01-01", "2026-W53"], // a Friday: the last week of 2026
    ["2027-01-04", "2027-W01"],
  ])("%s is in %s", (day, week) => {
    expect(isoWeekKey(new Date(`${day}T23:59:00Z`))).toBe(week);
  });

  it("keys a month by its UTC calendar month", () => {
    expect(monthKey(new Date("2026-03-31T23:59:59Z"))).toBe("2026-03");
    expect(monthKey(new Date("2026-04-01T00:00:00Z"))).toBe("2026-04");
  });
});
