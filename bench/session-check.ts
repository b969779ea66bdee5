// What the server-side session check (decision 0011) costs every request: loading the signed-in
// person with the session's EXISTS check against loading them without it, interleaved in the
// same run on whatever database DATABASE_URL or the embedded one holds (a Session table of
// SESSIONS rows, default 100,000, is filled first).
import { performance } from "node:perf_hooks";
import { prepareDatabase } from "../lib/db/bootstrap";

const runs = Number(process.env.RUNS ?? 2000);
const sessions = Number(process.env.SESSIONS ?? 100_000);
const db = await prepareDatabase({ database: process.env.BENCH_DATABASE });
process.env.DATABASE_URL = db.url;
const { loadActor } = await import("../lib/auth/actor");
const { startSession } = await import("../lib/auth/sessions");
const { db: prisma } = await import("../lib/db/client");

const person = await prisma.user.findFirstOrThrow({
  where: { deactivatedAt: null, roles: { has: "LEAD" } },
  select: { id: true },
});
const have = await prisma.session.count();
// Spread over everyone (half of them ended), as a day of sign-ins would leave them.
if (have < sessions) {
  await prisma.$executeRaw`INSERT INTO "Session" (id, "userId", method, "expiresAt", "endedAt")
    SELECT 'bench-' || g, u.ids[1 + g % cardinality(u.ids)], 'password', now() + interval '8 hours', CASE WHEN g % 2 = 0 THEN now() END
    FROM generate_series(${have + 1}::int, ${sessions}::int) g, (SELECT array_agg(id) AS ids FROM "User") u`;
  await prisma.$executeRaw`ANALYZE "Session"`;
}
const sid = await startSession(person.id, "password");

const timings = { without: [] as number[], with: [] as number[] };
for (let i = 0; i < runs; i++) {
  for (const kind of i % 2 ? (["with", "without"] as const) : (["without", "with"] as const)) {
    const t = performance.now();
    const actor = await loadActor(person.id, kind === "with" ? sid : undefined);
    timings[kind].push(performance.now() - t);
    if (!actor) throw new Error("the person was not found");
  }
}
const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95) };
};
const a = stat(timings.without);
const b = stat(timings.with);
console.log(`loadActor, ${runs} calls each, ${sessions} sessions in the table`);
console.log(
  `  without the session check: median ${a.median.toFixed(3)} ms, p95 ${a.p95.toFixed(3)} ms`,
);
console.log(
  `  with the session check:    median ${b.median.toFixed(3)} ms, p95 ${b.p95.toFixed(3)} ms`,
);
console.log(`  ratio (median): ${(b.median / a.median).toFixed(2)}`);
await prisma.session.deleteMany({ where: { id: { startsWith: "bench-" } } });
await prisma.$disconnect();
await db.stop();
