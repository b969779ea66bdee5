import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseIsoDay } from "@/lib/period";
import type { EndMentorshipInput, MentorshipInput } from "@/lib/validations/mentorship";
import { audit } from "@/lib/server/audit";
import { reevaluateBelts, type Award } from "@/lib/server/belts/service";
import { DomainError, FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";

/**
 * A lead records that an active guardian mentors another guardian (nominated or active), in the
 * lead's organisations. The mentor's belts are re-evaluated at once: mentoring is what the Black
 * belt asks for. The database refuses self-mentoring and an end before the start on every path.
 */
export async function recordMentorship(
  actor: SessionActor,
  input: MentorshipInput,
): Promise<{ id: number; awarded: Award[] }> {
  if (!can(actor, "mentoring.record")) throw new PermissionError();
  const [mentor, mentee] = await Promise.all([
    db.user.findUnique({
      where: { id: input.mentorId },
      select: { id: true, name: true, orgId: true, memberships: { select: { status: true } } },
    }),
    db.user.findUnique({
      where: { email: input.menteeEmail },
      select: { id: true, name: true, orgId: true, memberships: { select: { status: true } } },
    }),
  ]);
  if (!mentor || !can(actor, "mentoring.record", { orgId: mentor.orgId }))
    throw new NotFoundError("person");
  if (!mentor.memberships.some((m) => m.status === "ACTIVE"))
    throw new DomainError(`${mentor.name} is not an active guardian: only guardians mentor.`);
  if (!mentee || !can(actor, "mentoring.record", { orgId: mentee.orgId }))
    throw new FieldError("menteeEmail", "No one with this email in an organisation you can see");
  if (mentee.id === mentor.id) throw new FieldError("menteeEmail", "No one mentors themselves");
  if (!mentee.memberships.some((m) => m.status === "ACTIVE" || m.status === "NOMINATED"))
    throw new FieldError("menteeEmail", `${mentee.name} is not a guardian or a nominee`);
  let id: number;
  try {
    id = await db.$transaction(async (tx) => {
      const row = await tx.mentorship.create({
        data: {
          mentorId: mentor.id,
          menteeId: mentee.id,
          startedOn: parseIsoDay(input.startedOn)!,
          endedOn: input.endedOn ? parseIsoDay(input.endedOn) : null,
        },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "create",
        entity: "Mentorship",
        entityId: row.id,
        orgId: mentor.orgId,
        after: row,
      });
      return row.id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new FieldError(
        "menteeEmail",
        `${mentor.name}'s mentoring of ${mentee.name} is already recorded`,
      );
    throw error;
  }
  return { id, awarded: await reevaluateBelts([mentor.id], actor.id) };
}

/** A lead records the day a mentoring ended; a belt it helped earn is kept. */
export async function endMentorship(actor: SessionActor, input: EndMentorshipInput) {
  if (!can(actor, "mentoring.record")) throw new PermissionError();
  return db.$transaction(async (tx) => {
    const before = await tx.mentorship.findUnique({
      where: { id: input.mentorshipId },
      include: { mentor: { select: { orgId: true } } },
    });
    if (!before || !can(actor, "mentoring.record", { orgId: before.mentor.orgId }))
      throw new NotFoundError("mentoring");
    if (before.endedOn) throw new DomainError("This mentoring has already ended.");
    const endedOn = parseIsoDay(input.endedOn)!;
    if (endedOn < before.startedOn)
      throw new FieldError("endedOn", "The end cannot come before the start");
    const after = await tx.mentorship.update({ where: { id: before.id }, data: { endedOn } });
    await audit(tx, {
      actorId: actor.id,
      action: "end",
      entity: "Mentorship",
      entityId: before.id,
      orgId: before.mentor.orgId,
      before: { ...before, mentor: undefined },
      after,
    });
    return after;
  });
}
