// A program for the event tests: two organisations, the roles that decide things, and helpers to
// read what the events left behind (notifications, outbox emails, channel posts, queue jobs).
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import type { ChannelEvent, NotificationKind, Role } from "@/lib/generated/prisma/enums";
import { createOrg, createTeam, createUser } from "../../factories";
import { jobsIn } from "./queue-helpers";

async function person(roles: Role[], name: string, data: { orgId?: number; teamId?: number } = {}) {
  const u = await createUser(roles, data);
  return db.user.update({ where: { id: u.id }, data: { name } });
}

const actor = async (id: number) => (await loadActor(id))!;

export async function eventWorld() {
  const payments = await createOrg({ name: "Payments" });
  const cards = await createOrg({ name: "Payments / Cards", parentId: payments.id });
  const retail = await createOrg({ name: "Retail" });
  const team = await createTeam(cards.id, { name: "Payments API" });
  const shop = await createTeam(retail.id, { name: "Shop" });
  const lead = await person(["LEAD"], "Lena Lead");
  const admin = await person(["ADMIN"], "Adam Admin");
  const goneLead = await person(["LEAD"], "Gone Lead");
  await db.user.update({ where: { id: goneLead.id }, data: { deactivatedAt: new Date() } });
  const engineer = await person(["SECURITY_ENGINEER"], "Eve Engineer");
  const engineer2 = await person(["SECURITY_ENGINEER"], "Sam Engineer");
  const manager = await person(["MANAGER"], "Mona Manager", { orgId: payments.id });
  await db.org.update({ where: { id: payments.id }, data: { leaderId: manager.id } });
  const builder = await person(["BUILDER"], "Bob Builder", { orgId: cards.id, teamId: team.id });
  const guardian = await person(["GUARDIAN"], "Gina Guardian", {
    orgId: cards.id,
    teamId: team.id,
  });
  await db.guardianMembership.create({
    data: {
      userId: guardian.id,
      teamId: team.id,
      status: "ACTIVE",
      nominatedOn: new Date("2026-01-01"),
      activeOn: new Date("2026-01-01"),
    },
  });
  const outsider = await person(["MANAGER"], "Otto Outsider", { orgId: retail.id });
  return {
    payments,
    cards,
    retail,
    team,
    shop,
    ids: {
      lead: lead.id,
      admin: admin.id,
      goneLead: goneLead.id,
      engineer: engineer.id,
      engineer2: engineer2.id,
      manager: manager.id,
      builder: builder.id,
      guardian: guardian.id,
      outsider: outsider.id,
    },
    as: {
      lead: await actor(lead.id),
      admin: await actor(admin.id),
      engineer: await actor(engineer.id),
      engineer2: await actor(engineer2.id),
      manager: await actor(manager.id),
      builder: await actor(builder.id),
      guardian: await actor(guardian.id),
      outsider: await actor(outsider.id),
    },
  };
}

export type EventWorld = Awaited<ReturnType<typeof eventWorld>>;

/** The notifications of one kind, as [userId, link, eventKey], by person. */
export async function notified(kind: NotificationKind) {
  const rows = await db.notification.findMany({
    where: { kind },
    orderBy: [{ userId: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => [r.userId, r.link, r.eventKey]);
}

/** Everything an event can leave behind, counted. */
export async function traces() {
  return {
    notifications: await db.notification.count(),
    emails: await db.notificationEmail.count(),
    emailJobs: (await jobsIn("notification-email")).length,
    posts: await db.channelPost.count(),
    postJobs: (await jobsIn("channel-post")).length,
  };
}

export const NO_TRACES = { notifications: 0, emails: 0, emailJobs: 0, posts: 0, postJobs: 0 };

/**
 * Runs `change` with a deferred constraint trigger that fails the transaction at COMMIT once it
 * has written a notification: the change has done all its work (notify() and its queue jobs
 * included) when it rolls back.
 */
export async function failingAtCommit(change: () => Promise<unknown>) {
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_fail_at_commit() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forced failure at commit'; END $$`);
  await db.$executeRawUnsafe(`CREATE CONSTRAINT TRIGGER test_fail_at_commit
    AFTER INSERT ON "Notification" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION test_fail_at_commit()`);
  try {
    await change();
    throw new Error("the change committed");
  } catch (error) {
    if (!String(error).includes("forced failure at commit")) throw error;
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_at_commit ON "Notification"`);
  }
}

/** A Slack or Teams channel of an organisation, subscribed to some events. */
export function channel(orgId: number, events: ChannelEvent[], tool: "SLACK" | "TEAMS" = "SLACK") {
  return db.channelWebhook.create({
    data: { orgId, tool, events, urlEncrypted: "sealed", urlHint: `hooks.example.test/${orgId}` },
  });
}
