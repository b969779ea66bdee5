import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { BELT, type Belt } from "@/lib/vocabulary";
import type { CourseInput, CourseStatusInput } from "@/lib/validations/training";
import { audit } from "@/lib/server/audit";
import { activeGuardianIds, loadRules } from "@/lib/server/belts/facts";
import { reevaluateBelts } from "@/lib/server/belts/service";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { toQuarterHours } from "@/lib/hours";

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

// Belts count the active required courses only (lib/server/belts/facts.ts, as do the training
// figures): when a course stops counting as required, someone may now have them all.
async function afterRequiredCoursesShrank(actorId: number) {
  return reevaluateBelts(await activeGuardianIds(), actorId);
}

export async function saveCourse(actor: SessionActor, id: number | null, input: CourseInput) {
  if (!can(actor, "training.manage")) throw new PermissionError();
  const data = {
    title: input.title,
    required: input.required,
    quarterHours: toQuarterHours(input.hours),
    description: input.description,
    link: input.link,
  };
  try {
    const { course, shrank } = await db.$transaction(async (tx) => {
      if (id === null) {
        const course = await tx.course.create({
          data: { ...data, key: slug(input.title) || `course-${Date.now()}` },
        });
        await audit(tx, {
          actorId: actor.id,
          action: "create",
          entity: "Course",
          entityId: course.id,
          after: course,
        });
        return { course, shrank: false };
      }
      const before = await tx.course.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("course");
      const course = await tx.course.update({ where: { id }, data });
      await audit(tx, {
        actorId: actor.id,
        action: "update",
        entity: "Course",
        entityId: id,
        before,
        after: course,
      });
      return { course, shrank: before.active && before.required && !course.required };
    });
    if (shrank) await afterRequiredCoursesShrank(actor.id);
    return course;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new DomainError("A course with that title already exists.");
    throw error;
  }
}

/**
 * Retires a course (hidden from the completion form, no longer required; completions stay in
 * people's history) or brings it back. A course a belt rule names cannot be retired: the rule
 * would ask for a course no one can complete any more.
 */
export async function changeCourseStatus(actor: SessionActor, input: CourseStatusInput) {
  if (!can(actor, "training.manage")) throw new PermissionError();
  const retire = input.change === "retire";
  const course = await db.course.findUnique({
    where: { id: input.id },
    select: { id: true, key: true, title: true },
  });
  if (!course) throw new NotFoundError("course");
  if (retire) {
    const rules = await loadRules();
    const naming = Object.entries(rules)
      .filter(([, conditions]) =>
        conditions.some((c) => c.type === "course" && c.courseKey === course.key),
      )
      .map(([belt]) => BELT.label(belt as Belt));
    if (naming.length)
      throw new DomainError(
        `The ${naming.join(" and ")} belt rule asks for ${course.title}: change the rule before retiring the course.`,
      );
  }
  const after = await db.$transaction(async (tx) => {
    // Conditional update: a double submit or a concurrent change applies once.
    const before = await tx.course.findUniqueOrThrow({ where: { id: course.id } });
    const changed = await tx.course.updateMany({
      where: { id: course.id, active: retire },
      data: { active: !retire },
    });
    if (changed.count === 0)
      throw new DomainError(
        retire
          ? `${course.title} is already retired.`
          : `${course.title} is already in the catalogue.`,
      );
    const after = await tx.course.findUniqueOrThrow({ where: { id: course.id } });
    await audit(tx, {
      actorId: actor.id,
      action: input.change,
      entity: "Course",
      entityId: course.id,
      before,
      after,
    });
    return after;
  });
  if (retire && after.required) await afterRequiredCoursesShrank(actor.id);
  return after;
}
