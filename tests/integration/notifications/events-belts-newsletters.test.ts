// Belts awarded or revoked and newsletters published notify the people concerned, and post to
// the Slack and Teams channels that asked for the event, in the change's own transaction.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { reevaluateBelts, reevaluateEveryone, revokeBelt } from "@/lib/server/belts/service";
import { DomainError } from "@/lib/server/errors";
import { decideNomination, nominateGuardian } from "@/lib/server/nominations/service";
import { generateDraft, lastQuarterKey, publish } from "@/lib/server/newsletters/service";
import { nominationSchema } from "@/lib/validations/nomination";
import { resetDatabase } from "../../setup/db";
import { clearQueue, jobsIn } from "./queue-helpers";
import { channel, eventWorld, failingAtCommit, notified, NO_TRACES, traces } from "./event-world";

beforeEach(async () => {
  await resetDatabase();
  await clearQueue();
});

const posts = () => db.channelPost.findMany({ orderBy: { webhookId: "asc" } });

const postJobs = async () =>
  (await jobsIn("channel-post")).map((j) => (j.data as { postId: string }).postId).sort();

describe("belt awarded", () => {
  it("tells the guardian and posts to the channels of their organisation and its parents that asked for it", async () => {
    const w = await eventWorld();
    const cardsSlack = await channel(w.cards.id, ["BELT_AWARDED", "COVERAGE_ALERT"]);
    const paymentsTeams = await channel(w.payments.id, ["BELT_AWARDED"], "TEAMS");
    await channel(w.payments.id, ["NEWSLETTER_PUBLISHED"]); // not this event
    await channel(w.retail.id, ["BELT_AWARDED"]); // another organisation
    const awarded = await reevaluateEveryone(w.as.lead);
    expect(awarded).toEqual([{ userId: w.ids.guardian, belt: "WHITE" }]);
    const award = await db.beltAward.findFirstOrThrow();
    const key = `belt-award:${award.id}`;
    const link = `/people/${w.ids.guardian}`;
    expect(await notified("BELT_AWARDED")).toEqual([[w.ids.guardian, link, key]]);
    expect(
      await db.notification.findFirstOrThrow({ where: { kind: "BELT_AWARDED" } }),
    ).toMatchObject({ title: "You earned the White belt" });
    const queued = await posts();
    expect(queued.map((p) => [p.webhookId, p.event, p.eventKey, p.link, p.title])).toEqual([
      [cardsSlack.id, "BELT_AWARDED", key, link, "Gina Guardian earned the White belt"],
      [paymentsTeams.id, "BELT_AWARDED", key, link, "Gina Guardian earned the White belt"],
    ]);
    expect(await postJobs()).toEqual(queued.map((p) => p.id.toString()).sort());
    // Evaluating again awards nothing new and tells nobody twice.
    expect(await reevaluateBelts([w.ids.guardian], w.ids.lead)).toEqual([]);
    expect((await traces()).posts).toBe(2);
    expect(await notified("BELT_AWARDED")).toHaveLength(1);
  });

  it("announces a belt earned on another path: a nomination approved", async () => {
    const w = await eventWorld();
    await channel(w.cards.id, ["BELT_AWARDED"]);
    const builder = await db.user.findUniqueOrThrow({ where: { id: w.ids.builder } });
    const m = await nominateGuardian(
      w.as.manager,
      nominationSchema.parse({
        teamId: w.team.id,
        email: builder.email,
        reason: "Knows the payment flows.",
      }),
    );
    await decideNomination(w.as.lead, { membershipId: m.id, decision: "approve", note: null });
    const award = await db.beltAward.findFirstOrThrow({ where: { userId: w.ids.builder } });
    expect(await notified("BELT_AWARDED")).toEqual([
      [w.ids.builder, `/people/${w.ids.builder}`, `belt-award:${award.id}`],
    ]);
    expect((await posts()).map((p) => p.title)).toEqual(["Bob Builder earned the White belt"]);
  });

  it("tells, but announces to no channel, a guardian who hid themself from recognition", async () => {
    const w = await eventWorld();
    await channel(w.cards.id, ["BELT_AWARDED"]);
    await db.user.update({ where: { id: w.ids.guardian }, data: { hideFromRecognition: true } });
    expect(await reevaluateEveryone(w.as.lead)).toEqual([
      { userId: w.ids.guardian, belt: "WHITE" },
    ]);
    expect(await notified("BELT_AWARDED")).toHaveLength(1);
    expect(await posts()).toEqual([]);
  });

  it("awards, notifies and posts nothing when the award rolls back", async () => {
    const w = await eventWorld();
    await channel(w.cards.id, ["BELT_AWARDED"]);
    await failingAtCommit(() => reevaluateBelts([w.ids.guardian], w.ids.lead));
    expect(await db.beltAward.count()).toBe(0);
    expect(await traces()).toEqual(NO_TRACES);
  });
});

