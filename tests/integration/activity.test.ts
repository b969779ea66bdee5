import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { deleteActivity, logActivity, updateActivity } from "@/lib/server/activity/service";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { activitySchema, newActivitySchema } from "@/lib/validations/activity";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

const today = new Date().toISOString().slice(0, 10);
const input = (over: Record<string, unknown> = {}) =>
  newActivitySchema.parse({
    date: today,
    hours: "1.5",
    type: "REVIEW",
    idempotencyKey: randomUUID(),
    ...over,
  });

async function world() {
  const orgA = await createOrg();
  const orgB = await createOrg();
  const teamA = await createTeam(orgA.id);
  const teamB = await createTeam(orgB.id);
  const guardian = (await loadActor(
    (await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: teamA.id })).id,
  ))!;
  const other = (await loadActor(
    (await createUser(["GUARDIAN"], { orgId: orgB.id, teamId: teamB.id })).id,
  ))!;
  const reviewA = await db.review.create({
    data: { key: "REV-A", teamId: teamA.id, service: "Cards API", requestedAt: new Date() },
  });
  const reviewB = await db.review.create({
    data: { key: "REV-B", teamId: teamB.id, service: "Shop", requestedAt: new Date() },
  });
  return { guardian, other, reviewA, reviewB };
}

beforeEach(async () => {
  await resetDatabase();
});

describe("logging hours", () => {
  it("creates an entry with its first version and an audit record", async () => {
    const { guardian, reviewA } = await world();
    const { entry, created } = await logActivity(
      guardian,
      input({ link: `review:${reviewA.id}`, note: "checked authz" }),
    );
    expect(created).toBe(true);
    expect(entry).toMatchObject({
      quarterHours: 6,
      type: "REVIEW",
      reviewId: reviewA.id,
      note: "checked authz",
      version: 1,
    });
    expect(await db.activityEntryVersion.count({ where: { entryId: entry.id } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { entity: "ActivityEntry", entityId: String(entry.id) } }),
    ).toBe(1);
  });

  it("creates one entry for a double submit, even concurrent", async () => {
    const { guardian } = await world();
    const same = input();
    const results = await Promise.all([
      logActivity(guardian, same),
      logActivity(guardian, same),
      logActivity(guardian, same),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => String(r.entry.id))).size).toBe(1);
    expect(await db.activityEntry.count()).toBe(1);
  });

  it("refuses more than 24 hours in a day and changes nothing", async () => {
    const { guardian } = await world();
    await logActivity(guardian, input({ hours: "20" }));
    await expect(logActivity(guardian, input({ hours: "4.25" }))).rejects.toThrow(
      "at most 24 h a day can be logged (4 h left for that day)",
    );
    await logActivity(guardian, input({ hours: "4" }));
    expect(
      (await db.activityEntry.aggregate({ _sum: { quarterHours: true } }))._sum.quarterHours,
    ).toBe(96);
  });

  it("refuses concurrent entries that together pass 24 hours", async () => {
    const { guardian } = await world();
    const results = await Promise.allSettled([
      logActivity(guardian, input({ hours: "13" })),
      logActivity(guardian, input({ hours: "13" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.activityEntry.count()).toBe(1);
  });

  it("refuses a future date", async () => {
    const { guardian } = await world();
    const future = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
    // The form and the API refuse it (dates end tomorrow everywhere); the service, on its own
    // rule (today somewhere on Earth), too.
    expect(() => input({ date: future })).toThrow("Enter a date no later than tomorrow");
    await expect(logActivity(guardian, { ...input(), date: future })).rejects.toThrow(
      "You cannot log hours for a future date.",
    );
    expect(await db.activityEntry.count()).toBe(0);
  });

  it("refuses a link to another organisation's review as if it did not exist", async () => {
    const { guardian, reviewB } = await world();
    await expect(logActivity(guardian, input({ link: `review:${reviewB.id}` }))).rejects.toThrow(
      "That review does not exist or is not visible to you.",
    );
    expect(await db.activityEntry.count()).toBe(0);
  });

  it("refuses a person without the permission", async () => {
    const manager = (await loadActor((await createUser(["MANAGER"])).id))!;
    await expect(logActivity(manager, input())).rejects.toBeInstanceOf(PermissionError);
  });

  it("rejects malformed hours in the schema with clear messages", () => {
    const issues = (hours: unknown) =>
      activitySchema.safeParse({ date: today, hours, type: "REVIEW" }).error?.issues[0]?.message;
    expect(issues("0")).toBe("Hours must be more than 0");
    expect(issues("-1")).toBe("Hours must be more than 0");
    expect(issues("1.1")).toBe("Use quarter-hour steps: 0.25, 0.5, 0.75…");
    expect(issues("25")).toBe("A day has at most 24 hours");
    expect(issues("NaN")).toBe("Enter the hours as a number, e.g. 1.5");
  });
});

describe("editing and deleting", () => {
  it("an edit bumps the version and keeps the old one", async () => {
    const { guardian } = await world();
    const { entry } = await logActivity(guardian, input());
    await updateActivity(
      guardian,
      entry.id,
      activitySchema.parse({ date: today, hours: "2", type: "DEEP_DIVE" }),
    );
    const versions = await db.activityEntryVersion.findMany({
      where: { entryId: entry.id },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => [v.version, v.quarterHours, v.type])).toEqual([
      [1, 6, "REVIEW"],
      [2, 8, "DEEP_DIVE"],
    ]);
    // Saving without a change adds no version.
    await updateActivity(
      guardian,
      entry.id,
      activitySchema.parse({ date: today, hours: "2", type: "DEEP_DIVE" }),
    );
    expect(await db.activityEntryVersion.count({ where: { entryId: entry.id } })).toBe(2);
  });

  it("an edit may not push the day past 24 hours, counting the entry once", async () => {
    const { guardian } = await world();
    const { entry } = await logActivity(guardian, input({ hours: "12" }));
    await logActivity(guardian, input({ hours: "10" }));
    await updateActivity(
      guardian,
      entry.id,
      activitySchema.parse({ date: today, hours: "14", type: "REVIEW" }),
    );
    await expect(
      updateActivity(
        guardian,
        entry.id,
        activitySchema.parse({ date: today, hours: "14.25", type: "REVIEW" }),
      ),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it("another person's entry answers as missing, for edit and delete", async () => {
    const { guardian, other } = await world();
    const { entry } = await logActivity(guardian, input());
    await expect(
      updateActivity(
        other,
        entry.id,
        activitySchema.parse({ date: today, hours: "1", type: "OTHER" }),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteActivity(other, entry.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.activityEntry.findUnique({ where: { id: entry.id } })).toMatchObject({
      quarterHours: 6,
      deletedAt: null,
    });
  });

  it("a delete hides the entry but keeps its history", async () => {
    const { guardian } = await world();
    const { entry } = await logActivity(guardian, input());
    await deleteActivity(guardian, entry.id);
    const row = await db.activityEntry.findUnique({ where: { id: entry.id } });
    expect(row?.deletedAt).not.toBeNull();
    const last = await db.activityEntryVersion.findFirst({
      where: { entryId: entry.id },
      orderBy: { version: "desc" },
    });
    expect(last).toMatchObject({ version: 2, deleted: true });
    await expect(deleteActivity(guardian, entry.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
