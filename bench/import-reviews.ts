// npm run bench:import [-- --reviews 100000]
// Generates 100,000 reviews (with the orgs, teams and people they reference) as CSV in a temp
// folder, imports them into a fresh database, and prints the times. Target: under a minute.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareDatabase } from "../lib/db/bootstrap";
import { jobClient } from "../lib/db/connections";
import { dropDatabase } from "../lib/db/embedded";
import { withDatabase } from "../lib/db/url";
import { csvLine } from "../lib/transfer/csv";
import { runImport, type ImportResult } from "../lib/server/transfer/run-import";

const { values } = parseArgs({
  options: {
    reviews: { type: "string", default: "100000" },
    keep: { type: "boolean", default: false },
  },
});
const REVIEWS = Number(values.reviews);
const TEAMS = 2_000;
const ORGS = 20;
const ENGINEERS = 100;
const GUARDIANS = 5_000;
const DATABASE = "guardians_bench_import";
const log = (line: string) => console.log(`[bench:import] ${line}`);

// A small deterministic generator, so every run imports the same files.
let state = 42;
const rand = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = (n: number) => Math.floor(rand() * n);
const lines = (header: string[], rows: string[][]) => csvLine(header) + rows.map(csvLine).join("");

async function generate(dir: string) {
  const orgs = Array.from({ length: ORGS }, (_, i) => [
    `org-${i}`,
    i < 4 ? "" : `org-${i % 4}`,
    "",
  ]);
  const teams = Array.from({ length: TEAMS }, (_, i) => [
    `team-${i}`,
    `org-${i % ORGS}`,
    ["quick-wins", "high-impact", "high-risk", "none"][i % 4],
    i % 10 === 0 ? "yes" : "no",
    "2021-01-04",
  ]);
  const engineers = Array.from({ length: ENGINEERS }, (_, i) => [
    `appsec${i}@bench.test`,
    `AppSec ${i}`,
    "security-engineer",
    "org-0",
    "",
  ]);
  const guardians = Array.from({ length: GUARDIANS }, (_, i) => [
    `guardian${i}@bench.test`,
    `Guardian ${i}`,
    "guardian; builder",
    `org-${i % ORGS}`,
    `team-${i % TEAMS}`,
  ]);
  const start = Date.UTC(2021, 0, 4);
  const reviews = Array.from({ length: REVIEWS }, (_, i) => {
    const team = pick(TEAMS);
    const requested = start + pick(5 * 365 * 86_400) * 1000;
    const started = requested + pick(5 * 86_400) * 1000;
    const done = rand() < 0.9;
    const completed = started + pick(30 * 86_400) * 1000;
    const withGuardian = rand() < 0.6;
    const g = [team, team + TEAMS, team + 2 * TEAMS]
      .filter((x) => x < GUARDIANS)
      .slice(0, 1 + pick(2))
      .map((x) => `guardian${x}@bench.test`);
    return [
      `BENCH-${String(i + 1).padStart(6, "0")}`,
      `team-${team}`,
      `Service ${pick(500)}`,
      new Date(requested).toISOString(),
      new Date(started).toISOString(),
      done ? new Date(completed).toISOString() : "",
      `appsec${pick(ENGINEERS)}@bench.test`,
      withGuardian ? g.join("; ") : "",
      done ? String((1 + pick(40)) / 4) : "",
    ];
  });
  await writeFile(path.join(dir, "orgs.csv"), lines(["org", "parent_org", "leader_email"], orgs));
  await writeFile(
    path.join(dir, "teams.csv"),
    lines(["team", "org", "profile", "pilot", "joined_on"], teams),
  );
  await writeFile(
    path.join(dir, "people.csv"),
    lines(["email", "name", "roles", "org", "team"], [...engineers, ...guardians]),
  );
  await writeFile(
    path.join(dir, "reviews.csv"),
    lines(
      [
        "review_id",
        "team",
        "service",
        "requested_at",
        "started_at",
        "completed_at",
        "security_engineer_email",
        "guardian_emails",
        "effort_hours",
      ],
      reviews,
    ),
  );
}

const summary = (r: ImportResult) =>
  r.files
    .map((f) => `${f.file} ${f.counts.create}+${f.counts.update}~${f.counts.unchanged}`)
    .join(", ");

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), "guardians-bench-import-"));
  let t = Date.now();
  await generate(dir);
  const names = (await readdir(dir)).sort();
  const files = await Promise.all(
    names.map(async (name) => ({
      name,
      content: new Uint8Array(await readFile(path.join(dir, name))),
    })),
  );
  const megabytes = files.reduce((s, f) => s + f.content.length, 0) / 1048576;
  log(
    `generated ${REVIEWS.toLocaleString("en")} reviews, ${TEAMS} teams, ${ENGINEERS + GUARDIANS} people (${megabytes.toFixed(1)} MB) in ${Date.now() - t} ms`,
  );
  const db = await prepareDatabase({ log, database: DATABASE, fresh: true });
  const client = jobClient(db.url);
  let seconds = 0;
  try {
    await client.connect();
    t = Date.now();
    const preview = await runImport(client, files, { commit: false, actor: null });
    log(
      `preview: ${((Date.now() - t) / 1000).toFixed(1)} s (${summary(preview)}; ${preview.errors.length} errors)`,
    );
    if (preview.errors.length)
      throw new Error(`unexpected errors: ${JSON.stringify(preview.errors.slice(0, 5))}`);
    t = Date.now();
    const result = await runImport(client, files, { commit: true, actor: null });
    seconds = (Date.now() - t) / 1000;
    log(`import into a fresh database: ${seconds.toFixed(1)} s (${summary(result)})`);
    t = Date.now();
    const again = await runImport(client, files, { commit: true, actor: null });
    log(
      `same files again: ${((Date.now() - t) / 1000).toFixed(1)} s (${summary(again)}; committed: ${again.committed})`,
    );
  } finally {
    await client.end().catch(() => {});
    if (!values.keep)
      await dropDatabase(withDatabase(db.url, "postgres"), DATABASE).catch(() => {});
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  }
  log(
    seconds < 60
      ? `OK: ${REVIEWS.toLocaleString("en")} reviews in ${seconds.toFixed(1)} s (target: under 60 s)`
      : `TOO SLOW: ${seconds.toFixed(1)} s (target: under 60 s)`,
  );
  if (seconds >= 60) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`[bench:import] ${(error as Error).stack ?? error}`);
  process.exit(1);
});
