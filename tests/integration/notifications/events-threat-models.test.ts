// Threat-model events (submitted, sent back, approved) notify the people concerned in the
// change's own transaction; each round of review is its own event.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/server/errors";
import { rateGuardian } from "@/lib/server/feedback/service";
import {
  addAuthor,
  addComment,
  createThreatModel,
  decide,
  saveThreat,
  submitForReview,
} from "@/lib/server/threat-models/service";
import { threatModelSchema, threatSchema } from "@/lib/validations/threat-model";
import { resetDatabase } from "../../setup/db";
import { clearQueue } from "./queue-helpers";
import { eventWorld, failingAtCommit, notified, traces, type EventWorld } from "./event-world";

beforeEach(async () => {
  await resetDatabase();
  await clearQueue();
});

/** A model by the guardian and the builder, with one documented threat. */
async function draft(w: EventWorld) {
  const tm = await createThreatModel(
    w.as.guardian,
    threatModelSchema.parse({ team: "Payments API", system: "Card vault" }),
  );
  const builder = await db.user.findUniqueOrThrow({ where: { id: w.ids.builder } });
  await addAuthor(w.as.guardian, tm.id, builder.email);
  await saveThreat(
    w.as.guardian,
    threatSchema.parse({
      threatModelId: String(tm.id),
      threatId: "",
      title: "Tampered payload",
      category: "TAMPERING",
      severity: "HIGH",
      mitigation: "Sign payloads",
      mitigationStatus: "IMPLEMENTED",
    }),
  );
  return tm;
}

const decision = (threatModelId: number, d: "approve" | "return", comment: string | null) => ({
  threatModelId,
  decision: d,
  comment,
  acceptUndocumented: false,
});

const keysOf = async (kind: Parameters<typeof notified>[0]) =>
  [...new Set((await notified(kind)).map(([, , key]) => key))] as string[];

describe("threat model submitted", () => {
  it("tells those who approve threat models, once per round of review", async () => {
    const w = await eventWorld();
    const tm = await draft(w);
    await submitForReview(w.as.guardian, tm.id);
    const link = `/threat-models/${tm.id}`;
    const [key] = await keysOf("THREAT_MODEL_SUBMITTED");
    expect(key).toMatch(new RegExp(`^threat-model:${tm.id}:submitted:\\d+$`));
    expect(await notified("THREAT_MODEL_SUBMITTED")).toEqual(
      [w.ids.lead, w.ids.admin, w.ids.engineer, w.ids.engineer2].map((id) => [id, link, key]),
    );
    expect(
      await db.notification.findFirstOrThrow({ where: { kind: "THREAT_MODEL_SUBMITTED" } }),
    ).toMatchObject({
      title: "Gina Guardian submitted the threat model of Card vault (Payments API) for review",
      body: `${tm.key} is waiting for approval.`,
    });
    await expect(submitForReview(w.as.builder, tm.id)).rejects.toBeInstanceOf(DomainError);
    expect(await notified("THREAT_MODEL_SUBMITTED")).toHaveLength(4);
    // Sent back and submitted again: a new round, a new notice.
    await decide(w.as.engineer, decision(tm.id, "return", null));
    await submitForReview(w.as.guardian, tm.id);
    expect(await keysOf("THREAT_MODEL_SUBMITTED")).toHaveLength(2);
    expect(await notified("THREAT_MODEL_SUBMITTED")).toHaveLength(8);
  });

  it("notifies nobody when the submission rolls back", async () => {
    const w = await eventWorld();
    const tm = await draft(w);
    const before = await traces();
    await failingAtCommit(() => submitForReview(w.as.guardian, tm.id));
    expect((await db.threatModel.findUniqueOrThrow({ where: { id: tm.id } })).status).toBe("DRAFT");
    expect(await traces()).toEqual(before);
  });
});

