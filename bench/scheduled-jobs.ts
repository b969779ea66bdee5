// Times the scheduled notification jobs on the `large` data set (built once by bench/large-db.ts;
// DATABASE_URL puts it elsewhere): the coverage alerts, the hours reminder and the leads' digest,
// each run twice at the same moment (the second run finds everything already done). They write
// alerts and notifications into the bench database, as the real jobs would; each start forgets
// what the previous one wrote, so the first run is a first run again.
//   npm run bench:scheduled
import { performance } from "node:perf_hooks";
import { largeDatabase } from "./large-db";

const db = await largeDatabase((l) => console.log(`[bench] ${l}`));
process.env.DATABASE_URL = db.url;
const { db: prisma } = await import("../lib/db/client");
const { evaluateCoverageAlerts } = await import("../lib/server/notifications/alerts");
const { sendHoursReminders } = await import("../lib/server/notifications/hours-reminder");
const { sendLeadDigests } = await import("../lib/server/notifications/lead-digest");
const { teamConditions } = await import("../lib/server/notifications/alert-conditions");

async function forgetEarlierRuns() {
  const kinds = `kind IN ('HOURS_REMINDER', 'LEAD_DIGEST', 'COVERAGE_ALERT')`;
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = 0`);
      await tx.$executeRawUnsafe(
        `CREATE TEMP TABLE old_emails ON COMMIT DROP AS SELECT "emailId" AS id FROM "Notification" WHERE ${kinds} AND "emailId" IS NOT NULL`,
      );
      await tx.$executeRawUnsafe(`DELETE FROM "Notification" WHERE ${kinds}`);
      await tx.$executeRawUnsafe(
        `DELETE FROM "NotificationEmail" WHERE id IN (SELECT id FROM old_emails)`,
      );
      await tx.$executeRawUnsafe(`DELETE FROM "ChannelPost" WHERE "eventKey" LIKE 'alert:%'`);
      await tx.$executeRawUnsafe(`DELETE FROM "CoverageAlert"`);
      await tx.$executeRawUnsafe(
        `DELETE FROM pgboss.job WHERE name IN ('notification-email', 'channel-post')`,
      );
    },
    { timeout: 600_000 },
  );
}

async function timed(label: string, run: () => Promise<unknown>) {
  const rss = process.memoryUsage().rss;
  const t = performance.now();
  const result = await run();
  const ms = performance.now() - t;
  const mb = (process.memoryUsage().rss - rss) / 1e6;
  console.log(
    `${label}: ${ms.toFixed(0)} ms, RSS ${mb >= 0 ? "+" : ""}${mb.toFixed(0)} MB`,
    result,
  );
}

try {
  const now = new Date();
  const [teams, guardians, entries] = await Promise.all([
    prisma.team.count(),
    prisma.guardianMembership.count({ where: { status: "ACTIVE" } }),
    prisma.activityEntry.count(),
  ]);
  console.log(`${teams} teams, ${guardians} active memberships, ${entries} activity entries`);
  await forgetEarlierRuns();
  await timed("coverage conditions (read only)", async () => (await teamConditions(now)).length);
  for (const run of ["first", "second"]) {
    await timed(`coverage alerts (${run} run)`, () => evaluateCoverageAlerts(now));
    await timed(`hours reminder (${run} run)`, () => sendHoursReminders(now));
    await timed(`leads' digest (${run} run)`, () => sendLeadDigests(now));
  }
} finally {
  await prisma.$disconnect();
  await db.stop();
}
