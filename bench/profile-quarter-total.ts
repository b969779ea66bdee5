// Times one whole quarter's metrics, program-wide, with the slowest steps.
import { performance } from "node:perf_hooks";
import { prepareDatabase } from "../lib/db/bootstrap";

const db = await prepareDatabase({});
process.env.DATABASE_URL = db.url;
const { quarterMetrics } = await import("../lib/server/metrics/quarter");
const { quarterOf, addQuarters } = await import("../lib/period");
const { db: prisma } = await import("../lib/db/client");
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await quarterMetrics({ orgIds: null, teamId: null }, addQuarters(quarterOf(new Date()), -1));
  console.log(`quarter ${(performance.now() - t).toFixed(0)} ms`);
}
await prisma.$disconnect();
await db.stop();
