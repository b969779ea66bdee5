import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inSurveyScope, orgAndAncestors } from "@/lib/surveys/scope";
import { orgTree } from "@/lib/server/org-tree";

// Who sees an event: its audience (an organisation with its sub-orgs, or everyone: the same
// rule as a survey's, lib/surveys/scope.ts), and the leads who run events.

/** Whether the actor is in the event's audience (may register). */
export async function inAudience(actor: SessionActor, eventOrgId: number | null) {
  return inSurveyScope(await orgTree(), eventOrgId, actor.orgId);
}

/** The events the actor may see: leads see those they manage, others their audience's. */
export async function visibleEventsWhere(actor: SessionActor): Promise<Prisma.EventWhereInput> {
  if (can(actor, "event.manage")) return tenantWhere(queryScope(actor, "event.manage"), "orgId");
  return {
    OR: [{ orgId: null }, { orgId: { in: orgAndAncestors(await orgTree(), actor.orgId) } }],
  };
}
