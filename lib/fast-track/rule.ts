// The ownership fast track's rule (docs/fast-track.md): whether a guardian may approve a review
// without waiting for a security engineer. Pure: no database; every path that fast-tracks a
// review asks this one function.
import { highestHeldOn, type BeltPeriod } from "@/lib/belts/validity";
import { BELT, type Belt, type TeamProfile } from "@/lib/vocabulary";

export type FastTrackPolicyFacts = {
  id: number;
  teamId: number | null;
  teamProfile: TeamProfile | null;
  enabled: boolean;
  minBelt: Belt;
  checklist: string[];
};

/** The answer a guardian gives to one checklist question. */
export type ChecklistAnswer = "low-risk" | "not-low-risk";

export type FastTrackCase = {
  /** The policy that applies to the review's team (`applicablePolicy`), or null. */
  policy: FastTrackPolicyFacts | null;
  /** The guardian is an active guardian of the reviewed team on `day`. */
  activeGuardianOfTeam: boolean;
  /** The guardian's belt periods (lib/belts/validity.ts): expired or revoked ones do not count. */
  beltPeriods: BeltPeriod[];
  /** A suspension of the guardian's fast track is in force. */
  suspended: boolean;
  /** One answer per question of the policy's checklist, in order (undefined: not answered). */
  answers: (ChecklistAnswer | undefined)[];
  review: { completed: boolean; started: boolean; openFindings: number };
  /** The day the approval happens (UTC midnight). */
  day: Date;
};

export type FastTrackRefusal = {
  code:
    | "no-policy"
    | "policy-off"
    | "not-guardian"
    | "belt"
    | "suspended"
    | "checklist"
    | "completed"
    | "started"
    | "open-findings";
  message: string;
};

/** A team's own policy wins over its profile's, even when it is off (a lead can leave a team out). */
export function applicablePolicy<P extends FastTrackPolicyFacts>(
  policies: P[],
  team: { id: number; profile: TeamProfile },
): P | null {
  return (
    policies.find((p) => p.teamId === team.id) ??
    policies.find((p) => p.teamId === null && p.teamProfile === team.profile) ??
    null
  );
}

/** Whether the highest belt held (and valid) on `day` is at least `minBelt`. */
export function holdsBeltAtLeast(periods: BeltPeriod[], minBelt: Belt, day: Date): boolean {
  const held = highestHeldOn(periods, day);
  return held !== null && BELT.rank(held) >= BELT.rank(minBelt);
}

/** Why the guardian may not fast-track the review, or null when every condition holds. */
export function fastTrackRefusal(c: FastTrackCase): FastTrackRefusal | null {
  if (c.review.completed)
    return { code: "completed", message: "This review is already completed." };
  if (c.review.started)
    return {
      code: "started",
      message: "A security engineer has started this review: it completes the ordinary way.",
    };
  const { policy } = c;
  if (!policy) return { code: "no-policy", message: "The fast track is not offered to this team." };
  if (!policy.enabled)
    return { code: "policy-off", message: "The fast track is switched off for this team." };
  if (!c.activeGuardianOfTeam)
    return {
      code: "not-guardian",
      message: "Only an active guardian of the reviewed team can fast-track its reviews.",
    };
  if (c.suspended)
    return {
      code: "suspended",
      message: "Your fast track is suspended after a failed spot check.",
    };
  if (!holdsBeltAtLeast(c.beltPeriods, policy.minBelt, c.day))
    return {
      code: "belt",
      message: `The fast track needs a valid ${BELT.label(policy.minBelt)} belt or higher.`,
    };
  if (
    c.answers.length !== policy.checklist.length ||
    policy.checklist.length === 0 ||
    c.answers.some((a) => a !== "low-risk")
  )
    return {
      code: "checklist",
      message: "Every question of the checklist must be answered “low risk” to fast-track.",
    };
  if (c.review.openFindings > 0)
    return {
      code: "open-findings",
      message: `The review has ${c.review.openFindings} open finding(s): a security engineer reviews it.`,
    };
  return null;
}
