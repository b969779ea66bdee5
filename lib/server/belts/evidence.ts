import "server-only";
import { db } from "@/lib/db/client";
import { EVIDENCE_RECORDS, type EvidenceSources } from "@/lib/belts/evidence";
import { isoDay } from "@/lib/period";

/**
 * The records behind people's belt facts (lib/server/belts/facts.ts counts the same rows): their
 * completed reviews, approved threat models, completed courses and mentees, newest first, and how
 * many ratings they have. Read only for the few people a run awards a belt to.
 */
export async function loadEvidenceSources(
  userIds: number[],
): Promise<Map<number, EvidenceSources>> {
  const ids = [...new Set(userIds)];
  const out = new Map<number, EvidenceSources>();
  if (ids.length === 0) return out;
  for (const id of ids)
    out.set(id, {
      reviews: [],
      threatModels: [],
      courses: [],
      mentees: [],
      events: [],
      ratings: 0,
    });
  // A fixed number of queries; each person's records are capped in SQL by a window.
  const [reviews, models, completions, mentees, ratings, events] = await Promise.all([
    db.$queryRaw<{ userId: number; id: number; key: string; name: string }[]>`
      SELECT x."userId", x.id, x.key, x.name FROM (
        SELECT p."userId", r.id, r.key, r.service AS name,
          row_number() OVER (PARTITION BY p."userId" ORDER BY r."completedAt" DESC, r.id DESC) AS n
        FROM "ReviewParticipant" p JOIN "Review" r ON r.id = p."reviewId"
        WHERE r."completedAt" IS NOT NULL AND p."userId" = ANY(${ids}::int[])) x
      WHERE x.n <= ${EVIDENCE_RECORDS} ORDER BY x."userId", x.n`,
    db.$queryRaw<{ userId: number; id: number; key: string; name: string }[]>`
      SELECT x."userId", x.id, x.key, x.name FROM (
        SELECT a."userId", tm.id, tm.key, tm.system AS name,
          row_number() OVER (PARTITION BY a."userId" ORDER BY tm."approvedOn" DESC NULLS LAST, tm.id DESC) AS n
        FROM "ThreatModelAuthor" a JOIN "ThreatModel" tm ON tm.id = a."threatModelId"
        WHERE tm.status = 'APPROVED' AND a."userId" = ANY(${ids}::int[])) x
      WHERE x.n <= ${EVIDENCE_RECORDS} ORDER BY x."userId", x.n`,
    db.courseCompletion.findMany({
      where: { userId: { in: ids }, course: { active: true } },
      orderBy: { completedOn: "desc" },
      select: { userId: true, course: { select: { key: true, title: true } } },
    }),
    db.mentorship.findMany({
      where: { mentorId: { in: ids } },
      orderBy: { startedOn: "desc" },
      select: { mentorId: true, mentee: { select: { id: true, name: true } } },
    }),
    db.feedback.groupBy({ by: ["guardianId"], where: { guardianId: { in: ids } }, _count: true }),
    db.$queryRaw<{ userId: number; id: number; name: string; kind: string; on: Date }[]>`
      SELECT x."userId", x.id, x.name, x.kind, x.on FROM (
        SELECT r."userId", e.id, e.title AS name, e.kind::text AS kind,
          (e."startsAt" AT TIME ZONE 'UTC')::date AS on,
          row_number() OVER (PARTITION BY r."userId" ORDER BY e."startsAt" DESC, e.id DESC) AS n
        FROM "EventRegistration" r JOIN "Event" e ON e.id = r."eventId"
        WHERE r.attended AND e."cancelledAt" IS NULL AND r."userId" = ANY(${ids}::int[])) x
      WHERE x.n <= ${EVIDENCE_RECORDS} ORDER BY x."userId", x.n`,
  ]);
  for (const r of reviews)
    out.get(r.userId)!.reviews.push({ kind: "review", id: r.id, key: r.key, name: r.name });
  for (const t of models)
    out
      .get(t.userId)!
      .threatModels.push({ kind: "threat-model", id: t.id, key: t.key, name: t.name });
  for (const c of completions)
    out.get(c.userId)!.courses.push({ kind: "course", key: c.course.key, name: c.course.title });
  for (const m of mentees)
    out.get(m.mentorId)!.mentees.push({ kind: "person", id: m.mentee.id, name: m.mentee.name });
  for (const f of ratings) out.get(f.guardianId)!.ratings = f._count;
  for (const e of events)
    out.get(e.userId)!.events!.push({
      kind: "event",
      id: e.id,
      name: e.name,
      eventKind: e.kind,
      on: isoDay(e.on),
    });
  return out;
}
