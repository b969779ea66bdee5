import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CompletionInput } from "@/lib/validations/training";
import { audit } from "@/lib/server/audit";
import { reevaluateBelts } from "@/lib/server/belts/service";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { isoDay, parseIsoDay } from "@/lib/period";

export { changeCourseStatus, saveCourse } from "./courses";

/**
 * Records a completion (one's own, or anyone's for a lead) and re-evaluates that person's
 * belts at once. Recording the same course twice keeps the first date.
 */
export async function recordCompletion(actor: SessionActor, input: CompletionInput) {
  if (!can(actor, "training.complete")) throw new PermissionError();
  let userId = actor.id;
  if (input.email && input.email !== actor.email) {
    const person = await db.user.findUnique({
      where: { email: input.email },
      select: { id: true, orgId: true },
    });
    if (!person || !can(actor, "training.complete", { orgId: person.orgId, userId: person.id }))
      throw new DomainError("No one with that email is visible to you.");
    userId = person.id;
  } else if (!can(actor, "training.complete", { userId: actor.id, orgId: null })) {
    throw new PermissionError();
  }
  if (input.completedOn > isoDay(new Date()))
    throw new DomainError("The completion date cannot be in the future.");
  const course = await db.course.findFirst({
    where: { id: input.courseId, active: true },
    select: { id: true },
  });
  if (!course) throw new NotFoundError("course");
  const completion = await db
    .$transaction(async (tx) => {
      const existing = await tx.courseCompletion.findUnique({
        where: { userId_courseId: { userId, courseId: course.id } },
      });
      if (existing) return existing;
      const created = await tx.courseCompletion.create({
        data: {
          userId,
          courseId: course.id,
          completedOn: parseIsoDay(input.completedOn),
          evidenceUrl: input.evidenceUrl,
          recordedById: actor.id,
        },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "complete",
        entity: "CourseCompletion",
        entityId: created.id,
        after: created,
      });
      return created;
    })
    .catch(async (error) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        return db.courseCompletion.findUniqueOrThrow({
          where: { userId_courseId: { userId, courseId: course.id } },
        });
      throw error;
    });
  const awarded = await reevaluateBelts([userId], actor.id);
  return { completion, awarded };
}
