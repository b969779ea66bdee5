import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { addMonthsClamped } from "@/lib/belts/validity";
import { addUtcDays, isoDay, parseIsoDay, todayUtc, type Quarter } from "@/lib/period";
import { runBeltExpiry } from "@/lib/server/belts/expiry-job";
import { beltOutlook } from "@/lib/server/belts/progress";
import { beltCounts } from "@/lib/server/belts/queries";
import { previewRule, saveRule } from "@/lib/server/belts/rules";
import { checkOwnBelts, revokeBelt } from "@/lib/server/belts/service";
import { PermissionError } from "@/lib/server/errors";
import { quarterMetrics } from "@/lib/server/metrics/quarter";
import { newsletterFacts } from "@/lib/server/newsletters/facts";
import { getGuardianStanding } from "@/lib/server/home/personal";
import type { BeltCondition } from "@/lib/validations/belt-rule";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { guard, logHours } from "./notifications/program-fixture";
import { clearQueue } from "./notifications/queue-helpers";

beforeEach(async () => {
  await resetDatabase();
  await clearQueue();
});

const day = parseIsoDay;
const Q2: Quarter = { year: 2026, q: 2 };
const Q3: Quarter = { year: 2026, q: 3 };

async function world() {
  const org = await createOrg();
  const team = await createTeam(org.id);
  const g = await createUser(["GUARDIAN"], { orgId: org.id, teamId: team.id });
  await guard(g.id, team.id, "2025-01-01");
  const load = async (id: number) => (await loadActor(id))!;
  return {
    org,
    team,
    g,
    guardian: await load(g.id),
    lead: await load((await createUser(["LEAD"])).id),
    manager: await load((await createUser(["MANAGER"], { orgId: org.id })).id),
    builder: await load((await createUser(["BUILDER"], { orgId: org.id })).id),
  };
}

const award = (userId: number, awardedOn: string, expiresOn: string | null, renewal = false) =>
  db.beltAward.create({
    data: {
      userId,
      belt: "WHITE",
      awardedOn: day(awardedOn),
      expiresOn: expiresOn ? day(expiresOn) : null,
      renewal,
      evidence: {},
    },
  });

describe("dashboards and newsletters across an expiry", () => {
  it("count an expired belt as not held from its expiry date, and a renewal as held again", async () => {
    const w = await world();
    // White from 10 Jan 2025, valid until 30 Sep 2026: the last day of Q3 is its expiry date.
    await award(w.g.id, "2025-01-10", "2026-09-30");
    const scope = { orgIds: [w.org.id], teamId: null };
    const belts = async (q: typeof Q3) =>
      (await quarterMetrics(scope, q, { fresh: true })).people.beltDistribution;
    expect(await belts(Q2)).toMatchObject({ NONE: 0, WHITE: 1 });
    expect(await belts(Q3)).toMatchObject({ NONE: 1, WHITE: 0 });
    const q3Letter = await newsletterFacts(w.org.id, Q3, { fresh: true });
    expect(q3Letter.guardians.map((g) => [g.belt, g.newBelts])).toEqual([[null, []]]);

    // Renewed on 1 Sep (in its window): held at Q3's end again, but not a belt earned in Q3.
    await award(w.g.id, "2026-09-01", "2027-09-30", true);
    expect(await belts(Q3)).toMatchObject({ NONE: 0, WHITE: 1 });
    const renewedLetter = await newsletterFacts(w.org.id, Q3, { fresh: true });
    expect(renewedLetter.guardians.map((g) => [g.belt, g.newBelts])).toEqual([["WHITE", []]]);
  });

  it("the belts page's counts and the home's belt leave out an expired award", async () => {
    const w = await world();
    const yesterday = isoDay(addUtcDays(todayUtc(), -1));
    await award(w.g.id, "2025-01-10", yesterday);
    expect(await beltCounts()).toEqual({});
    expect((await getGuardianStanding(w.g.id)).belt).toBeNull();
    await award(
      w.g.id,
      isoDay(addUtcDays(todayUtc(), -40)),
      isoDay(addUtcDays(todayUtc(), 5)),
      true,
    );
    await award(w.g.id, isoDay(todayUtc()), "2099-01-01", true);
    expect(await beltCounts()).toEqual({ WHITE: 1 });
    // The home's belt shows the period that lasts longest (the renewal's).
    expect(isoDay((await getGuardianStanding(w.g.id)).belt!.expiresOn!)).toBe("2099-01-01");
  });
});

