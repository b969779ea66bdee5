// The daily digest at the `large` data set's scale: every active person (about 50,000) has one
// notification waiting for the digest; the bench builds the digests (one statement), then the
// real queue's workers send every email to a real SMTP server in another process, and prints
// the time to the last email, the rate and the worker process's peak memory.
//   npm run bench:digest
// Runs on the bench database (built by `npm run bench` or bench/large-db.ts); what it adds is
// removed at the end, so the dashboards' benchmarks see the same data.
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { largeDatabase } from "./large-db";

const log = (l: string) => console.log(`[bench:digest] ${l}`);
const SMTP_PORT = Number(process.env.BENCH_SMTP_PORT ?? 2626);
const MAIL_PORT = Number(process.env.BENCH_MAIL_PORT ?? 3292);
const database = await largeDatabase(log);
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
// Setting up and clearing 50,000 rows is the bench's own work, not a request's.
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "600000";
// A sink that counts (the mail-sink keeps every message: memory of its own process, not ours).
const sink = spawn(process.execPath, ["--import", "tsx", "tests/support/mail-sink-main.ts"], {
  env: { ...process.env, E2E_SMTP_PORT: String(SMTP_PORT), E2E_MAIL_PORT: String(MAIL_PORT) },
  stdio: ["ignore", "ignore", "inherit"],
});
const { db } = await import("../lib/db/client");
const { prepareDailyDigests } = await import("../lib/server/notifications/digest");
const { startJobs } = await import("../lib/server/jobs/runner");
const { mailerFromEnv } = await import("../lib/server/mail");

const EVENT = "bench-digest";
async function cleanUp() {
  await db.$executeRaw`DELETE FROM "NotificationEmail" WHERE id IN (SELECT "emailId" FROM "Notification" WHERE "eventKey" = ${EVENT})`;
  await db.$executeRaw`DELETE FROM "Notification" WHERE "eventKey" = ${EVENT}`;
  // Digests left empty by an interrupted run (their notifications gone).
  await db.$executeRaw`DELETE FROM "NotificationEmail" e WHERE e."digestDay" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."emailId" = e.id)`;
  await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'notification-email'`;
}

let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
try {
  for (let i = 0; i < 60; i++) {
    if (
      await fetch(`http://127.0.0.1:${MAIL_PORT}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await cleanUp();
  const now = new Date();
  const yesterday = new Date(now.getTime() - 20 * 3600_000);
  const people = await db.$executeRaw`
    INSERT INTO "Notification" ("userId", kind, title, body, link, "eventKey", "createdAt")
    SELECT u.id, 'GUARDIAN_RATED', 'Your input to a review was rated 4 of 5', 'Thank you for the threat walkthrough.', '/feedback', ${EVENT}, ${yesterday}
    FROM "User" u WHERE u."deactivatedAt" IS NULL`;
  log(`${people} people with a notification waiting for the digest`);
  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;

  const t0 = performance.now();
  const { digests, queued } = await prepareDailyDigests(now);
  const prepared = performance.now() - t0;
  log(`${digests} digests built and ${queued} jobs queued in ${(prepared / 1000).toFixed(1)} s`);

  const mailer = mailerFromEnv(
    { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(SMTP_PORT), SMTP_TLS: "false" },
    { pool: Number(process.env.SMTP_CONNECTIONS ?? 16) },
  );
  const jobs = await startJobs({ schedule: false, context: { mailer }, pollingIntervalSeconds: 1 });
  let sent = 0;
  let last = performance.now();
  while (sent < queued) {
    await new Promise((r) => setTimeout(r, 2000));
    sent = await db.notificationEmail.count({
      where: { digestDay: { not: null }, status: "SENT" },
    });
    if (performance.now() - last > 30_000) {
      log(`${sent} of ${queued} sent after ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      last = performance.now();
    }
    if (performance.now() - t0 > 15 * 60_000) throw new Error("gave up after 15 minutes");
  }
  const total = performance.now() - t0;
  await jobs.stop(true);
  const received = (await fetch(`http://127.0.0.1:${MAIL_PORT}/messages`).then((r) =>
    r.json(),
  )) as unknown[];
  const s = total / 1000;
  console.log(`
daily digest, large data set (${people} people), ${process.env.JOBS_EMAIL_WORKERS ?? 6} email workers, ${process.env.SMTP_CONNECTIONS ?? 16} SMTP connections

step                                      seconds   target
----------------------------------------  -------   ------
build the digests (one statement)          ${(prepared / 1000).toFixed(1).padStart(6)}
every digest sent (build + send)           ${s.toFixed(1).padStart(6)}   <= 300
rate                                       ${(queued / s).toFixed(0).padStart(6)} emails/s
emails the SMTP server received            ${String(received.length).padStart(6)}
worker process peak memory                 ${(peakRss / 2 ** 20).toFixed(0).padStart(6)} MiB (${(rssBefore / 2 ** 20).toFixed(0)} MiB before)
`);
} finally {
  clearInterval(rssTimer);
  await cleanUp().catch(() => {});
  sink.kill("SIGTERM");
  await db.$disconnect();
  await database.stop();
}
