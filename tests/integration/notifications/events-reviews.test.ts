// Review events (requested, assigned, completed) and a guardian's rating notify the people
// concerned in the change's own transaction.
import { beforeEach, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { rateGuardian } from "@/lib/server/feedback/service";
import { DomainError } from "@/lib/server/errors";
import {
  addParticipant,
  completeReview,
  requestReview,
  startReview,
} from "@/lib/server/reviews/service";
import { noticeRequested } from "@/lib/server/reviews/notices";
import { participantSchema, ratingSchema, requestReviewSchema } from "@/lib/validations/review";
import { resetDatabase } from "../../setup/db";
import { clearQueue } from "./queue-helpers";
import { eventWorld, failingAtCommit, notified, traces, type EventWorld } from "./event-world";

beforeEach(async () => {
  await resetDatabase();
  await clearQueue();
});

const request = (w: EventWorld, as = w.as.guardian) =>
  requestReview(as, requestReviewSchema.parse({ team: "Payments API", service: "Checkout" }));

async function startedReview(w: EventWorld) {
  const review = await request(w);
  await startReview(w.as.lead, { reviewId: review.id, securityEngineerId: w.ids.engineer });
  for (const id of [w.ids.guardian, w.ids.builder]) {
    const { email } = await db.user.findUniqueOrThrow({ where: { id } });
    await addParticipant(w.as.engineer, participantSchema.parse({ reviewId: review.id, email }));
  }
  return review;
}

describe("review requested", () => {
  it("tells the active security engineers who can run it, once", async () => {
    const w = await eventWorld();
    const gone = await db.user.update({
      where: { id: w.ids.engineer2 },
      data: { deactivatedAt: new Date() },
    });
    const review = await request(w);
    const key = `review:${review.id}:requested`;
    // Leads and admins hold review.conduct too, but a review is assigned to an engineer.
    expect(await notified("REVIEW_REQUESTED")).toEqual([
      [w.ids.engineer, `/reviews/${review.id}`, key],
    ]);
    expect(gone.deactivatedAt).not.toBeNull();
    const n = await db.notification.findFirstOrThrow({ where: { kind: "REVIEW_REQUESTED" } });
    expect(n.title).toBe("Gina Guardian requested a security review of Checkout (Payments API)");
    expect(n.body).toBe(`${review.key} is waiting for a security engineer.`);
    // The same event written again (a retry) notifies nobody twice.
    const team = { name: "Payments API", orgId: w.cards.id };
    await db.$transaction((tx) => noticeRequested(tx, w.as.guardian, review, team));
    expect(await notified("REVIEW_REQUESTED")).toHaveLength(1);
  });

  it("leaves out an engineer who requests it (as a lead too)", async () => {
    const w = await eventWorld();
    await db.user.update({
      where: { id: w.ids.engineer },
      data: { roles: ["LEAD", "SECURITY_ENGINEER"] },
    });
    const review = await request(w, (await loadActor(w.ids.engineer))!);
    expect(await notified("REVIEW_REQUESTED")).toEqual([
      [w.ids.engineer2, `/reviews/${review.id}`, `review:${review.id}:requested`],
    ]);
  });
});

describe("review assigned", () => {
  it("tells the assigned engineer once, nobody when engineers take a review themselves", async () => {
    const w = await eventWorld();
    const review = await request(w);
    const start = (as: typeof w.as.lead, securityEngineerId?: number) =>
      startReview(as, { reviewId: review.id, securityEngineerId });
    await start(w.as.lead, w.ids.engineer);
    await start(w.as.lead, w.ids.engineer);
    const link = `/reviews/${review.id}`;
    expect(await notified("REVIEW_ASSIGNED")).toEqual([
      [w.ids.engineer, link, `review:${review.id}:assigned:${w.ids.engineer}`],
    ]);
    const n = await db.notification.findFirstOrThrow({ where: { kind: "REVIEW_ASSIGNED" } });
    expect(n).toMatchObject({
      title: "You are assigned the security review of Checkout (Payments API)",
      body: `${review.key}, assigned by Lena Lead.`,
    });
    await start(w.as.engineer2);
    expect(await notified("REVIEW_ASSIGNED")).toHaveLength(1);
  });

  it("notifies nobody when the assignment rolls back", async () => {
    const w = await eventWorld();
    const review = await request(w);
    const before = await traces();
    await failingAtCommit(() =>
      startReview(w.as.lead, { reviewId: review.id, securityEngineerId: w.ids.engineer }),
    );
    expect(
      (await db.review.findUniqueOrThrow({ where: { id: review.id } })).securityEngineerId,
    ).toBeNull();
    expect(await traces()).toEqual(before);
  });
});

describe("review completed", () => {
  it("tells the requester and the participants, not the engineer who completes it", async () => {
    const w = await eventWorld();
    const review = await startedReview(w);
    const complete = () =>
      completeReview(w.as.engineer, { reviewId: review.id, outcome: "APPROVED_WITH_FINDINGS" });
    await complete();
    const link = `/reviews/${review.id}`;
    const key = `review:${review.id}:completed`;
    expect(await notified("REVIEW_COMPLETED")).toEqual([
      [w.ids.builder, link, key],
      [w.ids.guardian, link, key],
    ]);
    const n = await db.notification.findFirstOrThrow({ where: { kind: "REVIEW_COMPLETED" } });
    expect(n).toMatchObject({
      title: "The security review of Checkout is complete: Approved with findings",
      body: `${review.key} (Payments API), completed by Eve Engineer.`,
    });
    await expect(complete()).rejects.toBeInstanceOf(DomainError);
    expect(await notified("REVIEW_COMPLETED")).toHaveLength(2);
  });

  it("notifies nobody when the completion rolls back", async () => {
    const w = await eventWorld();
    const review = await startedReview(w);
    const before = await traces();
    await failingAtCommit(() =>
      completeReview(w.as.engineer, { reviewId: review.id, outcome: "APPROVED" }),
    );
    expect((await db.review.findUniqueOrThrow({ where: { id: review.id } })).completedAt).toBe(
      null,
    );
    expect(await traces()).toEqual(before);
  });
});

describe("guardian rated", () => {
  async function completed(w: EventWorld) {
    const review = await startedReview(w);
    await completeReview(w.as.engineer, { reviewId: review.id, outcome: "APPROVED" });
    return review;
  }
  const rating = (reviewId: number, guardianId: number, value: number, comment?: string) =>
    ratingSchema.parse({ reviewId, guardianId, rating: String(value), comment });

  it("tells the guardian once per rating, and again when the rating changes", async () => {
    const w = await eventWorld();
    const review = await completed(w);
    const rate = (value: number, comment?: string) =>
      rateGuardian(w.as.engineer, rating(review.id, w.ids.guardian, value, comment));
    const first = await rate(4, "Clear threat list.");
    await rate(4, "Clear threat list.");
    expect(await notified("GUARDIAN_RATED")).toEqual([
      [w.ids.guardian, "/feedback", `feedback:${first.id}:rated`],
    ]);
    expect(
      await db.notification.findFirstOrThrow({ where: { kind: "GUARDIAN_RATED" } }),
    ).toMatchObject({
      title: "Eve Engineer rated your input to the security review of Checkout: 4/5",
      body: "Clear threat list.",
    });
    await rate(5, "Clear threat list.");
    const rows = await db.notification.findMany({
      where: { kind: "GUARDIAN_RATED" },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.userId, r.title])).toEqual([
      [w.ids.guardian, "Eve Engineer rated your input to the security review of Checkout: 4/5"],
      [
        w.ids.guardian,
        "Eve Engineer changed the rating of your input to the security review of Checkout: 5/5",
      ],
    ]);
    expect(rows[1].eventKey).toMatch(new RegExp(`^feedback:${first.id}:changed:\\d+$`));
  });

  it("notifies nobody when the rating rolls back", async () => {
    const w = await eventWorld();
    const review = await completed(w);
    const before = await traces();
    await failingAtCommit(() => rateGuardian(w.as.engineer, rating(review.id, w.ids.guardian, 2)));
    expect(await db.feedback.count()).toBe(0);
    expect(await traces()).toEqual(before);
  });
});
