import "server-only";
import { db } from "@/lib/db/client";

const person = { select: { id: true, name: true } } as const;

/**
 * The people a person mentors and is mentored by, newest first. The profile calls it once it has
 * found the person in the actor's scope.
 */
export async function mentoringOf(userId: number) {
  const [mentees, mentors] = await Promise.all([
    db.mentorship.findMany({
      where: { mentorId: userId },
      orderBy: [{ startedOn: "desc" }, { id: "desc" }],
      select: { id: true, startedOn: true, endedOn: true, mentee: person },
    }),
    db.mentorship.findMany({
      where: { menteeId: userId },
      orderBy: [{ startedOn: "desc" }, { id: "desc" }],
      select: { id: true, startedOn: true, endedOn: true, mentor: person },
    }),
  ]);
  return { mentees, mentors };
}
