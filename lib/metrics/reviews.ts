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