describe("renewal and the reminder", () => {
  const renewal: BeltCondition[] = [{ type: "hours", min: 10, windowDays: 365 }];

  it("reminds once a month before, renews when the conditions are met, keeps the old period", async () => {
    const w = await world();
    await db.beltRule.create({
      data: { belt: "WHITE", conditions: [], validityMonths: 12, renewal },
    });
    const today = todayUtc();
    const expiresOn = addUtcDays(today, 20);
    const first = await award(w.g.id, "2025-06-01", isoDay(expiresOn));
    await logHours(w.g.id, isoDay(addUtcDays(today, -3)), 4);

    expect(await runBeltExpiry(new Date())).toEqual({ renewed: 0, reminded: 1 });
    expect(await runBeltExpiry(new Date())).toEqual({ renewed: 0, reminded: 0 });
    const [reminder] = await db.notification.findMany({ where: { kind: "BELT_EXPIRING" } });
    expect(reminder).toMatchObject({ userId: w.g.id, eventKey: `belt-expiring:${first.id}` });
    const [due] = (await beltOutlook(w.g.id)).renewals;
    expect(due.result.conditions.map((c) => [c.current, c.required, c.met])).toEqual([
      [4, 10, false],
    ]);

    await logHours(w.g.id, isoDay(today), 6);
    expect(await runBeltExpiry(new Date())).toEqual({ renewed: 1, reminded: 0 });
    const rows = await db.beltAward.findMany({ where: { userId: w.g.id }, orderBy: { id: "asc" } });
    expect(
      rows.map((r) => [isoDay(r.awardedOn), r.expiresOn && isoDay(r.expiresOn), r.renewal]),
    ).toEqual([
      ["2025-06-01", isoDay(expiresOn), false],
      [isoDay(today), isoDay(addMonthsClamped(expiresOn, 12)), true],
    ]);
    expect(rows[1].evidence).toMatchObject({
      renews: first.id,
      rule: [{ current: 10, required: 10 }],
    });
    expect(await db.notification.count({ where: { kind: "BELT_RENEWED", userId: w.g.id } })).toBe(
      1,
    );
    expect(await db.auditLog.count({ where: { entity: "BeltAward", action: "renew" } })).toBe(1);
    expect((await beltOutlook(w.g.id)).renewals).toEqual([]);
    // Nothing is renewed twice.
    expect(await runBeltExpiry(new Date())).toEqual({ renewed: 0, reminded: 0 });
  });

  it("a guardian checks their own renewal; other roles may not; a lapsed belt renews from the day", async () => {
    const w = await world();
    await db.beltRule.create({
      data: { belt: "WHITE", conditions: [], validityMonths: 6, renewal },
    });
    const today = todayUtc();
    await award(w.g.id, "2025-01-01", isoDay(addUtcDays(today, -10)));
    await logHours(w.g.id, isoDay(today), 10);
    await expect(checkOwnBelts(w.manager)).rejects.toBeInstanceOf(PermissionError);
    const renewed = await checkOwnBelts(w.guardian);
    expect(renewed).toEqual([{ userId: w.g.id, belt: "WHITE", renewal: true }]);
    const latest = await db.beltAward.findFirstOrThrow({ where: { renewal: true } });
    expect(isoDay(latest.expiresOn!)).toBe(isoDay(addMonthsClamped(today, 6)));
    // The builder's own check awards nothing to anyone else.
    expect(await checkOwnBelts(w.builder)).toEqual([]);
    // Revoking the renewal revokes every period still in force; the lapsed one stays as it was.
    await revokeBelt(w.lead, latest.id, "Hours logged by mistake");
    const rows = await db.beltAward.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.revokedAt !== null)).toEqual([false, true]);
  });
});

describe("rule changes", () => {
  it("preview who would expire and who would renew, then saving does what it said", async () => {
    const w = await world();
    const busy = await createUser(["GUARDIAN"], { orgId: w.org.id, teamId: w.team.id });
    await guard(busy.id, w.team.id, "2025-01-01");
    const today = todayUtc();
    await award(w.g.id, "2024-03-01", null);
    await award(busy.id, "2024-03-01", null);
    await logHours(busy.id, isoDay(today), 12);
    const rule = {
      validityMonths: 12,
      renewal: [{ type: "hours" as const, min: 10, windowDays: 365 }],
    };

    await expect(previewRule(w.manager, "WHITE", [], rule)).rejects.toBeInstanceOf(PermissionError);
    const preview = await previewRule(w.lead, "WHITE", [], rule);
    const floor = addMonthsClamped(today, 1);
    const effects = Object.fromEntries(
      preview.holders.map((h) => [
        h.userId,
        [h.kind, "expiresOn" in h ? isoDay(h.expiresOn!) : null],
      ]),
    );
    expect(effects).toEqual({
      [w.g.id]: ["expires", isoDay(floor)],
      [busy.id]: ["renews", isoDay(addMonthsClamped(floor, 12))],
    });
    await expect(saveRule(w.builder, "WHITE", [], rule)).rejects.toBeInstanceOf(PermissionError);
    expect(await db.beltRule.count()).toBe(0);

    const changed = await saveRule(w.lead, "WHITE", [], rule);
    expect(changed).toEqual([{ userId: busy.id, belt: "WHITE", renewal: true }]);
    const mine = await db.beltAward.findFirstOrThrow({ where: { userId: w.g.id } });
    expect(isoDay(mine.expiresOn!)).toBe(isoDay(floor));
    expect(await db.auditLog.count({ where: { entity: "BeltRule" } })).toBe(1);

    // Removing the validity: the current periods no longer expire.
    const back = await previewRule(w.lead, "WHITE", [], { validityMonths: null, renewal: [] });
    expect(back.holders.filter((h) => h.kind === "no-longer-expires").length).toBe(2);
    await saveRule(w.lead, "WHITE", [], { validityMonths: null, renewal: [] });
    expect(
      (await db.beltAward.findFirstOrThrow({ where: { userId: w.g.id } })).expiresOn,
    ).toBeNull();
  });
});
