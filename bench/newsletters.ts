// Times newsletter generation for every organisation with a leader: creating the drafts for
// a quarter, then computing each draft's content from live data (what a reader or the
// publish step does). Runs on the bench database (`npm run bench` builds it) or DATABASE_URL.
//   npm run bench:newsletters [-- --quarter 2026-Q3]
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { prepareDatabase } from "../lib/db/bootstrap";

const { values } = parseArgs({ options: { quarter: { type: "string" } } });
const db = await prepareDatabase({
  database: process.env.DATABASE_URL ? undefined : "guardians_bench",
  dataDir: path.resolve(".data/pg-bench"),
  port: Number(process.env.BENCH_PG_PORT ?? 54360),
});
process.env.DATABASE_URL = db.url;
const { db: prisma } = await import("../lib/db/client");
const { loadActor } = await import("../lib/auth/actor");
const { generateAllDrafts, lastQuarterKey, newsletterContent } =
  await import("../lib/server/newsletters/service");

try {
  const quarter = values.quarter ?? lastQuarterKey();
  const lead = await prisma.user.findFirst({
    where: { roles: { has: "LEAD" }, deactivatedAt: null },
    select: { id: true },
  });
  if (!lead)
    throw new Error(
      "No lead in this database: seed it first (npm run bench builds the large data set).",
    );
  const actor = (await loadActor(lead.id))!;
  const [people, orgs] = await Promise.all([
    prisma.user.count(),
    prisma.org.count({ where: { leaderId: { not: null } } }),
  ]);

  const t0 = performance.now();
  const { created, existing } = await generateAllDrafts(actor, quarter);
  const draftsMs = performance.now() - t0;

  const drafts = await prisma.newsletter.findMany({ where: { quarter }, orderBy: { id: "asc" } });
  const times: number[] = [];
  const t1 = performance.now();
  for (const n of drafts) {
    const t = performance.now();
    await newsletterContent({ ...n, status: "DRAFT" });
    times.push(performance.now() - t);
  }
  const contentMs = performance.now() - t1;
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  console.log(`${people} people, ${orgs} organisations with a leader, quarter ${quarter}`);
  console.log(
    `drafts created: ${created} (already there: ${existing}) in ${draftsMs.toFixed(0)} ms`,
  );
  console.log(
    `content for ${drafts.length} newsletters: ${(contentMs / 1000).toFixed(1)} s in all, ` +
      `median ${pct(0.5).toFixed(0)} ms, p95 ${pct(0.95).toFixed(0)} ms, ` +
      `max ${times.at(-1)?.toFixed(0) ?? 0} ms per organisation`,
  );
} finally {
  await prisma.$disconnect();
  await db.stop();
}
