// Bench fixtures on the bench database: guardians who can sign in, and one published newsletter.
// Run with: node --conditions=react-server --import tsx bench/setup.ts (DATABASE_URL set).
const { db } = await import("../lib/db/client");
const { loadActor } = await import("../lib/auth/actor");
const { generateDraft, publish, lastQuarterKey } =
  await import("../lib/server/newsletters/service");

const lead = await db.user.findUniqueOrThrow({
  where: { email: "lead@guardians.test" },
  select: { id: true, passwordHash: true },
});
const teams = await db.team.findMany({
  take: 20,
  orderBy: { id: "asc" },
  select: { id: true, orgId: true },
});
for (let i = 0; i < 20; i++) {
  const email = `bench-guardian-${i}@guardians.test`;
  const team = teams[i % teams.length];
  const user = await db.user.upsert({
    where: { email },
    create: {
      email,
      name: `Bench Guardian ${i}`,
      roles: ["GUARDIAN"],
      orgId: team.orgId,
      teamId: team.id,
      passwordHash: lead.passwordHash,
    },
    update: {},
  });
  const active = await db.guardianMembership.findFirst({
    where: { userId: user.id, status: "ACTIVE" },
  });
  if (!active)
    await db.guardianMembership.create({
      data: {
        userId: user.id,
        teamId: team.id,
        status: "ACTIVE",
        nominatedOn: new Date("2024-01-01"),
        activeOn: new Date("2024-01-02"),
      },
    });
}
// The bench logs hours for the last two weeks, as guardians do. Its own entries from earlier
// runs are removed first, so every run has the same room under the 24-hours-a-day limit.
const benchUsers = (
  await db.user.findMany({
    where: { email: { startsWith: "bench-guardian-" } },
    select: { id: true },
  })
).map((u) => u.id);
const earlier = { userId: { in: benchUsers } }; // bench-only accounts: every entry of theirs is the bench's
await db.activityEntryVersion.deleteMany({ where: { entry: earlier } });
await db.activityEntry.deleteMany({ where: earlier });
// Jobs left queued by an interrupted bench (bench:digest's emails, say) would be run by the
// measured server's workers and cost it CPU: the bench database's queue starts empty.
await db.$executeRaw`DELETE FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`;
const actor = (await loadActor(lead.id))!;
const org = await db.org.findFirstOrThrow({
  where: { parentId: null },
  orderBy: { id: "asc" },
  select: { id: true },
});
const draft = await generateDraft(actor, org.id, lastQuarterKey());
if (draft.status !== "PUBLISHED") await publish(actor, draft.id);
console.log(JSON.stringify({ newsletterId: draft.id }));
await db.$disconnect();
export {};
