// The SQL and Prisma forms of the "active guardian on a day" rule give the TypeScript answer on
// every edge case (tests/factories/active-guardian-cases.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { activeOnWhere, isActiveBetween, isActiveOn } from "@/lib/active-guardian";
import { activeBetweenDays, activeOnDay } from "@/lib/active-guardian/sql";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoDay, parseIsoDay } from "@/lib/period";
import { ACTIVE_BETWEEN_CASES, ACTIVE_GUARDIAN_CASES } from "../factories/active-guardian-cases";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

beforeEach(async () => {
  await resetDatabase();
});

const text = (date: Date | null) => (date ? isoDay(date) : null);

describe("active guardian rule in PostgreSQL", () => {
  it("the SQL fragment agrees with isActiveOn on every edge", async () => {
    const rows = ACTIVE_GUARDIAN_CASES.map(
      ([, m, day], i) =>
        Prisma.sql`(${i}::int, ${text(m.activeOn)}::date, ${text(m.leftOn)}::date, ${day}::date)`,
    );
    const active = await db.$queryRaw<{ i: number }[]>`
      SELECT g.i FROM (VALUES ${Prisma.join(rows)}) AS g(i, "activeOn", "leftOn", day)
      WHERE ${activeOnDay(Prisma.sql`g.day`)} ORDER BY g.i`;
    const expected = ACTIVE_GUARDIAN_CASES.flatMap(([, m, day], i) =>
      isActiveOn(m, parseIsoDay(day)) ? [i] : [],
    );
    expect(active.map((r) => r.i)).toEqual(expected);
    expect(expected).toEqual(ACTIVE_GUARDIAN_CASES.flatMap(([, , , yes], i) => (yes ? [i] : [])));
  });

  it("the SQL fragment for a range of days agrees with isActiveBetween on every edge", async () => {
    const rows = ACTIVE_BETWEEN_CASES.map(
      ([, m, first, last], i) =>
        Prisma.sql`(${i}::int, ${text(m.activeOn)}::date, ${text(m.leftOn)}::date, ${first}::date, ${last}::date)`,
    );
    const active = await db.$queryRaw<{ i: number }[]>`
      SELECT g.i FROM (VALUES ${Prisma.join(rows)}) AS g(i, "activeOn", "leftOn", first, last)
      WHERE ${activeBetweenDays(Prisma.sql`g.first`, Prisma.sql`g.last`)} ORDER BY g.i`;
    const expected = ACTIVE_BETWEEN_CASES.flatMap(([, m, first, last], i) =>
      isActiveBetween(m, parseIsoDay(first), parseIsoDay(last)) ? [i] : [],
    );
    expect(active.map((r) => r.i)).toEqual(expected);
    expect(expected).toEqual(ACTIVE_BETWEEN_CASES.flatMap(([, , , , yes], i) => (yes ? [i] : [])));
  });

  it("the Prisma filter agrees with isActiveOn on every edge", async () => {
    const team = await createTeam((await createOrg()).id);
    for (const [what, m, day, expected] of ACTIVE_GUARDIAN_CASES) {
      const user = await createUser(["GUARDIAN"]);
      const membership = await db.guardianMembership.create({
        data: {
          userId: user.id,
          teamId: team.id,
          status: m.activeOn ? (m.leftOn ? "ALUMNI" : "ACTIVE") : "NOMINATED",
          nominatedOn: m.activeOn ?? parseIsoDay("2026-01-01"),
          activeOn: m.activeOn,
          leftOn: m.leftOn,
        },
      });
      const where = { id: membership.id, ...activeOnWhere(parseIsoDay(day)) };
      expect(await db.guardianMembership.count({ where }), what).toBe(expected ? 1 : 0);
    }
  });
});
