import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CompletionInput, CourseInput } from "@/lib/validations/training";
import { audit } from "@/lib/server/audit";
import { reevaluateBelts } from "@/lib/server/belts/service";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);

export async function saveCourse(actor: SessionActor, id: number | null, input: CourseInput) {
  if (!can(actor, "training.manage")) throw new PermissionError();
  const data = { title: input.title, required: input.required, quarterHours: Math.round(input.hours * 4), description: input.description, link: input.link };
  try {
    return await db.$transaction(async (tx) => {
      if (id === null) {
        const course = await tx.course.create({ data: { ...data, key: slug(input.title) || `course-${Date.now()}` } });
        await audit(tx, { actorId: actor.id, action: "create", entity: "Course", entityId: course.id, after: course });
        return course;
      }
      const before = await tx.course.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("course");
      const course = await tx.course.update({ where: { id }, data });
      await audit(tx, { actorId: actor.id, action: "update", entity: "Course", entityId: id, before, after: course });
      return course;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError("A course with that title already exists.");
    throw error;
  }
}

/**
 * Records a completion (one's own, or anyone's for a lead) and re-evaluates that person's
 * belts at once. Recording the same course twice keeps the first date.
 */
export async function recordCompletion(actor: SessionActor, input: CompletionInput) {
  if (!can(actor, "training.complete")) throw new PermissionError();
  let userId = actor.id;
  if (input.email && input.email !== actor.email) {
    const person = await db.user.findUnique({ where: { email: input.email }, select: { id: true, orgId: true } });
    if (!person || !can(actor, "training.complete", { orgId: person.orgId, userId: person.id })) throw new DomainError("No one with that email is visible to you.");
    userId = person.id;
  } else if (!can(actor, "training.complete", { userId: actor.id, orgId: null })) {
    throw new PermissionError();
  }
  if (input.completedOn > new Date().toISOString().slice(0, 10)) throw new DomainError("The completion date cannot be in the future.");
  const course = await db.course.findFirst({ where: { id: input.courseId, active: true }, select: { id: true } });
  if (!course) throw new NotFoundError("course");
  const completion = await db.$transaction(async (tx) => {
    const existing = await tx.courseCompletion.findUnique({ where: { userId_courseId: { userId, courseId: course.id } } });
    if (existing) return existing;
    const created = await tx.courseCompletion.create({ data: { userId, courseId: course.id, completedOn: new Date(`${input.completedOn}T00:00:00Z`), evidenceUrl: input.evidenceUrl, recordedById: actor.id } });
    await audit(tx, { actorId: actor.id, action: "complete", entity: "CourseCompletion", entityId: created.id, after: created });
    return created;
  }).catch(async (error) => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return db.courseCompletion.findUniqueOrThrow({ where: { userId_courseId: { userId, courseId: course.id } } });
    throw error;
  });
  const awarded = await reevaluateBelts([userId], actor.id);
  return { completion, awarded };
}
