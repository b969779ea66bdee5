import "server-only";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { PermissionError } from "@/lib/server/errors";

function inScope(actor: SessionActor) {
  if (!can(actor, "review.read")) throw new PermissionError();
  return tenantWhere(queryScope(actor, "review.read"), "team.orgId");
}

export async function listReleases(
  actor: SessionActor,
  teamId: number | undefined,
  page: number,
  pageSize = 25,
) {
  const where = { AND: [inScope(actor), teamId ? { teamId } : {}] };
  const [total, rows] = await Promise.all([
    db.release.count({ where }),
    db.release.findMany({
      where,
      orderBy: [{ startedOn: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        key: true,
        name: true,
        startedOn: true,
        releasedOn: true,
        team: { select: { name: true, orgId: true } },
        review: { select: { id: true, key: true } },
      },
    }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** One release the actor may read (another organisation's answers as missing), for its edit form. */
export async function getRelease(actor: SessionActor, id: number) {
  return db.release.findFirst({
    where: { id, ...inScope(actor) },
    select: {
      id: true,
      key: true,
      name: true,
      startedOn: true,
      releasedOn: true,
      team: { select: { name: true, orgId: true } },
      review: { select: { id: true, key: true, service: true } },
    },
  });
}
