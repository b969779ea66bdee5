import { beforeEach, describe, expect, it, vi } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { giveRecognitionAction } from "@/lib/server/recognition/actions";
import { giveRecognition } from "@/lib/server/recognition/service";
import { NotFoundError } from "@/lib/server/errors";
import { createOrg, createUser } from "../../factories";
import { resetDatabase } from "../../setup/db";
import { actAs, formData, invoke } from "../action-harness";
import { clearQueue, jobsIn } from "./queue-helpers";

// Kudos and awards notify the person recognised, in the transaction that records them.
vi.mock("@/lib/auth/session", async () => (await import("../action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("../action-harness")).nextCacheModule());

beforeEach(async () => {
  await resetDatabase();
  await clearQueue();
  actAs(null);
});

async function world() {
  const orgA = await createOrg();
  const orgB = await createOrg();
  const manager = await createUser(["MANAGER"], { orgId: orgA.id });
  const other = await createUser(["MANAGER"], { orgId: orgB.id });
  const guardian = await createUser(["GUARDIAN"], { orgId: orgA.id });
  return { manager, other, guardian };
}

const kudos = (recipientId: number) => ({
  recipientId,
  kind: "KUDOS" as const,
  title: "Great prep",
  reason: "Prepared the review thoroughly.",
});

describe("recognition notifies the person recognised", () => {
  it("writes their notification, linking to their recognition, and none for the giver", async () => {
    const { manager, guardian } = await world();
    const row = await giveRecognition((await loadActor(manager.id))!, kudos(guardian.id));
    const notes = await db.notification.findMany();
    expect(notes).toEqual([
      expect.objectContaining({
        userId: guardian.id,
        kind: "RECOGNITION_GIVEN",
        title: `Kudos from ${manager.name}: “Great prep”`,
        body: "Prepared the review thoroughly.",
        link: `/people/${guardian.id}#recognition`,
        eventKey: `recognition:${row.id}`,
        readAt: null,
        // Daily digest by default: no email of its own.
        emailId: null,
      }),
    ]);
    const award = await giveRecognition((await loadActor(manager.id))!, {
      ...kudos(guardian.id),
      kind: "AWARD",
      title: "Guardian of the quarter",
    });
    expect(
      (await db.notification.findFirstOrThrow({ where: { eventKey: `recognition:${award.id}` } }))
        .title,
    ).toBe(`${manager.name} gave you the award “Guardian of the quarter”`);
  });

  it("emails at once through the queue when they chose so, from the form's action", async () => {
    const { manager, guardian } = await world();
    await db.notificationPreference.create({
      data: { userId: guardian.id, kind: "RECOGNITION_GIVEN", email: "IMMEDIATE" },
    });
    actAs(manager.id);
    const form = kudos(guardian.id);
    expect(
      await invoke(
        giveRecognitionAction,
        formData({ ...form, recipientId: String(form.recipientId) }),
      ),
    ).toMatchObject({ kind: "ok" });
    const note = await db.notification.findFirstOrThrow({ where: { userId: guardian.id } });
    expect(note.emailId).not.toBeNull();
    expect(await jobsIn("notification-email")).toEqual([
      expect.objectContaining({ data: { emailId: note.emailId!.toString() } }),
    ]);
  });

  it("notifies nobody when the recognition is refused", async () => {
    const { other, guardian } = await world();
    await expect(
      giveRecognition((await loadActor(other.id))!, kudos(guardian.id)),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.notification.count()).toBe(0);
  });

  it("keeps no recognition when its notification cannot be written: one transaction", async () => {
    const { manager, guardian } = await world();
    // A trigger refuses the notification's insert, after the recognition and its audit record.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_note() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused'; END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_note BEFORE INSERT ON "Notification" FOR EACH ROW EXECUTE FUNCTION refuse_note()`,
    );
    try {
      await expect(
        giveRecognition((await loadActor(manager.id))!, kudos(guardian.id)),
      ).rejects.toThrow();
      expect(await db.recognition.count()).toBe(0);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_note ON "Notification"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_note()`);
    }
  });
});
