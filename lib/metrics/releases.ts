import { daysBetween, summarise, type Figure, type Summary } from "./stats";

// Metric 3: time to release, split by the linked review (judged on the review's completed date).
export type ReleaseLink =
  "with-guardian" | "without-guardian" | "review-not-completed" | "no-review";
export const RELEASE_LINKS: ReleaseLink[] = [
  "with-guardian",
  "without-guardian",
  "review-not-completed",
  "no-review",
];
export type ReleaseFact = { startedOn: Date; releasedOn: Date; link: ReleaseLink };

export type ReleaseMetrics = Record<ReleaseLink | "all", Summary>;

export function releaseMetrics(releases: ReleaseFact[]): ReleaseMetrics {
  const days = (rs: ReleaseFact[]) => rs.map((r) => daysBetween(r.startedOn, r.releasedOn));
  const groups = Object.fromEntries(
    RELEASE_LINKS.map((link) => [link, summarise(days(releases.filter((r) => r.link === link)))]),
  ) as Record<ReleaseLink, Summary>;
  return { ...groups, all: summarise(days(releases)) };
}

/** One group of releases as the database aggregates it. */
export type ReleaseGroup = {
  link: ReleaseLink | "all";
  n: number;
  meanDays: Figure;
  medianDays: Figure;
};

/** Metric 3 from the database's aggregates (the same figures as from the rows). */
export function releaseMetricsFromGroups(groups: ReleaseGroup[]): ReleaseMetrics {
  const summary = (link: ReleaseLink | "all"): Summary => {
    const g = groups.find((x) => x.link === link);
    return g && g.n > 0
      ? { n: g.n, mean: g.meanDays, median: g.medianDays }
      : { n: 0, mean: null, median: null };
  };
  return Object.fromEntries(
    [...RELEASE_LINKS, "all" as const].map((link) => [link, summary(link)]),
  ) as ReleaseMetrics;
}
