// Server-side data time of each dashboard view (what its page awaits before rendering), on the
// bench's large data set (.data/pg-bench, built on first use): once cold (nothing cached: the whole program's
// quarters computed from the facts) and the median of RUNS warm loads (figures cached per
// quarter and data version, as the running server keeps them). `npm run bench:views`.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { prepareDatabase } from "../lib/db/bootstrap";
import { isDatabaseEmpty, seedDatabase } from "../lib/demo/insert";

const runs = Number(process.env.RUNS ?? 7);
const db = await prepareDatabase({
  database: "guardians_bench",
  dataDir: path.resolve(".data/pg-bench"),
  port: Number(process.env.BENCH_PG_PORT ?? 54360),
});
process.env.DATABASE_URL = db.url;
if (await isDatabaseEmpty(db.url)) {
  console.log("building the large data set (once; it is kept in .data/pg-bench)…");
  await seedDatabase(db.url, { seed: 42, scale: "large", today: new Date() });
}
const { loadActor } = await import("../lib/auth/actor");
const { db: prisma } = await import("../lib/db/client");
const { FAMILIES } = await import("../lib/metrics/series");
const { parseQuarterKey } = await import("../lib/period");
const { clearMetricsCache } = await import("../lib/server/metrics/cache");
const { loadDashboard } = await import("../lib/server/metrics/dashboard");
const { familyExtras } = await import("../lib/server/metrics/family-goal-and-surveys");
const { familyOutliers } = await import("../lib/server/metrics/family-outliers");
const { filterOptions } = await import("../lib/server/metrics/filter-options");
const { riskBudgets } = await import("../lib/server/metrics/quarter");
const { teamOutliers } = await import("../lib/server/metrics/overview-outliers");

const lead = await loadActor(
  (await prisma.user.findUniqueOrThrow({ where: { email: "lead@guardians.test" } })).id,
);
if (!lead)
  throw new Error("No lead@guardians.test in this database: run npm run bench once to build it");

type View = { name: string; load: () => Promise<unknown> };
const view = (family: string): View => ({
  name: family,
  load: async () => {
    const [data] = await Promise.all([loadDashboard(lead, {}), filterOptions(lead, undefined)]);
    const latest = parseQuarterKey(data.quarters.at(-1)!)!;
    if (family === "overview")
      return Promise.all([riskBudgets(data.scope, latest), teamOutliers(data.scope, latest)]);
    return Promise.all([familyExtras(family, data), familyOutliers(family, data.scope, latest)]);
  },
});
const views = [view("overview"), ...FAMILIES.map((f) => view(f.id))];

const ms = async (run: () => Promise<unknown>) => {
  const t = performance.now();
  await run();
  return performance.now() - t;
};
console.log(`view              cold ms   warm median ms (${runs} runs)`);
for (const v of views) {
  clearMetricsCache();
  const cold = await ms(v.load);
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(await ms(v.load));
  warm.sort((a, b) => a - b);
  console.log(
    `${v.name.padEnd(16)} ${cold.toFixed(0).padStart(7)}   ${warm[Math.floor(warm.length / 2)].toFixed(0).padStart(7)}`,
  );
}
await prisma.$disconnect();
await db.stop();
