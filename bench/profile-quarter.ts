// Times each fact query of one quarter (whole program) to find the slow ones.
import { performance } from "node:perf_hooks";
import { prepareDatabase } from "../lib/db/bootstrap";

const db = await prepareDatabase(
  process.env.DATABASE_URL
    ? {}
    : { database: "guardians_bench", dataDir: ".data/pg-bench", port: 54360 },
);
process.env.DATABASE_URL = db.url;
const f = await import("../lib/server/metrics/facts");
const g = await import("../lib/server/metrics/facts-more");
const { securityTimeMetrics } = await import("../lib/metrics/security-time");
const { peopleMetrics } = await import("../lib/metrics/people");
const { quarterRange, quarterOf, addQuarters } = await import("../lib/period");
const { db: prisma } = await import("../lib/db/client");
const { start, end } = quarterRange(addQuarters(quarterOf(new Date()), -1));
const scope = { orgIds: null, teamId: null };
const time = async <T>(name: string, fn: () => Promise<T> | T) => {
  const t = performance.now();
  const r = await fn();
  console.log(`${name.padEnd(22)} ${(performance.now() - t).toFixed(0)} ms`);
  return r;
};
await time("warm", () => f.teamsAt(scope, end));
await time("reviewFacts", () => f.reviewFacts(scope, start, end));
await time("releaseFacts", () => f.releaseFacts(scope, start, end));
await time("findingFacts", () => f.findingFacts(scope, start, end));
const intervals = await time("guardianIntervals", () => f.guardianIntervals(scope));
const acts = await time("activityFacts", () => f.activityFacts(scope, start, end));
await time("threatModelFacts", () => g.threatModelFacts(scope, start, end));
await time("feedbackRatings", () => g.feedbackRatings(scope, start, end));
await time("unmitigatedThreats", () => g.unmitigatedThreats(scope, end));
await time("securityTime (js)", () => securityTimeMetrics(acts, intervals, start, end));
await time("people (js)", () =>
  peopleMetrics({ intervals, teamIdsAtEnd: [], awards: [], start, end }),
);
console.log(`activities ${acts.length}, intervals ${intervals.length}`);
await prisma.$disconnect();
await db.stop();