describe("belt revoked", () => {
  it("tells the guardian why, once, and posts nothing", async () => {
    const w = await eventWorld();
    await channel(w.cards.id, ["BELT_AWARDED"]);
    await reevaluateBelts([w.ids.guardian]);
    const award = await db.beltAward.findFirstOrThrow();
    const before = await traces();
    await revokeBelt(w.as.lead, award.id, "Awarded by mistake");
    await expect(revokeBelt(w.as.admin, award.id, "Again")).rejects.toBeInstanceOf(DomainError);
    expect(await notified("BELT_REVOKED")).toEqual([
      [w.ids.guardian, `/people/${w.ids.guardian}`, `belt-award:${award.id}:revoked`],
    ]);
    expect(
      await db.notification.findFirstOrThrow({ where: { kind: "BELT_REVOKED" } }),
    ).toMatchObject({
      title: "Your White belt was revoked",
      body: "Lena Lead: Awarded by mistake",
    });
    expect((await traces()).posts).toBe(before.posts);
  });
});

describe("newsletter published", () => {
  async function newsletterWorld() {
    const w = await eventWorld();
    const guardian = await db.user.findUniqueOrThrow({ where: { id: w.ids.guardian } });
    const lead = await db.user.findUniqueOrThrow({ where: { id: w.ids.lead } });
    const admin = await db.user.findUniqueOrThrow({ where: { id: w.ids.admin } });
    const gone = await db.user.update({
      where: { id: w.ids.outsider },
      data: { deactivatedAt: new Date() },
    });
    // The leader (the manager) receives it; so do these addresses, some of them people here.
    await db.org.update({
      where: { id: w.payments.id },
      data: {
        newsletterRecipients: [
          guardian.email.toUpperCase(),
          lead.email,
          admin.email,
          gone.email,
          "cto@example.test",
        ],
      },
    });
    const draft = await generateDraft(w.as.lead, w.payments.id, lastQuarterKey());
    return { w, draft };
  }

  it("tells its recipients who can read it here (not the publisher) and posts to the channels that asked", async () => {
    const { w, draft } = await newsletterWorld();
    const paymentsSlack = await channel(w.payments.id, ["NEWSLETTER_PUBLISHED"]);
    await channel(w.payments.id, ["BELT_AWARDED"], "TEAMS"); // not this event
    await channel(w.cards.id, ["NEWSLETTER_PUBLISHED"]); // a sub-org: not its newsletter
    await publish(w.as.lead, draft.id);
    const link = `/newsletters/${draft.id}`;
    const key = `newsletter:${draft.id}:published`;
    // The guardian receives its email but may not open newsletters in the app: no notice.
    expect(await notified("NEWSLETTER_PUBLISHED")).toEqual([
      [w.ids.admin, link, key],
      [w.ids.manager, link, key],
    ]);
    const n = await db.notification.findFirstOrThrow({ where: { kind: "NEWSLETTER_PUBLISHED" } });
    expect(n.title).toBe(`The Payments security newsletter for ${draft.quarter} is out`);
    // The newsletter is emailed on its own: the notice stays in the app by default.
    expect(n.emailedAt).not.toBeNull();
    expect(await jobsIn("notification-email")).toEqual([]);
    const queued = await posts();
    expect(queued.map((p) => [p.webhookId, p.event, p.eventKey, p.link, p.title])).toEqual([
      [paymentsSlack.id, "NEWSLETTER_PUBLISHED", key, link, n.title],
    ]);
    expect(await postJobs()).toEqual([queued[0].id.toString()]);
    await expect(publish(w.as.lead, draft.id)).rejects.toBeInstanceOf(DomainError);
    expect(await traces()).toMatchObject({ notifications: 2, posts: 1, postJobs: 1 });
  });

  it("publishes, notifies and posts nothing when the publication rolls back", async () => {
    const { w, draft } = await newsletterWorld();
    await channel(w.payments.id, ["NEWSLETTER_PUBLISHED"]);
    await failingAtCommit(() => publish(w.as.lead, draft.id));
    expect((await db.newsletter.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe(
      "DRAFT",
    );
    expect(await db.newsletterDelivery.count()).toBe(0);
    expect(await traces()).toEqual(NO_TRACES);
  });
});
