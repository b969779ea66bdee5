import "server-only";
import { can, queryScope } from "@/lib/auth/permissions";
import { inTenant, tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { newSpotCheckSeed } from "@/lib/fast-track/sampling";
import type { FastTrackPolicyInput } from "@/lib/validations/fast-track";
import { audit } from "@/lib/server/audit";
import { FieldError, PermissionError } from "@/lib/server/errors";
import { findTeam } from "@/lib/server/teams/lookup";

// The program lead's fast-track policies (docs/fast-track.md). A team profile's policy is
// program-wide, so it needs the permission in the "all" scope; a team's needs the team's org.

/**
 * Creates or replaces the policy of a team profile or a team. The draw's seed is kept across
 * edits, so reviews already fast-tracked keep the pick they were given (each records its own).
 */
export async function saveFastTrackPolicy(actor: SessionActor, input: FastTrackPolicyInput) {
  if (!can(actor, "fasttrack.manage")) throw new PermissionError();
  const scope = queryScope(actor, "fasttrack.manage");
  let target: { teamProfile: FastTrackPolicyInput["teamProfile"] } | { teamId: number };
  let orgId: number | null = null;
  if (input.appliesTo === "team") {
    const team = await findTeam(actor, "fasttrack.manage", input.team!);
    target = { teamId: team.id };
    orgId = team.orgId;
  } else {
    if (!scope.all)
      throw new FieldError(
        "teamProfile",
        "A team profile's policy covers every organisation: set one for a team of yours instead.",
      );
    target = { teamProfile: input.teamProfile! };
  }
  if (orgId !== null && !inTenant(scope, orgId)) throw new PermissionError();
  const data = {
    minBelt: input.minBelt,
    spotCheckPercent: input.spotCheckPercent,
    checklist: input.checklist,
    enabled: input.enabled,
  };
  return db.$transaction(async (tx) => {
    const before = await tx.fastTrackPolicy.findFirst({ where: target });
    const after = before
      ? await tx.fastTrackPolicy.update({ where: { id: before.id }, data })
      : await tx.fastTrackPolicy.create({ data: { ...target, ...data, seed: newSpotCheckSeed() } });
    await audit(tx, {
      actorId: actor.id,
      action: before ? "update" : "create",
      entity: "FastTrackPolicy",
      entityId: after.id,
      orgId,
      before,
      after,
    });
    return { policy: after, created: !before };
  });
}

/** The policies the actor manages: every profile's, and the teams' of their organisations. */
export async function listFastTrackPolicies(actor: SessionActor) {
  if (!can(actor, "fasttrack.manage")) throw new PermissionError();
  const scope = queryScope(actor, "fasttrack.manage");
  return db.fastTrackPolicy.findMany({
    where: tenantWhere(scope, "team.orgId"),
    orderBy: [{ teamProfile: "asc" }, { teamId: "asc" }],
    select: {
      id: true,
      teamProfile: true,
      minBelt: true,
      spotCheckPercent: true,
      checklist: true,
      enabled: true,
      updatedAt: true,
      team: { select: { id: true, name: true, key: true } },
      _count: { select: { fastTracks: true } },
    },
  });
}
