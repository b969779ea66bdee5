import "server-only";
import { queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/server/errors";

/** Where-clause limiting teams to what the actor may see. */
export function visibleTeams(actor: SessionActor) {
  return tenantWhere(queryScope(actor, "directory.read"), "orgId");
}

/** A team by id, fetched by tenant: another organisation's team answers as missing. */
export async function getTeamOrThrow(actor: SessionActor, id: number) {
  const team = await db.team.findFirst({
    where: { id, ...visibleTeams(actor) },
    select: {
      id: true,
      key: true,
      name: true,
      orgId: true,
      profile: true,
      pilot: true,
      joinedOn: true,
      riskBudget: true,
    },
  });
  if (!team) throw new NotFoundError("team");
  return team;
}
