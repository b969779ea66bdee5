import "server-only";
import { can, queryScope } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { ReleaseInput } from "@/lib/validations/release";
import { audit } from "@/lib/server/audit";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";

/** Records a feature release; a linked review must be the same team's. */
export async function createRelease(actor: SessionActor, input: ReleaseInput) {
  if (!can(actor, "review.request")) throw new PermissionError();
  const team = await db.team.findUnique({ where: { id: input.teamId }, select: { id: true, orgId: true } });
  if (!team || !can(actor, "review.request", { orgId: team.orgId })) throw new NotFoundError("team");
  const today = new Date().toISOString().slice(0, 10);
  if (input.startedOn > today || (input.releasedOn && input.releasedOn > today)) throw new DomainError("Dates cannot be in the future.");
  let reviewId: number | null = null;
  if (input.reviewKey) {
    const review = await db.review.findFirst({ where: { key: input.reviewKey, teamId: team.id }, select: { id: true } });
    if (!review) throw new DomainError("This team has no review with that key (e.g. REV-000123).");
    reviewId = review.id;
  }
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: bigint }[]>`SELECT nextval(pg_get_serial_sequence('"Release"', 'id')) AS id`;
    const id = Number(rows[0].id);
    const release = await tx.release.create({
      data: { id, key: `REL-${String(id).padStart(6, "0")}`, teamId: team.id, name: input.name, startedOn: new Date(`${input.startedOn}T00:00:00Z`), releasedOn: input.releasedOn ? new Date(`${input.releasedOn}T00:00:00Z`) : null, reviewId },
    });
    await audit(tx, { actorId: actor.id, action: "create", entity: "Release", entityId: id, orgId: team.orgId, after: release });
    return release;
  });
}

export async function listReleases(actor: SessionActor, teamId: number | undefined, page: number, pageSize = 25) {
  const scope = queryScope(actor, "review.read");
  const where = { AND: [scope.all ? {} : { team: { orgId: { in: scope.orgIds } } }, teamId ? { teamId } : {}] };
  const [total, rows] = await Promise.all([
    db.release.count({ where }),
    db.release.findMany({ where, orderBy: [{ startedOn: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize,
      select: { id: true, key: true, name: true, startedOn: true, releasedOn: true, team: { select: { name: true } }, review: { select: { id: true, key: true } } } }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
