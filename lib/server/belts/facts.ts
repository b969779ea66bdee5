import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BeltFacts } from "@/lib/belts/evaluate";
import { DEFAULT_BELT_RULES, type BeltName } from "@/lib/belts/default-rules";
import { NO_EXPIRY, type BeltValidities } from "@/lib/belts/renewal";
import { beltsHeldOn, type BeltPeriod } from "@/lib/belts/validity";
import { todayUtc } from "@/lib/period";
import type { EventKind } from "@/lib/vocabulary";
import {
  beltRuleSchema,
  beltValiditySchema,
  type BeltCondition,
} from "@/lib/validations/belt-rule";

type Client = Prisma.TransactionClient | typeof db;

/** The rules in force: stored ones, or the defaults for belts never edited. */
export async function loadRules(client: Client = db): Promise<Record<BeltName, BeltCondition[]>> {
  const rows = await client.beltRule.findMany();
  const rules = { ...DEFAULT_BELT_RULES };
  for (const row of rows) {
    const parsed = beltRuleSchema.safeParse({ conditions: row.conditions });
    if (parsed.success) rules[row.belt as BeltName] = parsed.data.conditions;
  }
  return rules;
}

/** Each belt's validity and renewal conditions: none for belts never given any. */
export async function loadValidities(client: Client = db): Promise<BeltValidities> {
  const rows = await client.beltRule.findMany({
    select: { belt: true, validityMonths: true, renewal: true },
  });
  const out = Object.fromEntries(
    Object.keys(DEFAULT_BELT_RULES).map((b) => [b, NO_EXPIRY]),
  ) as BeltValidities;
  for (const row of rows) {
    const parsed = beltValiditySchema.safeParse(row);
    if (parsed.success) out[row.belt as BeltName] = parsed.data;
  }
  return out;
}

/** People who may earn belts: those with an active guardian membership. */
export async function activeGuardianIds(client: Client = db): Promise<number[]> {
  const rows = await client.guardianMembership.findMany({
    where: { status: "ACTIVE" },
    distinct: ["userId"],
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

/**
 * What belts a person has: held on the day, lapsed (expired and not held again, to be renewed
 * rather than earned anew), revoked (never handed back automatically), and every period.
 */
type PersonBeltFacts = BeltFacts & {
  revoked: Set<BeltName>;
  lapsed: Set<BeltName>;
  periods: (BeltPeriod & { id: number })[];
};

/** Belt facts for many people in a fixed number of queries, as they stand on `today`. */
export async function loadBeltFacts(
  userIds: number[],
  client: Client = db,
  today: Date = todayUtc(),
): Promise<Map<number, PersonBeltFacts>> {
  const ids = [...new Set(userIds)];
  const map = new Map<number, PersonBeltFacts>();
  if (ids.length === 0) return map;
  const [courses, completions, reviews, tms, hours, ratings, mentees, awards, events] =
    await Promise.all([
      client.course.findMany({
        where: { active: true },
        select: { key: true, required: true, id: true },
      }),
      client.courseCompletion.findMany({
        where: { userId: { in: ids } },
        select: { userId: true, course: { select: { key: true } } },
      }),
      client.$queryRaw<{ userId: number; day: Date }[]>`SELECT p."userId",
        (r."completedAt" AT TIME ZONE 'UTC')::date AS day
      FROM "ReviewParticipant" p JOIN "Review" r ON r.id = p."reviewId"
      WHERE r."completedAt" IS NOT NULL AND p."userId" = ANY(${ids}::int[])`,
      client.$queryRaw<{ userId: number; n: bigint }[]>`SELECT a."userId", count(*) AS n
      FROM "ThreatModelAuthor" a JOIN "ThreatModel" tm ON tm.id = a."threatModelId"
      WHERE tm.status = 'APPROVED' AND a."userId" = ANY(${ids}::int[])
      GROUP BY a."userId"`,
      client.$queryRaw<
        { userId: number; date: Date; qh: bigint }[]
      >`SELECT "userId", date, sum("quarterHours") AS qh FROM "ActivityEntry"
      WHERE "deletedAt" IS NULL AND "userId" = ANY(${ids}::int[])
      GROUP BY "userId", date`,
      client.feedback.findMany({
        where: { guardianId: { in: ids } },
        select: { guardianId: true, rating: true },
      }),
      client.$queryRaw<
        { mentorId: number; n: bigint }[]
      >`SELECT "mentorId", count(*) AS n FROM "Mentorship" WHERE "mentorId" = ANY(${ids}::int[]) GROUP BY "mentorId"`,
      client.beltAward.findMany({
        where: { userId: { in: ids } },
        select: {
          id: true,
          userId: true,
          belt: true,
          awardedOn: true,
          expiresOn: true,
          revokedAt: true,
          renewal: true,
        },
      }),
      // Events attended (docs/events.md): dated by the UTC day they started.
      client.$queryRaw<{ userId: number; day: Date; kind: EventKind }[]>`SELECT r."userId",
        (e."startsAt" AT TIME ZONE 'UTC')::date AS day, e.kind::text AS kind
      FROM "EventRegistration" r JOIN "Event" e ON e.id = r."eventId"
      WHERE r.attended AND e."cancelledAt" IS NULL AND r."userId" = ANY(${ids}::int[])
      ORDER BY r."userId", e."startsAt", e.id`,
    ]);
  const required = courses.filter((c) => c.required).map((c) => c.key);
  for (const id of ids) {
    map.set(id, {
      completedCourses: new Set(),
      requiredCourses: required,
      reviews: 0,
      threatModels: 0,
      hours: [],
      ratings: [],
      mentees: 0,
      reviewDates: [],
      events: [],
      heldBelts: new Set(),
      revoked: new Set(),
      lapsed: new Set(),
      periods: [],
    });
  }
  for (const c of completions) map.get(c.userId)!.completedCourses.add(c.course.key);
  for (const r of reviews) {
    const f = map.get(r.userId)!;
    f.reviews++;
    f.reviewDates!.push(r.day);
  }
  for (const t of tms) map.get(t.userId)!.threatModels = Number(t.n);
  for (const h of hours)
    map.get(h.userId)!.hours.push({ date: h.date, quarterHours: Number(h.qh) });
  for (const f of ratings) map.get(f.guardianId)!.ratings.push(f.rating);
  for (const m of mentees) map.get(m.mentorId)!.mentees = Number(m.n);
  for (const e of events) map.get(e.userId)!.events!.push({ date: e.day, kind: e.kind });
  for (const a of awards) {
    const f = map.get(a.userId)!;
    f.periods.push(a);
    if (a.revokedAt) f.revoked.add(a.belt);
  }
  for (const f of map.values()) {
    f.heldBelts = beltsHeldOn(f.periods, today);
    for (const p of f.periods) if (!p.revokedAt && !f.heldBelts.has(p.belt)) f.lapsed.add(p.belt);
  }
  return map;
}
