import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { saveNotificationPreferencesAction } from "@/lib/server/notifications/actions";
import { notify } from "@/lib/server/notifications/notify";
import { createUser } from "../../factories";
import { resetDatabase } from "../../setup/db";
import { actAs, changedTables, fingerprint, formData, invoke } from "../action-harness";
import { clearQueue } from "./queue-helpers";

// The preferences page's save: per kind immediately, daily digest or off, the person's own only.
vi.mock("@/lib/auth/session", async () => (await import("../action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("../action-harness")).nextCacheModule());

beforeEach(async () => {
  await resetDatabase();
  await clearQueue();
  actAs(null);
});

const save = (fields: Record<string, string>) =>
  invoke(saveNotificationPreferencesAction, formData(fields));

const choicesOf = async (userId: number) =>
  Object.fromEntries(
    (await db.notificationPreference.findMany({ where: { userId } })).map((p) => [p.kind, p.email]),
  );

describe("saving email preferences", () => {
  it("stores the person's choices, a default as no choice, with an audit record", async () => {
    const ada = await createUser(["GUARDIAN"]);
    const bob = await createUser(["GUARDIAN"]);
    await db.notificationPreference.create({
      data: { userId: bob.id, kind: "RECOGNITION_GIVEN", email: "OFF" },
    });
    actAs(ada.id);
    const outcome = await save({
      RECOGNITION_GIVEN: "IMMEDIATE",
      REVIEW_REQUESTED: "OFF",
      BELT_AWARDED: "IMMEDIATE", // its default, as it was
    });
    expect(outcome).toEqual({
      kind: "ok",
      state: { status: "ok", message: "Saved: 2 email settings changed." },
    });
    expect(await choicesOf(ada.id)).toEqual({
      RECOGNITION_GIVEN: "IMMEDIATE",
      REVIEW_REQUESTED: "OFF",
    });
    expect(await choicesOf(bob.id)).toEqual({ RECOGNITION_GIVEN: "OFF" });
    const [entry] = await db.auditLog.findMany({ where: { entity: "User" } });
    expect(entry).toMatchObject({
      actorId: ada.id,
      action: "change notification preferences",
      entityId: String(ada.id),
      before: { RECOGNITION_GIVEN: "DIGEST", REVIEW_REQUESTED: "DIGEST" },
      after: { RECOGNITION_GIVEN: "IMMEDIATE", REVIEW_REQUESTED: "OFF" },
    });

    // Back to the default: the choice goes, and the kind follows the default again.
    expect(await save({ RECOGNITION_GIVEN: "DIGEST" })).toMatchObject({ kind: "ok" });
    expect(await choicesOf(ada.id)).toEqual({ REVIEW_REQUESTED: "OFF" });
    // The same again: nothing to change, nothing written.
    const before = await fingerprint();
    expect(await save({ RECOGNITION_GIVEN: "DIGEST", REVIEW_REQUESTED: "OFF" })).toMatchObject({
      kind: "ok",
      state: { message: "Saved: nothing needed changing." },
    });
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  it("is what the next notification follows", async () => {
    const ada = await createUser(["GUARDIAN"]);
    actAs(ada.id);
    await save({ RECOGNITION_GIVEN: "IMMEDIATE" });
    await db.$transaction((tx) =>
      notify(tx, {
        kind: "RECOGNITION_GIVEN",
        userIds: [ada.id],
        title: "Kudos",
        link: "/recognition",
        eventKey: "kudos:1",
      }),
    );
    expect(await db.notificationEmail.count({ where: { userId: ada.id, digestDay: null } })).toBe(
      1,
    );
  });

  it.each([
    [
      "the daily digest for a summary",
      { HOURS_REMINDER: "DIGEST", BELT_AWARDED: "OFF" },
      {
        HOURS_REMINDER: ["Monthly hours reminder is a summary already: choose immediately or off"],
      },
    ],
    [
      "a kind that does not exist",
      { NOT_A_KIND: "OFF", BELT_AWARDED: "OFF" },
      { form: ["There is no kind of notification called NOT_A_KIND."] },
    ],
    [
      "a choice that does not exist",
      { BELT_AWARDED: "WEEKLY" },
      { BELT_AWARDED: ["Choose immediately, daily digest or off"] },
    ],
    ["nothing at all", {}, { form: ["Choose at least one setting"] }],
  ])("refuses %s and changes nothing", async (_name, fields, fieldErrors) => {
    const ada = await createUser(["LEAD"]);
    actAs(ada.id);
    const before = await fingerprint();
    expect(await save(fields)).toEqual({
      kind: "error",
      state: { status: "error", message: "Please correct the highlighted fields.", fieldErrors },
    });
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  it("refuses a signed-out caller", async () => {
    const before = await fingerprint();
    expect(await save({ BELT_AWARDED: "OFF" })).toMatchObject({
      kind: "error",
      state: { message: "Your session has ended. Sign in again." },
    });
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });
});
