import { daysBetween, summarise, type Summary } from "./stats";

// Metric 3: time to release, split by the linked review.
export type ReleaseLink = "with-guardian" | "without-guardian" | "no-review";
export type ReleaseFact = { startedOn: Date; releasedOn: Date; link: ReleaseLink };

export type ReleaseMetrics = Record<ReleaseLink | "all", Summary>;

export function releaseMetrics(releases: ReleaseFact[]): ReleaseMetrics {
  const days = (rs: ReleaseFact[]) => rs.map((r) => daysBetween(r.startedOn, r.releasedOn));
  return {
    "with-guardian": summarise(days(releases.filter((r) => r.link === "with-guardian"))),
    "without-guardian": summarise(days(releases.filter((r) => r.link === "without-guardian"))),
    "no-review": summarise(days(releases.filter((r) => r.link === "no-review"))),
    all: summarise(days(releases)),
  };
}
