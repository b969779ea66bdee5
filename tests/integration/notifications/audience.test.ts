// holdersOf() finds exactly the people can() lets use a permission over an organisation.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { can, PERMISSIONS } from "@/lib/auth/permissions";
import { holdersOf } from "@/lib/server/notifications/audience";
import { createUser } from "../../factories";
import { resetDatabase } from "../../setup/db";
import { eventWorld } from "./event-world";

beforeEach(async () => {
  await resetDatabase();
});

describe("holdersOf()", () => {
  it("agrees with can() for every permission and organisation, leaders of other orgs included", async () => {
    const w = await eventWorld();
    // Lives in Retail, leads Payments / Cards: their scope covers both.
    const leader = await createUser(["MANAGER"], { orgId: w.retail.id });
    await db.org.update({ where: { id: w.cards.id }, data: { leaderId: leader.id } });
    const people = await db.user.findMany({
      where: { deactivatedAt: null },
      orderBy: { id: "asc" },
    });
    const actors = await Promise.all(people.map(async (p) => (await loadActor(p.id))!));
    let checked = 0;
    for (const permission of PERMISSIONS)
      for (const org of [w.payments, w.cards, w.retail]) {
        const expected = actors
          .filter((a) => can(a, permission, { orgId: org.id }))
          .map((a) => a.id);
        expect(
          await db.$transaction((tx) => holdersOf(tx, permission, org.id)),
          permission,
        ).toEqual(expected);
        checked += expected.length;
      }
    expect(checked).toBeGreaterThan(100);
    const nominators = (orgId: number) =>
      db.$transaction((tx) => holdersOf(tx, "guardian.nominate", orgId));
    expect(await nominators(w.cards.id)).toContain(leader.id);
    expect(await nominators(w.payments.id)).not.toContain(leader.id);
    expect(await nominators(w.payments.id)).not.toContain(w.ids.goneLead);
  });

  it("narrows to some roles", async () => {
    const w = await eventWorld();
    const engineers = await db.$transaction((tx) =>
      holdersOf(tx, "review.conduct", w.cards.id, ["SECURITY_ENGINEER"]),
    );
    expect(engineers).toEqual([w.ids.engineer, w.ids.engineer2]);
  });
});