describe("threat model sent back", () => {
  it("tells its authors, with the reviewer's comment", async () => {
    const w = await eventWorld();
    const tm = await draft(w);
    await submitForReview(w.as.guardian, tm.id);
    await decide(w.as.engineer, decision(tm.id, "return", "Add the replay threat."));
    const [key] = await keysOf("THREAT_MODEL_SENT_BACK");
    expect(key).toMatch(new RegExp(`^threat-model:${tm.id}:sent-back:\\d+$`));
    const link = `/threat-models/${tm.id}`;
    expect(await notified("THREAT_MODEL_SENT_BACK")).toEqual([
      [w.ids.builder, link, key],
      [w.ids.guardian, link, key],
    ]);
    expect(
      await db.notification.findFirstOrThrow({ where: { kind: "THREAT_MODEL_SENT_BACK" } }),
    ).toMatchObject({
      title: "The threat model of Card vault (Payments API) was sent back",
      body: "Eve Engineer: Add the replay threat.",
    });
    // A second reviewer sending back the same round finds nothing to send back.
    await expect(decide(w.as.engineer2, decision(tm.id, "return", null))).rejects.toBeInstanceOf(
      DomainError,
    );
    expect(await notified("THREAT_MODEL_SENT_BACK")).toHaveLength(2);
  });
});

describe("two reviewers deciding at once", () => {
  it("apply one decision and notify its authors once", async () => {
    const w = await eventWorld();
    const tm = await draft(w);
    await submitForReview(w.as.guardian, tm.id);
    const results = await Promise.allSettled([
      decide(w.as.engineer, decision(tm.id, "return", "Add the replay threat.")),
      decide(w.as.engineer2, decision(tm.id, "return", "Name the data stores.")),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.auditLog.count({ where: { entity: "ThreatModel", action: "return" } })).toBe(1);
    expect((await notified("THREAT_MODEL_SENT_BACK")).map(([id]) => id)).toEqual([
      w.ids.builder,
      w.ids.guardian,
    ]);
  });
});

describe("threat model approved", () => {
  it("tells its authors and reviewers, not the approver, once", async () => {
    const w = await eventWorld();
    const tm = await draft(w);
    await submitForReview(w.as.guardian, tm.id);
    // Reviewers: Sam sent it back (without a comment), the lead commented.
    await decide(w.as.engineer2, decision(tm.id, "return", null));
    await submitForReview(w.as.guardian, tm.id);
    await addComment(w.as.lead, tm.id, "Looks complete to me.");
    await decide(w.as.engineer, decision(tm.id, "approve", "Good work."));
    const link = `/threat-models/${tm.id}`;
    const key = `threat-model:${tm.id}:approved`;
    expect(await notified("THREAT_MODEL_APPROVED")).toEqual(
      [w.ids.lead, w.ids.engineer2, w.ids.builder, w.ids.guardian].map((id) => [id, link, key]),
    );
    expect(
      await db.notification.findFirstOrThrow({ where: { kind: "THREAT_MODEL_APPROVED" } }),
    ).toMatchObject({
      title: "The threat model of Card vault (Payments API) was approved",
      body: "Eve Engineer: Good work.",
    });
    await expect(decide(w.as.engineer, decision(tm.id, "approve", null))).rejects.toBeInstanceOf(
      DomainError,
    );
    expect(await notified("THREAT_MODEL_APPROVED")).toHaveLength(4);
    // The approved model's guardian author can now be rated.
    await rateGuardian(w.as.engineer, {
      threatModelId: tm.id,
      guardianId: w.ids.guardian,
      rating: 3,
      comment: null,
    });
    expect(
      await db.notification.findFirstOrThrow({ where: { kind: "GUARDIAN_RATED" } }),
    ).toMatchObject({
      userId: w.ids.guardian,
      title: "Eve Engineer rated your input to the threat model of Card vault: 3/5",
    });
  });

  it("notifies nobody when the approval rolls back", async () => {
    const w = await eventWorld();
    const tm = await draft(w);
    await submitForReview(w.as.guardian, tm.id);
    const before = await traces();
    await failingAtCommit(() => decide(w.as.engineer, decision(tm.id, "approve", null)));
    expect((await db.threatModel.findUniqueOrThrow({ where: { id: tm.id } })).status).toBe(
      "IN_REVIEW",
    );
    expect(await traces()).toEqual(before);
  });
});
