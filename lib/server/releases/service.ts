import "server-only";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReleaseInput, ReleaseUpdateInput } from "@/lib/validations/release";
import { audit } from "@/lib/server/audit";
import { FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { findTeam } from "@/lib/server/teams/lookup";
import { isoDay, parseIsoDay } from "@/lib/period";

type Tx = Prisma.TransactionClient;

function checkDates(input: { startedOn: string; releasedOn?: string }) {
  if (input.startedOn > isoDay(new Date()))
    throw new FieldError("startedOn", "The start date cannot be in the future.");
  if (input.releasedOn && input.releasedOn > isoDay(new Date()))
    throw new FieldError("releasedOn", "The release date cannot be in the future.");
}

/** The linked review's id: a review of the same team, by its key (e.g. REV-000123); none when no key. */
async function linkedReview(tx: Tx | typeof db, teamId: number, reviewKey: string | undefined) {
  if (!reviewKey) return null;
  const review = await tx.review.findFirst({
    where: { key: reviewKey, teamId },
    select: { id: true },
  });
  if (!review)
    throw new FieldError("reviewKey", "This team has no review with that key (e.g. REV-000123).");
  return review.id;
}

/** Records a feature release; a linked review must be the same team's. */
export async function createRelease(actor: SessionActor, input: ReleaseInput) {
  if (!can(actor, "review.request")) throw new PermissionError();
  const team = await findTeam(actor, "review.request", input.team);
  checkDates(input);
  const reviewId = await linkedReview(db, team.id, input.reviewKey);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { id: bigint }[]
    >`SELECT nextval(pg_get_serial_sequence('"Release"', 'id')) AS id`;
    const id = Number(rows[0].id);
    const release = await tx.release.create({
      data: {
        id,
        key: `REL-${String(id).padStart(6, "0")}`,
        teamId: team.id,
        name: input.name,
        startedOn: parseIsoDay(input.startedOn),
        releasedOn: input.releasedOn ? parseIsoDay(input.releasedOn) : null,
        reviewId,
      },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "create",
      entity: "Release",
      entityId: id,
      orgId: team.orgId,
      after: release,
    });
    return release;
  });
}

/**
 * Fixes a release of a team the actor may request reviews for: name, dates (marking it released),
 * linked review of the same team.
 */
export async function updateRelease(actor: SessionActor, input: ReleaseUpdateInput) {
  if (!can(actor, "review.request")) throw new PermissionError();
  const scope = queryScope(actor, "review.request");
  return db.$transaction(async (tx) => {
    const before = await tx.release.findFirst({
      where: { id: input.id, ...tenantWhere(scope, "team.orgId") },
      include: { team: { select: { orgId: true } } },
    });
    if (!before) throw new NotFoundError("release");
    checkDates(input);
    const reviewId = await linkedReview(tx, before.teamId, input.reviewKey);
    const after = await tx.release.update({
      where: { id: before.id },
      data: {
        name: input.name,
        startedOn: parseIsoDay(input.startedOn),
        releasedOn: input.releasedOn ? parseIsoDay(input.releasedOn) : null,
        reviewId,
      },
    });
    const { team, ...row } = before;
    await audit(tx, {
      actorId: actor.id,
      action: "update",
      entity: "Release",
      entityId: before.id,
      orgId: team.orgId,
      before: row,
      after,
    });
    return after;
  });
}
