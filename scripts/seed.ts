// npm run db:seed -- [--seed 42] [--scale small|medium|large] [--reset] [--today 2026-11-22]
import { parseArgs } from "node:util";
import { prepareDatabase } from "../lib/db/bootstrap";
import { isDatabaseEmpty, seedDatabase } from "../lib/demo/insert";
import { SCALES, type Scale } from "../lib/demo/types";
import { isoDay, parseIsoDay } from "@/lib/period";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "42" },
    scale: { type: "string", default: "small" },
    reset: { type: "boolean", default: false },
    today: { type: "string" },
    database: { type: "string" },
  },
});
const log = (line: string) => console.log(`[seed] ${line}`);

async function main() {
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error("--seed takes a whole number");
  if (!(values.scale! in SCALES))
    throw new Error(`--scale is one of ${Object.keys(SCALES).join(", ")}`);
  const today = values.today ? parseIsoDay(values.today) : new Date();
  if (Number.isNaN(today.getTime())) throw new Error("--today takes a date like 2026-11-22");
  const db = await prepareDatabase({ log, database: values.database });
  try {
    if (!values.reset && !(await isDatabaseEmpty(db.url)))
      throw new Error("The database already holds data. Add --reset to replace it with demo data.");
    const started = Date.now();
    const counts = await seedDatabase(db.url, {
      seed,
      scale: values.scale as Scale,
      today,
      reset: values.reset,
      newsletters: true,
      log,
    });
    for (const [table, n] of Object.entries(counts))
      log(`${table.padEnd(14)} ${n.toLocaleString("en")}`);
    log(
      `done in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed}, scale ${values.scale}, today ${isoDay(today)})`,
    );
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  console.error(`[seed] ${(error as Error).message}`);
  process.exit(1);
});
