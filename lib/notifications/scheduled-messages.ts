// What the scheduled notifications say (docs/scheduled-notifications.md): the monthly hours
// reminder, a coverage alert, the leads' weekly digest. Plain functions, no database.
import { formatDate, formatMonth, plural } from "@/lib/format";
import { formatHours, MONTHLY_REFERENCE_QUARTER_HOURS } from "@/lib/hours";
import { ALERT_DAYS, type AlertKind } from "@/lib/vocabulary";

type Message = { title: string; body: string };

export function hoursReminderMessage(quarterHours: number, now: Date): Message {
  const month = formatMonth(now);
  const logged = quarterHours > 0 ? formatHours(quarterHours) : "no hours";
  return {
    title: `Log your security hours for ${month}`,
    body:
      `So far you have logged ${logged} of security work in ${month}; ` +
      `the program's reference is ${formatHours(MONTHLY_REFERENCE_QUARTER_HOURS)} a month.`,
  };
}

/** A team's condition as the alerts job finds it. */
export type AlertCondition = {
  kind: AlertKind;
  teamName: string;
  /** Who left (ONLY_GUARDIAN_LEFT) or the quiet guardian (GUARDIAN_QUIET). */
  people: string[];
  /**
   * ONLY_GUARDIAN_LEFT: the day they left; GUARDIAN_QUIET: the day of their last entry;
   * NO_GUARDIAN: the last day it had a guardian. Null: never.
   */
  day: Date | null;
  points: number | null;
  budget: number | null;
};

const names = (people: string[]) =>
  people.length <= 1
    ? (people[0] ?? "Its guardian")
    : `${people.slice(0, -1).join(", ")} and ${people.at(-1)}`;

export function alertMessage(c: AlertCondition): Message {
  switch (c.kind) {
    case "ONLY_GUARDIAN_LEFT":
      return {
        title: `${c.teamName} has lost its last active guardian`,
        body:
          `${names(c.people)}, ${c.people.length > 1 ? "its last active guardians" : "its only active guardian"}, ` +
          `left${c.day ? ` on ${formatDate(c.day)}` : ""}. Nobody guards the team now.`,
      };
    case "GUARDIAN_QUIET":
      return {
        title: `The only guardian of ${c.teamName} has logged nothing for ${ALERT_DAYS.quiet} days`,
        body:
          `${names(c.people)}, its only active guardian, ` +
          (c.day ? `last logged hours on ${formatDate(c.day)}.` : "has never logged hours."),
      };
    case "NO_GUARDIAN":
      return {
        title: `${c.teamName} has had no guardian for ${ALERT_DAYS.uncovered} days`,
        body: c.day
          ? `Its last active guardian left on ${formatDate(c.day)}.`
          : "It has never had an active guardian.",
      };
    case "OVER_RISK_BUDGET":
      return {
        title: `${c.teamName} is over its risk budget`,
        body:
          `Its open findings and unmitigated threats weigh ${plural(c.points ?? 0, "point")} ` +
          `against a budget of ${c.budget ?? 0}.`,
      };
  }
}

/** One part of the leads' digest: how many, and the first few by name. */
export type DigestSection = { count: number; items: string[] };

export type LeadDigest = {
  nominations: DigestSection;
  unassignedReviews: DigestSection;
  threatModelsInReview: DigestSection;
  goalsOffTrack: DigestSection;
  newAlerts: DigestSection;
};

const SECTION_TITLES: Record<keyof LeadDigest, string> = {
  nominations: "Nominations to decide",
  unassignedReviews: "Reviews requested, no security engineer assigned",
  threatModelsInReview: "Threat models awaiting review",
  goalsOffTrack: "Program goals off track",
  newAlerts: "Coverage alerts raised this week, still open",
};

function sectionLine(title: string, s: DigestSection): string {
  if (s.count === 0) return `${title}: none.`;
  const more = s.count - s.items.length;
  const list = [...s.items, ...(more > 0 ? [`${more} more`] : [])].join("; ");
  return `${title}: ${s.count} (${list}).`;
}

/** The weekly digest's notification, or null when nothing waits (no digest is sent then). */
export function leadDigestMessage(d: LeadDigest, now: Date): Message | null {
  const sections = Object.keys(SECTION_TITLES) as (keyof LeadDigest)[];
  const waiting = sections.reduce((sum, k) => sum + d[k].count, 0);
  if (waiting === 0) return null;
  return {
    title: `Program digest of ${formatDate(now)}: ${plural(waiting, "thing")} to look at`,
    body: sections.map((k) => sectionLine(SECTION_TITLES[k], d[k])).join("\n"),
  };
}

/**
 * One message for many alerts raised by the same run (the first run on existing data raises one
 * per team already in trouble): how many, the first few by title, and where to see them all.
 */
export function alertsSummaryMessage(titles: string[], shown = 5): Message {
  const rest = titles.length - shown;
  return {
    title: `${titles.length} new coverage alerts`,
    body: [
      ...titles.slice(0, shown),
      ...(rest > 0 ? [`…and ${rest} more: every open alert is on the Alerts page.`] : []),
    ].join("\n"),
  };
}
