import "server-only";
import { can } from "@/lib/auth/permissions";
import { mayDecideNomination, mayStepDown } from "@/lib/auth/guardian-rules";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DecisionInput, NominationInput, StepDownInput } from "@/lib/validations/nomination";
import { audit } from "@/lib/server/audit";
import { reevaluateBelts } from "@/lib/server/belts/service";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { noticeDecided, noticeNominated } from "./notices";
import { teamOrganisation } from "./queries";
import { todayUtc } from "@/lib/period";

/** A manager or team member nominates a person of the team's organisation as its guardian. */
export async function nominateGuardian(actor: SessionActor, input: NominationInput) {
  if (!can(actor, "guardian.nominate")) throw new PermissionError();
  const team = await db.team.findUnique({
    where: { id: input.teamId },
    select: { id: true, orgId: true, name: true },
  });
  if (!team || !can(actor, "guardian.nominate", { orgId: team.orgId }))
    throw new NotFoundError("team");
  const person = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, orgId: true, name: true, deactivatedAt: true },
  });
  if (!person || person.deactivatedAt || !can(actor, "directory.read", { orgId: person.orgId })) {
    throw new DomainError("No one with that email works in an organisation you can see.");
  }
  const organisation = await teamOrganisation(team.orgId);
  if (person.orgId === null || !organisation.orgIds.includes(person.orgId)) {
    throw new DomainError(
      `${person.name} does not work in ${organisation.name}: a team's guardian comes from the team's organisation (any of its sub-orgs).`,
    );
  }
  try {
    return await db.$transaction(async (tx) => {
      const membership = await tx.guardianMembership.create({
        data: {
          userId: person.id,
          teamId: team.id,
          status: "NOMINATED",
          reason: input.reason,
          nominatedById: actor.id,
          nominatedOn: todayUtc(),
        },
      });
      await tx.guardianStatusChange.create({
        data: {
          membershipId: membership.id,
          fromStatus: null,
          toStatus: "NOMINATED",
          changedById: actor.id,
          note: input.reason,
        },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "nominate",
        entity: "GuardianMembership",
        entityId: membership.id,
        orgId: team.orgId,
        after: membership,
      });
      await noticeNominated(tx, actor, { id: membership.id, reason: input.reason }, person, team);
      return membership;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError(
        `${person.name} is already nominated for or a guardian of ${team.name}.`,
      );
    }
    throw error;
  }
}

async function membershipInScope(
  actor: SessionActor,
  id: number,
  permission: "guardian.approve" | "guardian.nominate",
) {
  const m = await db.guardianMembership.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      status: true,
      user: { select: { name: true } },
      team: { select: { orgId: true, name: true } },
    },
  });
  if (!m || !(can(actor, permission, { orgId: m.team.orgId }) || m.userId === actor.id))
    throw new NotFoundError("nomination");
  return m;
}

/** The lead approves (the person becomes an active guardian) or declines a nomination. */
export async function decideNomination(actor: SessionActor, input: DecisionInput) {
  if (!can(actor, "guardian.approve")) throw new PermissionError();
  const m = await membershipInScope(actor, input.membershipId, "guardian.approve");
  if (!mayDecideNomination(actor, { orgId: m.team.orgId })) throw new NotFoundError("nomination");
  const after = await db.$transaction(async (tx) => {
    // Re-read under a row lock so two leads deciding at once do not both apply.
    const rows = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text FROM "GuardianMembership" WHERE id = ${m.id} FOR UPDATE`;
    if (rows[0]?.status !== "NOMINATED")
      throw new DomainError("This nomination has already been decided.");
    const approve = input.decision === "approve";
    const after = await tx.guardianMembership.update({
      where: { id: m.id },
      data: approve
        ? { status: "ACTIVE", activeOn: todayUtc(), approvedById: actor.id }
        : { status: "DECLINED", declinedOn: todayUtc(), approvedById: actor.id },
    });
    if (approve) {
      const user = await tx.user.findUniqueOrThrow({
        where: { id: m.userId },
        select: { roles: true },
      });
      if (!user.roles.includes("GUARDIAN"))
        await tx.user.update({ where: { id: m.userId }, data: { roles: { push: "GUARDIAN" } } });
    }
    await tx.guardianStatusChange.create({
      data: {
        membershipId: m.id,
        fromStatus: "NOMINATED",
        toStatus: after.status,
        changedById: actor.id,
        note: input.note,
      },
    });
    await audit(tx, {
      actorId: actor.id,
      action: input.decision,
      entity: "GuardianMembership",
      entityId: m.id,
      orgId: m.team.orgId,
      before: { status: "NOMINATED" },
      after,
    });
    await noticeDecided(tx, actor, m.id, approve, input.note);
    return after;
  });
  // A new guardian may qualify at once (White has no conditions by default): evaluated after the
  // commit, like a completion or a review; idempotent, so a belt is awarded once.
  const awarded = after.status === "ACTIVE" ? await reevaluateBelts([m.userId], actor.id) : [];
  return { ...after, awarded, person: m.user.name, team: m.team.name };
}

/**
 * A guardian steps down (or an approver of the team's organisation records it): active → alumni,
 * with a history row and an audit entry. The one rule (lib/auth/guardian-rules.ts) decides who may;
 * anyone else, or another organisation's membership, is answered as not found.
 */
export async function stepDown(actor: SessionActor, input: StepDownInput) {
  const m = await db.guardianMembership.findUnique({
    where: { id: input.membershipId },
    select: { id: true, userId: true, team: { select: { orgId: true } } },
  });
  if (!m || !mayStepDown(actor, { userId: m.userId, orgId: m.team.orgId }))
    throw new NotFoundError("membership");
  return db.$transaction(async (tx) => {
    // Re-read under a row lock: two clicks, or a lead and the guardian at once, step down once.
    const rows = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text FROM "GuardianMembership" WHERE id = ${m.id} FOR UPDATE`;
    if (rows[0]?.status !== "ACTIVE")
      throw new DomainError("Only an active guardian can step down.");
    const after = await tx.guardianMembership.update({
      where: { id: m.id },
      data: { status: "ALUMNI", leftOn: todayUtc() },
    });
    await tx.guardianStatusChange.create({
      data: {
        membershipId: m.id,
        fromStatus: "ACTIVE",
        toStatus: "ALUMNI",
        changedById: actor.id,
        note: input.note,
      },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "step-down",
      entity: "GuardianMembership",
      entityId: m.id,
      orgId: m.team.orgId,
      before: { status: "ACTIVE", leftOn: null },
      after,
    });
    return after;
  });
}
