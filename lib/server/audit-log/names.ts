import "server-only";
import { db } from "@/lib/db/client";
import { emptyNameBook, referencedIds, type NameBook } from "@/lib/audit/names";

type Entry = { entity: string; entityId: string; before: unknown; after: unknown };

const ids = (set: Set<number>) => [...set];

/**
 * The names a page of audit entries mentions, in two rounds of batched queries (never one per
 * entry): guardian memberships first (an entry may carry only the membership's id), then people,
 * teams, organisations, reviews, threat models and courses, each in one query. An id whose record
 * is gone keeps no name: the sentence says "someone" and the diff shows the id.
 */
export async function auditNames(entries: Entry[]): Promise<NameBook> {
  const wanted = referencedIds(entries);
  const book = emptyNameBook();
  if (wanted.memberships.size) {
    const memberships = await db.guardianMembership.findMany({
      where: { id: { in: ids(wanted.memberships) } },
      select: { id: true, userId: true, teamId: true },
    });
    for (const m of memberships) {
      book.memberships.set(m.id, { userId: m.userId, teamId: m.teamId });
      wanted.users.add(m.userId);
      wanted.teams.add(m.teamId);
    }
  }
  const none = Promise.resolve([]);
  const [users, teams, orgs, reviews, threatModels, courses] = await Promise.all([
    wanted.users.size
      ? db.user.findMany({
          where: { id: { in: ids(wanted.users) } },
          select: { id: true, name: true },
        })
      : none,
    wanted.teams.size
      ? db.team.findMany({
          where: { id: { in: ids(wanted.teams) } },
          select: { id: true, name: true },
        })
      : none,
    wanted.orgs.size
      ? db.org.findMany({
          where: { id: { in: ids(wanted.orgs) } },
          select: { id: true, name: true },
        })
      : none,
    wanted.reviews.size
      ? db.review.findMany({
          where: { id: { in: ids(wanted.reviews) } },
          select: { id: true, key: true, service: true },
        })
      : none,
    wanted.threatModels.size
      ? db.threatModel.findMany({
          where: { id: { in: ids(wanted.threatModels) } },
          select: { id: true, key: true, system: true },
        })
      : none,
    wanted.courses.size
      ? db.course.findMany({
          where: { id: { in: ids(wanted.courses) } },
          select: { id: true, title: true },
        })
      : none,
  ]);
  for (const u of users) book.users.set(u.id, u.name);
  for (const t of teams) book.teams.set(t.id, t.name);
  for (const o of orgs) book.orgs.set(o.id, o.name);
  for (const r of reviews) book.reviews.set(r.id, `${r.service} (${r.key})`);
  for (const m of threatModels) book.threatModels.set(m.id, `${m.system} (${m.key})`);
  for (const c of courses) book.courses.set(c.id, c.title);
  return book;
}
