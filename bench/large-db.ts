// The benchmarks' database: the `large` data set (seed 42) in .data/pg-bench, built once and
// kept (about two minutes to build). `DATABASE_URL` puts it on another server instead.
import path from "node:path";
import { prepareDatabase, type PreparedDatabase } from "../lib/db/bootstrap";
import { isDatabaseEmpty, seedDatabase } from "../lib/demo/insert";

export async function largeDatabase(log: (line: string) => void): Promise<PreparedDatabase> {
  const db = await prepareDatabase({
    log,
    database: "guardians_bench",
    dataDir: path.resolve(".data/pg-bench"),
    port: Number(process.env.BENCH_PG_PORT ?? 54360),
  });
  if (await isDatabaseEmpty(db.url)) {
    log("building the large data set (once; it is kept in .data/pg-bench)…");
    const t = Date.now();
    await seedDatabase(db.url, { seed: 42, scale: "large", today: new Date(), log });
    log(`large data set ready in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  return db;
}

// Run directly (node --import tsx bench/large-db.ts): builds the data set and stops.
if (import.meta.url === `file://${process.argv[1]}`) {
  const db = await largeDatabase((l) => console.log(`[bench] ${l}`));
  await db.stop();
}
