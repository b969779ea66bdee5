import { formatDate, plural } from "@/lib/format";
import { formatHours, MONTHLY_REFERENCE_QUARTER_HOURS } from "@/lib/hours";
import type { Figure } from "@/lib/metrics/stats";
import { BELT, type Belt } from "@/lib/vocabulary";
import { possessive } from "@/lib/possessive";

// A leader's quarterly newsletter, assembled from facts by plain functions (no database).
// `team` lists every team of the org the person guarded in the quarter; `leftOn` (ISO date) is set
// for someone who was active during the quarter but no longer on its last day.
export type GuardianFact = {
  name: string;
  team: string;
  leftOn?: string | null;
  belt: Belt | null;
  newBelts: Belt[];
  hours: number;
  reviews: number;
  threatModels: number;
};

export type NewsletterFacts = {
  orgName: string;
  quarterLabel: string;
  guardians: GuardianFact[];
  org: {
    reviewsWithGuardian: number;
    reviewsWithoutGuardian: number;
    cycleWith: Figure;
    cycleWithout: Figure;
    reductionPct: Figure;
    findingsMitigated: number;
    guardianHours: number;
    hoursPerGuardianMonth: Figure;
    trainingPct: Figure;
    threatModelsApproved: number;
    guardianAuthoredPct: Figure;
  };
  awards: { name: string; title: string; kind: string }[];
  program: {
    activeGuardians: number;
    reductionPct: Figure;
    hoursPerGuardianMonth: Figure;
    coveragePct: Figure;
  };
};

export type Section = {
  id: string;
  heading: string;
  paragraphs: string[];
  table?: { columns: string[]; rows: string[][] };
};
export type NewsletterContent = {
  title: string;
  subtitle: string;
  intro: string | null;
  highlights: string | null;
  sections: Section[];
};

const fig = (v: Figure, digits = 1, unit = "") =>
  v === null ? "not enough data" : `${v.toFixed(digits)}${unit}`;

/** Top contributors: review work weighs like four hours of other security work. */
export function spotlight(guardians: GuardianFact[], count = 3): GuardianFact[] {
  return [...guardians]
    .filter((g) => g.hours > 0 || g.reviews > 0 || g.threatModels > 0)
    .sort(
      (a, b) =>
        b.reviews * 4 +
          b.threatModels * 6 +
          b.hours -
          (a.reviews * 4 + a.threatModels * 6 + a.hours) || a.name.localeCompare(b.name),
    )
    .slice(0, count);
}

export function assembleNewsletter(
  f: NewsletterFacts,
  edits: { intro?: string | null; highlights?: string | null } = {},
): NewsletterContent {
  const title = `${f.orgName} security guardians: ${f.quarterLabel}`;
  const subtitle = `What ${possessive(f.orgName)} guardians achieved this quarter`;
  if (f.guardians.length === 0) {
    return {
      title,
      subtitle,
      intro: edits.intro ?? null,
      highlights: edits.highlights ?? null,
      sections: [
        {
          id: "guardians",
          heading: "Your guardians",
          paragraphs: [
            `${f.orgName} has no active guardian yet. Teams with a guardian had their security ` +
              "reviews done faster across the program; nominating one per team is the first step.",
          ],
        },
        programSection(f),
      ],
    };
  }
  const newBelts = f.guardians.flatMap((g) =>
    g.newBelts.map((b) => `${g.name} (${BELT.label(b)})`),
  );
  const stars = spotlight(f.guardians);
  const o = f.org;
  const left = f.guardians.filter((g) => g.leftOn).length;
  const who = (g: GuardianFact) =>
    g.leftOn ? `${g.name} (left ${formatDate(new Date(g.leftOn))})` : g.name;
  const sections: Section[] = [
    {
      id: "guardians",
      heading: "Your guardians",
      paragraphs: [
        `${plural(f.guardians.length - left, "active guardian")} in ${f.orgName}` +
          (left ? `, and ${plural(left, "guardian")} who left during the quarter.` : ".") +
          (newBelts.length
            ? ` New belts this quarter: ${newBelts.join(", ")}.`
            : " No new belts this quarter."),
      ],
      table: {
        columns: ["Guardian", "Team", "Belt", "Hours", "Reviews", "Threat models"],
        rows: f.guardians.map((g) => [
          who(g),
          g.team,
          g.belt ? BELT.label(g.belt) : "—",
          g.hours.toFixed(1),
          String(g.reviews),
          String(g.threatModels),
        ]),
      },
    },
    {
      id: "impact",
      heading: "Reviews, threat models and their impact",
      paragraphs: [
        `${plural(o.reviewsWithGuardian, "review")} completed with a guardian and ` +
          `${plural(o.reviewsWithoutGuardian, "review")} without. ` +
          `Mean time from request to completion: ${fig(o.cycleWith, 1, " days")} with a guardian ` +
          `against ${fig(o.cycleWithout, 1, " days")} without` +
          (o.reductionPct === null ? "." : `, ${fig(o.reductionPct, 1, "%")} less time.`),
        `${plural(o.findingsMitigated, "security finding")} fixed. ` +
          `${plural(o.threatModelsApproved, "threat model")} approved, ` +
          `${fig(o.guardianAuthoredPct, 0, "%")} of them co-authored by a guardian.`,
      ],
    },
    {
      id: "time",
      heading: "Time and training",
      paragraphs: [
        `Guardians logged ${o.guardianHours.toFixed(1)} hours of security work ` +
          `(${fig(o.hoursPerGuardianMonth, 1, " h")} per guardian a month; ` +
          `the program's reference is ${formatHours(MONTHLY_REFERENCE_QUARTER_HOURS)}).`,
        `${fig(o.trainingPct, 0, "%")} of the guardians have completed every required course.`,
      ],
    },
    {
      id: "spotlight",
      heading: "Spotlight",
      paragraphs: stars.length
        ? stars.map(
            (g) =>
              `${g.name} (${g.team}): ${plural(g.reviews, "review")}, ` +
              `${plural(g.threatModels, "threat model")}, ${g.hours.toFixed(1)} h.`,
          )
        : ["No contributions recorded this quarter."],
    },
  ];
  if (f.awards.length)
    sections.push({
      id: "awards",
      heading: "Awards and kudos",
      paragraphs: f.awards.map(
        (a) => `${a.name}: ${a.title}${a.kind === "AWARD" ? " (award)" : ""}.`,
      ),
    });
  sections.push(programSection(f));
  return {
    title,
    subtitle,
    intro: edits.intro ?? null,
    highlights: edits.highlights ?? null,
    sections,
  };
}

function programSection(f: NewsletterFacts): Section {
  const p = f.program;
  return {
    id: "program",
    heading: "Across the program",
    paragraphs: [
      `${plural(p.activeGuardians, "active guardian")} program-wide; ` +
        `${fig(p.coveragePct, 0, "%")} of teams have one. ` +
        `Reviews with a guardian took ${fig(p.reductionPct, 1, "%")} less time; ` +
        `guardians spent ${fig(p.hoursPerGuardianMonth, 1, " h")} a month on security work.`,
    ],
  };
}
