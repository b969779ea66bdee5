// npm run bench:floor: each metric family's cold computation in the app beside a hand-written
// SQL aggregate of the same figures (the floor), in one process on the `large` data set, over
// the dashboard's default eight quarters for the whole program; then the whole overview cold
// and warm, and a five-year range cold. Medians of RUNS runs (default 5). Prints one table.
import { performance } from "node:perf_hooks";
import { jobClient } from "../lib/db/connections";
import { largeDatabase } from "./large-db";

const RUNS = Number(process.env.RUNS ?? 5);
const log = (l: string) => console.log(`[bench] ${l}`);
const db = await largeDatabase(log);
process.env.DATABASE_URL = db.url;
process.env.GUARDIANS_WARM_CACHE = "0";

const { quarterPeriod } = await import("../lib/metrics/periods");
const { filterQuarters } = await import("../lib/validations/dashboard");
const { isoDay, addQuarters, quarterOf } = await import("../lib/period");
const { reviewFamily, releaseFamily } = await import("../lib/server/metrics/families/reviews");
const { findingFamily, teamsAtEnd } = await import("../lib/server/metrics/families/findings");
const { timeFamily } = await import("../lib/server/metrics/families/time");
const { peopleFamily, trainingFamily } = await import("../lib/server/metrics/families/people");
const { threatModelFamily, feedbackFamily } =
  await import("../lib/server/metrics/families/threat-models");
const { periodsWithComparison } = await import("../lib/server/metrics/dashboard");
const { periodMetrics, riskBudgets } = await import("../lib/server/metrics/quarter");
const { teamOutliers } = await import("../lib/server/metrics/overview-outliers");
const { clearMetricsCache } = await import("../lib/server/metrics/cache");
const { db: prisma, reportDb } = await import("../lib/db/client");

const program = { orgIds: null, teamId: null };
const quarters = filterQuarters({});
const periods = quarters.map((q) => quarterPeriod(q));
const start = periods[0].start;
const end = periods.at(-1)!.end;
const sql = jobClient(db.url);
await sql.connect();

// The floor: the same figures as plain grouped SQL, by the quarter of each row's date.
const Q = (col: string) => `to_char(${col}, 'YYYY-"Q"Q')`;
const WITH_GUARDIAN = (day: string) => `EXISTS (
  SELECT 1 FROM "ReviewParticipant" p JOIN "GuardianMembership" g ON g."userId" = p."userId" AND g."teamId" = r."teamId"
  WHERE p."reviewId" = r.id AND g."activeOn" <= ${day} AND (g."leftOn" IS NULL OR g."leftOn" >= ${day}))`;
const ACTIVE = (g: string, day: string) =>
  `${g}."activeOn" <= ${day} AND (${g}."leftOn" IS NULL OR ${g}."leftOn" >= ${day})`;
const LAST_DAYS = `(SELECT (q + interval '3 months' - interval '1 day')::date AS last,
  ${Q("q")} AS key FROM generate_series($1::date, ($2::date - 1), interval '3 months') q)`;
