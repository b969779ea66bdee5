// A guardian's impact statement (docs/impact-statement.md): what they contributed in a period,
// assembled from facts the server loads. The figures follow the dashboards' definitions
// (docs/metrics.md): cycle time is completed − requested in days, "with a guardian" is the
// active-guardian rule on the completed day, ratings are dated by their review or model.
import type {
  ActivityType,
  Belt,
  RecognitionKind,
  ReviewOutcome,
  Severity,
  ThreatModelStatus,
} from "@/lib/vocabulary";
import { toHours } from "@/lib/hours";
import {
  daysBetween,
  mean,
  percent,
  reductionPct,
  summarise,
  type Figure,
  type Summary,
} from "@/lib/metrics/stats";

/** A reviewed period: whole UTC days from `from` to `to`, both included. */
export type StatementPeriod = { from: Date; to: Date };

export type ReviewFact = {
  id: number;
  key: string;
  service: string;
  teamId: number;
  teamName: string;
  /** The reviewed team's organisation (who may open the review). */
  orgId: number;
  requestedAt: Date;
  completedAt: Date;
  outcome: ReviewOutcome | null;
  /** The person was an active guardian of the reviewed team on the completed day. */
  asGuardian: boolean;
};

/** A review of the same teams, completed in the period, with no guardian taking part. */
export type BaselineReviewFact = Omit<ReviewFact, "asGuardian" | "outcome">;

export type FixedFindingFact = {
  id: number;
  key: string;
  severity: Severity;
  reviewId: number;
  reviewKey: string;
  orgId: number;
  openedOn: Date;
  closedOn: Date;
};

export type ThreatModelFact = {
  id: number;
  key: string;
  system: string;
  teamName: string;
  orgId: number;
  status: ThreatModelStatus;
  createdOn: Date;
  approvedOn: Date | null;
  threats: number;
  /** Threats whose mitigation status is not "none". */
  documented: number;
};

export type RatingFact = {
  id: number;
  rating: number;
  comment: string | null;
  /** The review's completed day or the model's approval day: the day the rating counts on. */
  on: Date;
  source: { kind: "review" | "threat-model"; id: number; key: string; orgId: number };
};

export type StatementFacts = {
  reviews: ReviewFact[];
  baseline: BaselineReviewFact[];
  findingsFixed: FixedFindingFact[];
  threatModels: ThreatModelFact[];
  hours: { type: ActivityType; quarterHours: number }[];
  belts: { id: number; belt: Belt; awardedOn: Date }[];
  awards: { id: number; kind: RecognitionKind; title: string; reason: string; createdAt: Date }[];
  ratings: RatingFact[];
};

const cycleDays = (r: { requestedAt: Date; completedAt: Date }) =>
  daysBetween(r.requestedAt, r.completedAt);

function countBy<T, K extends string>(items: T[], key: (item: T) => K): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

export type ImpactStatement = ReturnType<typeof impactStatement>;

/**
 * The statement's figures. `showComments` says whether the reader may see the comments on
 * ratings (the person's own statement, or they consented); without it only the rating counts.
 */
export function impactStatement(facts: StatementFacts, options: { showComments: boolean }) {
  const asGuardian = facts.reviews.filter((r) => r.asGuardian);
  const theirs: Summary = summarise(asGuardian.map(cycleDays));
  const baseline: Summary = summarise(facts.baseline.map(cycleDays));
  const differenceDays: Figure =
    theirs.mean === null || baseline.mean === null ? null : baseline.mean - theirs.mean;
  const threats = facts.threatModels.reduce((n, m) => n + m.threats, 0);
  const documented = facts.threatModels.reduce((n, m) => n + m.documented, 0);
  const totalQh = facts.hours.reduce((n, h) => n + h.quarterHours, 0);
  return {
    reviews: {
      count: facts.reviews.length,
      asGuardian: asGuardian.length,
      outcomes: countBy(
        facts.reviews.filter((r) => r.outcome !== null),
        (r) => r.outcome!,
      ),
      items: [...facts.reviews].sort((a, b) => +a.completedAt - +b.completedAt),
    },
    cycle: {
      /** The person's reviews as a guardian. */
      theirs,
      /** The same teams' reviews without a guardian, in the same period. */
      baseline,
      /** How many days sooner the person's reviews completed, on average (negative: later). */
      differenceDays,
      /** (baseline mean − their mean) / baseline mean × 100, the dashboards' reduction %. */
      reductionPct: reductionPct(baseline.mean, theirs.mean),
      teams: [...new Set(asGuardian.map((r) => r.teamName))].sort(),
      baselineItems: [...facts.baseline].sort((a, b) => +a.completedAt - +b.completedAt),
    },
    findingsFixed: {
      count: facts.findingsFixed.length,
      bySeverity: countBy(facts.findingsFixed, (f) => f.severity),
      items: [...facts.findingsFixed].sort((a, b) => +a.closedOn - +b.closedOn),
    },
    threatModels: {
      count: facts.threatModels.length,
      approved: facts.threatModels.filter((m) => m.status === "APPROVED").length,
      threats,
      documentedPct: percent(documented, threats),
      items: [...facts.threatModels].sort((a, b) => +a.createdOn - +b.createdOn),
    },
    hours: {
      total: toHours(totalQh),
      byType: facts.hours
        .filter((h) => h.quarterHours > 0)
        .map((h) => ({ type: h.type, hours: toHours(h.quarterHours) }))
        .sort((a, b) => b.hours - a.hours || a.type.localeCompare(b.type)),
    },
    belts: [...facts.belts].sort((a, b) => +a.awardedOn - +b.awardedOn),
    awards: [...facts.awards].sort((a, b) => +a.createdAt - +b.createdAt),
    ratings: {
      n: facts.ratings.length,
      mean: mean(facts.ratings.map((r) => r.rating)),
      commentsShown: options.showComments,
      items: [...facts.ratings]
        .sort((a, b) => +a.on - +b.on)
        .map((r) => ({ ...r, comment: options.showComments ? r.comment : null })),
    },
  };
}
