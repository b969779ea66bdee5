import { toHours } from "@/lib/hours";
import { daysBetween, mean, reductionPct, summarise, type Figure, type Summary } from "./stats";

// Metrics 1 and 2: review cycle time and effort, with vs without a guardian.
export type ReviewFact = {
  requestedAt: Date;
  completedAt: Date;
  effortQuarterHours: number | null;
  withGuardian: boolean;
};

export type ReviewCycleMetrics = {
  withGuardian: Summary;
  withoutGuardian: Summary;
  all: Summary;
  /** (mean without − mean with) / mean without × 100 */
  reductionPct: Figure;
};

export function reviewCycleMetrics(reviews: ReviewFact[]): ReviewCycleMetrics {
  const days = (r: ReviewFact) => daysBetween(r.requestedAt, r.completedAt);
  const withG = reviews.filter((r) => r.withGuardian).map(days);
  const without = reviews.filter((r) => !r.withGuardian).map(days);
  const result = {
    withGuardian: summarise(withG),
    withoutGuardian: summarise(without),
    all: summarise(reviews.map(days)),
  };
  return {
    ...result,
    reductionPct: reductionPct(result.withoutGuardian.mean, result.withGuardian.mean),
  };
}

export type ReviewEffortMetrics = { withGuardian: Figure; withoutGuardian: Figure; all: Figure };

/** Mean total effort hours of completed reviews that recorded effort. */
export function reviewEffortMetrics(reviews: ReviewFact[]): ReviewEffortMetrics {
  const hours = (rs: ReviewFact[]) =>
    rs.filter((r) => r.effortQuarterHours !== null).map((r) => toHours(r.effortQuarterHours!));
  return {
    withGuardian: mean(hours(reviews.filter((r) => r.withGuardian))),
    withoutGuardian: mean(hours(reviews.filter((r) => !r.withGuardian))),
    all: mean(hours(reviews)),
  };
}

/** One group of reviews as the database aggregates it: with, without a guardian, or all (null). */
export type ReviewGroup = {
  withGuardian: boolean | null;
  n: number;
  meanDays: Figure;
  medianDays: Figure;
  /** Mean effort of the group's reviews that recorded it, in quarter-hours. */
  meanEffortQuarterHours: Figure;
};

/** Metrics 1 and 2 from the database's aggregates (the same figures as from the rows). */
export function reviewMetricsFromGroups(groups: ReviewGroup[]): {
  cycle: ReviewCycleMetrics;
  effort: ReviewEffortMetrics;
} {
  const pick = (w: boolean | null) => groups.find((g) => g.withGuardian === w);
  const summary = (g: ReviewGroup | undefined): Summary =>
    g && g.n > 0
      ? { n: g.n, mean: g.meanDays, median: g.medianDays }
      : { n: 0, mean: null, median: null };
  const effort = (g: ReviewGroup | undefined): Figure =>
    g?.meanEffortQuarterHours == null ? null : toHours(g.meanEffortQuarterHours);
  const [withG, without, all] = [pick(true), pick(false), pick(null)];
  return {
    cycle: {
      withGuardian: summary(withG),
      withoutGuardian: summary(without),
      all: summary(all),
      reductionPct: reductionPct(summary(without).mean, summary(withG).mean),
    },
    effort: { withGuardian: effort(withG), withoutGuardian: effort(without), all: effort(all) },
  };
}