const floors: Record<string, string> = {
  reviews: `SELECT ${Q(`(r."completedAt" AT TIME ZONE 'UTC')`)} AS q, ${WITH_GUARDIAN(`(r."completedAt" AT TIME ZONE 'UTC')::date`)} AS wg,
      count(*), avg(extract(epoch FROM r."completedAt" - r."requestedAt")),
      percentile_cont(0.5) WITHIN GROUP (ORDER BY r."completedAt" - r."requestedAt"), avg(r."effortQuarterHours")
    FROM "Review" r WHERE r."completedAt" >= $1::date AND r."completedAt" < $2::date GROUP BY GROUPING SETS ((1, 2), (1))`,
  releases: `SELECT ${Q(`rel."releasedOn"`)}, CASE WHEN rel."reviewId" IS NULL THEN 0 WHEN r."completedAt" IS NULL THEN 1
        WHEN ${WITH_GUARDIAN(`(r."completedAt" AT TIME ZONE 'UTC')::date`)} THEN 2 ELSE 3 END AS link,
      count(*), avg(rel."releasedOn" - rel."startedOn"), percentile_cont(0.5) WITHIN GROUP (ORDER BY rel."releasedOn" - rel."startedOn")
    FROM "Release" rel LEFT JOIN "Review" r ON r.id = rel."reviewId"
    WHERE rel."releasedOn" >= $1::date AND rel."releasedOn" < $2::date GROUP BY GROUPING SETS ((1, 2), (1))`,
  findings: `SELECT d.key, f.severity, count(*) FILTER (WHERE f."openedOn" > d.last - interval '3 months'),
      count(*) FILTER (WHERE f.status = 'MITIGATED' AND f."closedOn" > d.last - interval '3 months'),
      sum(f."closedOn" - f."openedOn") FILTER (WHERE f.status = 'MITIGATED' AND f."closedOn" > d.last - interval '3 months'),
      count(*) FILTER (WHERE f."closedOn" IS NULL OR f."closedOn" > d.last)
    FROM ${LAST_DAYS} d JOIN "Finding" f ON f."openedOn" <= d.last AND (f."closedOn" IS NULL OR f."closedOn" > d.last - interval '3 months')
    GROUP BY 1, 2`,
  time: `WITH gd AS (SELECT "userId", range_agg(daterange("activeOn", "leftOn", '[]')) AS days FROM "GuardianMembership" WHERE "activeOn" IS NOT NULL GROUP BY 1)
    SELECT ${Q("a.date")}, a.type, coalesce(gd.days @> a.date, false), sum(a."quarterHours"),
      (SELECT count(*) FROM gd g2 WHERE g2.days && daterange(date_trunc('month', min(a.date))::date, (date_trunc('month', min(a.date)) + interval '1 month')::date))
    FROM "ActivityEntry" a LEFT JOIN gd ON gd."userId" = a."userId"
    WHERE a."deletedAt" IS NULL AND a.date >= $1::date AND a.date < $2::date GROUP BY 1, 2, 3`,
  training: `SELECT d.key, count(DISTINCT g."userId"),
      count(DISTINCT g."userId") FILTER (WHERE (SELECT count(*) FROM "CourseCompletion" c JOIN "Course" co ON co.id = c."courseId" AND co.active AND co.required
        WHERE c."userId" = g."userId" AND c."completedOn" <= d.last) = (SELECT count(*) FROM "Course" WHERE active AND required))
    FROM ${LAST_DAYS} d JOIN "GuardianMembership" g ON g."activeOn" <= d.last AND (g."leftOn" IS NULL OR g."leftOn" >= d.last)
    GROUP BY 1`,
  "threat-models": `SELECT ${Q(`tm."approvedOn"`)}, count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "ThreatModelAuthor" a JOIN "GuardianMembership" g
        ON g."userId" = a."userId" AND g."teamId" = tm."teamId" WHERE a."threatModelId" = tm.id AND g."activeOn" <= tm."approvedOn" AND (g."leftOn" IS NULL OR g."leftOn" >= tm."approvedOn"))),
      sum((SELECT count(*) FROM "Threat" th WHERE th."threatModelId" = tm.id)),
      sum((SELECT count(*) FROM "Threat" th WHERE th."threatModelId" = tm.id AND th."mitigationStatus" <> 'NONE'))
    FROM "ThreatModel" tm WHERE tm.status = 'APPROVED' AND tm."approvedOn" >= $1::date AND tm."approvedOn" < $2::date GROUP BY 1`,
  people: `SELECT d.key,
      (SELECT count(DISTINCT g."userId") FROM "GuardianMembership" g WHERE ${ACTIVE("g", "d.last")}),
      (SELECT count(DISTINCT g."teamId") FROM "GuardianMembership" g JOIN "Team" t ON t.id = g."teamId"
        WHERE t."joinedOn" <= d.last AND ${ACTIVE("g", "d.last")}),
      (SELECT count(*) FROM "Team" t WHERE t."joinedOn" <= d.last),
      (SELECT count(DISTINCT a."userId") FROM "GuardianMembership" a WHERE ${ACTIVE("a", "(d.last - interval '1 year')::date")}),
      (SELECT count(DISTINCT a."userId") FROM "GuardianMembership" a JOIN "GuardianMembership" b ON b."userId" = a."userId"
        WHERE ${ACTIVE("a", "(d.last - interval '1 year')::date")} AND ${ACTIVE("b", "d.last")}),
      (SELECT count(*) FROM (SELECT min("activeOn") AS f FROM "GuardianMembership" WHERE "activeOn" IS NOT NULL GROUP BY "userId") x
        WHERE x.f > d.last - interval '3 months' AND x.f <= d.last),
      (SELECT array_agg(n) FROM (SELECT count(*) AS n FROM (
        SELECT DISTINCT ON (g."userId") g."userId", b.belt FROM "GuardianMembership" g
        LEFT JOIN "BeltAward" b ON b."userId" = g."userId" AND b."awardedOn" <= d.last AND (b."expiresOn" IS NULL OR b."expiresOn" > d.last) AND (b."revokedAt" IS NULL OR b."revokedAt" > d.last)
        WHERE ${ACTIVE("g", "d.last")} ORDER BY g."userId", b.belt DESC NULLS LAST) x GROUP BY x.belt) y)
    FROM ${LAST_DAYS} d`,
  feedback: `SELECT ${Q(`coalesce((r."completedAt" AT TIME ZONE 'UTC')::date, tm."approvedOn")`)}, count(*), avg(f.rating),
      percentile_cont(0.5) WITHIN GROUP (ORDER BY f.rating)
    FROM "Feedback" f LEFT JOIN "Review" r ON r.id = f."reviewId" LEFT JOIN "ThreatModel" tm ON tm.id = f."threatModelId"
    WHERE coalesce((r."completedAt" AT TIME ZONE 'UTC')::date, tm."approvedOn") >= $1::date
      AND coalesce((r."completedAt" AT TIME ZONE 'UTC')::date, tm."approvedOn") < $2::date GROUP BY 1`,
};

