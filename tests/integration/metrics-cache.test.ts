import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { addQuarters, quarterKey, quarterOf, quarterRange } from "@/lib/period";
import { deleteActivity, logActivity, updateActivity } from "@/lib/server/activity/service";
import { clearMetricsCache } from "@/lib/server/metrics/cache";
import { metricsOverQuarters } from "@/lib/server/metrics/dashboard";
import { metricsVersions } from "@/lib/server/metrics/versions";
import { newActivitySchema } from "@/lib/validations/activity";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

// The figures' versions come from the database's triggers: every write moves them, and hours
// move only their own quarter's.
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

describe("the data versions (kept by triggers in the database)", () => {
  it("name the database's epoch and today's date, and move with every change", async () => {
    const v0 = await metricsVersions();
    expect(v0.data).toMatch(new RegExp(`^[0-9a-f-]{36}\\|${today}\\|\\d+$`));
    const g = await guardian();
    const v1 = await metricsVersions();
    expect(v1.data).not.toBe(v0.data);
    await log(g, today);
    const v2 = await metricsVersions();
    // Hours move only the hours' version, and only their own quarter's.
    expect(v2.data).toBe(v1.data);
    expect(v2.activity([quarterKey(current)])).not.toBe(v1.activity([quarterKey(current)]));
    expect(v2.activity([quarterKey(previous)])).toBe(v1.activity([quarterKey(previous)]));
  });

  it("count an edit in the quarter it leaves and in the one it moves to, and a deletion in its quarter", async () => {
    const g = await guardian();
    const { entry } = await log(g, today);
    const at = async () => {
      const v = await metricsVersions();
      return [current, previous, addQuarters(current, -2)].map((q) => v.activity([quarterKey(q)]));
    };
    const v1 = await at();
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
    const v2 = await at();
    expect(v2[0]).not.toBe(v1[0]); // left it
    expect(v2[1]).not.toBe(v1[1]); // moved into it
    expect(v2[2]).toBe(v1[2]);
    await deleteActivity(g, entry.id);
    const v3 = await at();
    expect(v3[1]).not.toBe(v2[1]);
    expect(v3[0]).toBe(v2[0]);
  });

  it("a statement that writes nothing leaves them, a rolled-back write too", async () => {
    await guardian();
    const v1 = await metricsVersions();
    await db.team.updateMany({ where: { id: -1 }, data: { name: "x" } }).catch(() => {});
    await db
      .$transaction(async (tx) => {
        await tx.team.updateMany({ data: { riskBudget: 99 } });
        throw new Error("rolled back");
      })
      .catch(() => {});
    const v2 = await metricsVersions();
    // A statement-level trigger fires on an UPDATE that matched no row: the version may move,
    // which only costs a recomputation; a rolled-back one never shows.
    expect(
      v2.data === v1.data || Number(v2.data.split("|")[2]) === Number(v1.data.split("|")[2]) + 1,
    ).toBe(true);
  });
});

describe("cached quarter figures", () => {
  it("keep the hours of quarters hours were not logged in and recompute the one they were", async () => {
    const g = await guardian();
    await log(g, lastQuarterDay, "3");
    await log(g, today, "1");
    const [past1, now1] = await metricsOverQuarters(program, [previous, current], { fresh: true });
    expect(now1.time.guardianHours).toBe(1);
    await log(g, today, "4");
    const [past2, now2] = await metricsOverQuarters(program, [previous, current], { fresh: true });
    expect(now2.time.guardianHours).toBe(5);
    expect(past2.time).toEqual(past1.time);
    // A change elsewhere (a membership) recomputes the other figures at once.
    await db.guardianMembership.updateMany({ data: { leftOn: new Date(`${today}T00:00:00Z`) } });
    const [, now3] = await metricsOverQuarters(program, [previous, current], { fresh: true });
    expect(now3.people.activeAtEnd).toBe(1); // still active on the day they leave
    await db.guardianMembership.updateMany({
      data: { leftOn: new Date(`${lastQuarterDay}T00:00:00Z`) },
    });
    const [, now4] = await metricsOverQuarters(program, [previous, current], { fresh: true });
    expect(now4.people.activeAtEnd).toBe(0);
  });
});
