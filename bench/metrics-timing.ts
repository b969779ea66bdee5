// Times the dashboard data (all metrics over eight quarters) on whatever database DATABASE_URL
// or the embedded one holds; used by `npm run bench` and by hand.
import { performance } from "node:perf_hooks";
import { prepareDatabase } from "../lib/db/bootstrap";

const runs = Number(process.env.RUNS ?? 5);
const db = await prepareDatabase({ database: process.env.BENCH_DATABASE });
process.env.DATABASE_URL = db.url;
const { metricsOverQuarters } = await import("../lib/server/metrics/dashboard");
const { filterQuarters } = await import("../lib/validations/dashboard");
const { riskBudgets } = await import("../lib/server/metrics/quarter");
const { db: prisma } = await import("../lib/db/client");
const quarters = filterQuarters({});
const org = await prisma.org.findFirst({
  where: { parentId: null },
  orderBy: { id: "asc" },
  select: { id: true },
});
const children = await prisma.org.findMany({ where: { parentId: org!.id }, select: { id: true } });
const scopes = {
  program: { orgIds: null, teamId: null },
  org: { orgIds: [org!.id, ...children.map((c) => c.id)], teamId: null },
};
for (const [name, scope] of Object.entries(scopes)) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await Promise.all([metricsOverQuarters(scope, quarters), riskBudgets(scope, quarters.at(-1)!)]);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(8)} 8 quarters: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms`,
  );
}
await prisma.$disconnect();
await db.stop();