const app: Record<string, () => Promise<unknown>> = {
  reviews: () => reviewFamily(program, periods),
  releases: () => releaseFamily(program, periods),
  findings: async () => findingFamily(program, periods, await teamsAtEnd(program, periods)),
  time: () => timeFamily(program, periods),
  training: () => trainingFamily(program, periods),
  "threat-models": () => threatModelFamily(program, periods),
  people: () => peopleFamily(program, periods),
  feedback: () => feedbackFamily(program, periods),
};

async function median(run: () => Promise<unknown>, runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const params = [isoDay(start), isoDay(end)];
console.log(
  `\nlarge data set, whole program, ${quarters.length} quarters, medians of ${RUNS} runs\n`,
);
console.log("family          app cold ms   floor ms   ratio (target <= 2.0)");
console.log("--------------  -----------  ---------  -----");
for (const family of Object.keys(app)) {
  log(`${family}…`);
  const appMs = await median(app[family]);
  const floorMs = await median(() => sql.query(floors[family], params));
  console.log(
    `${family.padEnd(14)}  ${appMs.toFixed(0).padStart(11)}  ${floorMs.toFixed(0).padStart(9)}  ${(appMs / floorMs).toFixed(2).padStart(5)}`,
  );
}

// The overview's data, as the page loads it: every family over the range, the comparison
// period, risk budgets and outliers of the latest quarter.
const overview = (qs = quarters) =>
  Promise.all([
    periodMetrics(program, periodsWithComparison(qs).periods),
    riskBudgets(program, qs.at(-1)!),
    teamOutliers(program, qs.at(-1)!),
  ]);
const cold = await median(async () => {
  clearMetricsCache();
  await overview();
});
await overview();
const warm = await median(overview, 20);
const current = quarterOf(new Date());
const fiveYears = Array.from({ length: 20 }, (_, i) => addQuarters(current, i - 19));
const longCold = await median(async () => {
  clearMetricsCache();
  await overview(fiveYears);
});
console.log("\nwhole-program overview data        median ms   target");
console.log(`cold, 8 quarters                    ${cold.toFixed(0).padStart(9)}   <= 1000`);
console.log(`warm, 8 quarters                    ${warm.toFixed(1).padStart(9)}   <= 50`);
console.log(`cold, 20 quarters (five years)      ${longCold.toFixed(0).padStart(9)}   <= 2000`);

await sql.end();
await prisma.$disconnect();
await reportDb.$disconnect();
await db.stop();
