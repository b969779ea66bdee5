// Who may change a guardian membership's status: one rule for the team page, the nominations
// page, the service and anything else that steps a guardian down (lib/server/nominations).
import { can, type Actor } from "./permissions";

type MembershipTarget = { userId: number; orgId: number };

/** The guardian themselves, or whoever approves guardians in the team's organisation. */
export const mayStepDown = (actor: Actor, m: MembershipTarget) =>
  m.userId === actor.id || can(actor, "guardian.approve", { orgId: m.orgId });

/** Approving or declining a nomination: the team organisation's approvers only. */
export const mayDecideNomination = (actor: Actor, m: Pick<MembershipTarget, "orgId">) =>
  can(actor, "guardian.approve", { orgId: m.orgId });
