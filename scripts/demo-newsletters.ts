// Publishes last quarter's newsletter (relative to the demo's clock) for the organisations the
// demo managers lead, through the app's own services: the draft, its assembly from the live
// figures, publication (frozen content, deliveries lined up, recipients notified). Run by the
// demo loader (lib/demo/newsletters.ts) with the react-server condition, as the worker is:
//   echo go | DATABASE_URL=… node --conditions=react-server --import tsx scripts/demo-newsletters.ts 2026-12-07
import { DEMO_ACCOUNTS, DEMO_NEWSLETTER_LEADERS } from "../lib/demo/demo-accounts";
import { parseIsoDay } from "../lib/period";

const { db, reportDb } = await import("../lib/db/client");
const { loadActor } = await import("../lib/auth/actor");
const { generateDraft, lastQuarterKey, publish } =
  await import("../lib/server/newsletters/service");

// Ready the database clients meanwhile (their query engine loads on first use).
await Promise.all([db.$queryRaw`SELECT 1`, reportDb.$queryRaw`SELECT 1`]);
// The loader says when the demo data is written (a line on stdin); closing stdin cancels.
const go = await new Promise<boolean>((resolve) => {
  process.stdin.once("data", () => resolve(true));
  process.stdin.once("end", () => resolve(false));
});
if (!go) process.exit(0);
const today = parseIsoDay(process.argv[2] ?? "");
if (Number.isNaN(today.getTime())) {
  console.error("[demo-newsletters] give the demo's day, like 2026-12-07");
  process.exit(1);
}
try {
  const lead = await db.user.findUniqueOrThrow({
    where: { email: DEMO_ACCOUNTS.lead.email },
    select: { id: true },
  });
  const actor = await loadActor(lead.id);
  if (!actor) throw new Error("the demo lead cannot act");
  const orgs = await db.org.findMany({
    where: {
      leader: { email: { in: DEMO_NEWSLETTER_LEADERS.map((k) => DEMO_ACCOUNTS[k].email) } },
    },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const quarter = lastQuarterKey(today);
  for (const org of orgs) {
    const draft = await generateDraft(actor, org.id, quarter);
    if (draft.status !== "PUBLISHED") await publish(actor, draft.id);
  }
  console.log(`[demo-newsletters] ${quarter}: ${orgs.length} published`);
} finally {
  // Both pools: an idle connection left open would keep the process alive for its idle timeout.
  await Promise.all([db.$disconnect(), reportDb.$disconnect()]);
}
