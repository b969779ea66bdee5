import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { addQuarters, quarterOf, quarterRange } from "@/lib/period";
import { deleteActivity, logActivity, updateActivity } from "@/lib/server/activity/service";
import { clearMetricsCache, dataVersion, unchangedSince } from "@/lib/server/metrics/cache";
import { cachedQuarterMetrics } from "@/lib/server/metrics/dashboard";
import { newActivitySchema } from "@/lib/validations/activity";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

// Which changes leave cached figures as they are: hours logged outside the quarter they read.
const now = new Date();
const current = quarterOf(now);
const previous = addQuarters(current, -1);
const day = (d: Date) => d.toISOString().slice(0, 10);
const today = day(now);
const lastQuarterDay = day(new Date(quarterRange(previous).end.getTime() - 86_400_000));
const program = { orgIds: null, teamId: null };

async function guardian() {
  const org = await createOrg();
  const team = await createTeam(org.id);
  const user = await createUser(["GUARDIAN"], { orgId: org.id, teamId: team.id });
  await db.guardianMembership.create({
    data: {
      userId: user.id,
      teamId: team.id,
      nominatedOn: new Date("2019-12-01"),
      activeOn: new Date("2020-01-01"),
    },
  });
  return (await loadActor(user.id))!;
}

const log = (actor: Awaited<ReturnType<typeof guardian>>, date: string, hours = "2") =>
  logActivity(
    actor,
    newActivitySchema.parse({ date, hours, type: "REVIEW", idempotencyKey: randomUUID() }),
  );

beforeEach(async () => {
  await resetDatabase();
  clearMetricsCache();
});

describe("the data version", () => {
  it("names today's date and the latest audit record, and moves with every change", async () => {
    expect(await dataVersion()).toMatch(new RegExp(`^${day(new Date())}\\|0@0$`));
    const g = await guardian();
    await log(g, today);
    const v = await dataVersion();
    const latest = await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(v).toBe(`${day(new Date())}|${latest.id}@${latest.at.getTime()}`);
  });
});

describe("unchangedSince", () => {
  it("keeps figures of other quarters and figures that read no hours when hours are logged", async () => {
    const g = await guardian();
    await log(g, today);
    const before = await dataVersion();
    await log(g, today);
    await log(g, today, "1");
    const after = await dataVersion();
    expect(await unchangedSince(before, after, "none")).toBe(true);
    expect(await unchangedSince(before, after, quarterRange(previous))).toBe(true);
    expect(await unchangedSince(before, after, quarterRange(current))).toBe(false);
    expect(await unchangedSince(before, after, "all")).toBe(false);
  });

  it("counts an edit in the quarter it leaves and in the one it moves to, and a deletion in its quarter", async () => {
    const g = await guardian();
    const { entry } = await log(g, today);
    const v1 = await dataVersion();
    await updateActivity(
      g,
      entry.id,
      newActivitySchema.parse({
        date: lastQuarterDay,
        hours: "2",
        type: "REVIEW",
        idempotencyKey: randomUUID(),
      }),
    );
    const v2 = await dataVersion();
    expect(await unchangedSince(v1, v2, quarterRange(current))).toBe(false); // left it
    expect(await unchangedSince(v1, v2, quarterRange(previous))).toBe(false); // moved into it
    expect(await unchangedSince(v1, v2, quarterRange(addQuarters(current, -2)))).toBe(true);
    await deleteActivity(g, entry.id);
    const v3 = await dataVersion();
    expect(await unchangedSince(v2, v3, quarterRange(previous))).toBe(false);
    expect(await unchangedSince(v2, v3, quarterRange(current))).toBe(true);
  });

  it("answers no for any other change, for a version from another day or for a re-seeded log", async () => {
    const g = await guardian();
    await log(g, today);
    const v1 = await dataVersion();
    await db.auditLog.create({
      data: { actorId: g.id, action: "update", entity: "Team", entityId: "1" },
    });
    const v2 = await dataVersion();
    expect(await unchangedSince(v1, v2, "none")).toBe(false);
    await log(g, today);
    const v3 = await dataVersion();
    expect(await unchangedSince(v2, v3, "none")).toBe(true);
    expect(await unchangedSince(v3, v2, "none")).toBe(false); // backwards
    expect(await unchangedSince(v2.replace(/^\d{4}-\d{2}-\d{2}/, "2000-01-01"), v3, "none")).toBe(
      false,
    );
    // same id, another record
    expect(await unchangedSince(v2.replace(/@\d+$/, "@1"), v3, "none")).toBe(false);
    expect(await unchangedSince("garbage", v3, "none")).toBe(false);
  });
});

describe("cached quarter figures", () => {
  it("are kept for the quarters hours were not logged in and recomputed for the one they were", async () => {
    const g = await guardian();
    await log(g, lastQuarterDay, "3");
    await log(g, today, "1");
    const past = await cachedQuarterMetrics(program, previous, { fresh: true });
    const now1 = await cachedQuarterMetrics(program, current, { fresh: true });
    await log(g, today, "4");
    // Fresh reads wait for figures of the current data: the same object for the earlier quarter…
    expect(await cachedQuarterMetrics(program, previous, { fresh: true })).toBe(past);
    // …and new figures, with the new hours, for the current one.
    const now2 = await cachedQuarterMetrics(program, current, { fresh: true });
    expect(now2).not.toBe(now1);
    expect(JSON.stringify(now2.time)).not.toBe(JSON.stringify(now1.time));
    // Any other change recomputes every quarter.
    await db.auditLog.create({
      data: { actorId: g.id, action: "update", entity: "GuardianMembership", entityId: "1" },
    });
    expect(await cachedQuarterMetrics(program, previous, { fresh: true })).not.toBe(past);
  });
});
