import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { can, type Actor, type Permission } from "@/lib/auth/permissions";
import { KIND_ORDER } from "./kinds";

// Which kinds a person is likely to receive, by what they may do: the preferences page lists
// these first. Anyone may be recognised or read the newsletter, so those need no permission.
const RECEIVED_WITH: Record<NotificationKind, Permission | null> = {
  NOMINATION_SUBMITTED: "guardian.approve",
  NOMINATION_DECIDED: "guardian.nominate",
  REVIEW_REQUESTED: "review.conduct",
  REVIEW_ASSIGNED: "review.conduct",
  REVIEW_COMPLETED: "review.request",
  GUARDIAN_RATED: "activity.log",
  THREAT_MODEL_SUBMITTED: "threatmodel.approve",
  THREAT_MODEL_SENT_BACK: "threatmodel.write",
  THREAT_MODEL_APPROVED: "threatmodel.write",
  BELT_AWARDED: "training.complete",
  BELT_REVOKED: "training.complete",
  BELT_EXPIRING: "training.complete",
  BELT_RENEWED: "training.complete",
  RECOGNITION_GIVEN: null,
  NEWSLETTER_PUBLISHED: null,
  HOURS_REMINDER: "activity.log",
  LEAD_DIGEST: "program.manage",
  COVERAGE_ALERT: "program.manage",
};

/** Every kind, split into those the person's roles make likely and the others, in KIND_ORDER. */
export function kindsByRelevance(actor: Pick<Actor, "roles" | "orgScope" | "id">): {
  yours: NotificationKind[];
  others: NotificationKind[];
} {
  const likely = (k: NotificationKind) => {
    const permission = RECEIVED_WITH[k];
    return permission === null || can(actor, permission);
  };
  return { yours: KIND_ORDER.filter(likely), others: KIND_ORDER.filter((k) => !likely(k)) };
}
