import type { ChannelEvent, EmailChoice, NotificationKind } from "@/lib/generated/prisma/enums";

// Every kind of notification, what people see of it on their preferences page, and how it
// reaches them by email until they choose otherwise. Defaults follow urgency: what asks someone
// to act (decide a nomination, run a review, look at a threat model) comes at once; news about
// oneself comes in the day's digest; the newsletter has its own email, so its notice stays in
// the app.
export type KindInfo = {
  label: string;
  /** Who gets it, in the words of the preferences page. */
  audience: string;
  defaultEmail: EmailChoice;
  /** Scheduled summaries are already one email: they are never folded into the daily digest. */
  digestible: boolean;
};

export const NOTIFICATION_KINDS: Record<NotificationKind, KindInfo> = {
  NOMINATION_SUBMITTED: {
    label: "Nomination submitted",
    audience: "Leads who decide nominations",
    defaultEmail: "IMMEDIATE",
    digestible: true,
  },
  NOMINATION_DECIDED: {
    label: "Nomination decided",
    audience: "The nominee and the nominator",
    defaultEmail: "IMMEDIATE",
    digestible: true,
  },
  REVIEW_REQUESTED: {
    label: "Review requested",
    audience: "Security engineers who can run it",
    defaultEmail: "DIGEST",
    digestible: true,
  },
  REVIEW_ASSIGNED: {
    label: "Review assigned to you",
    audience: "The assigned security engineer",
    defaultEmail: "IMMEDIATE",
    digestible: true,
  },
  REVIEW_COMPLETED: {
    label: "Review completed",
    audience: "The requester and the participants",
    defaultEmail: "DIGEST",
    digestible: true,
  },
  GUARDIAN_RATED: {
    label: "Your input was rated",
    audience: "The rated guardian",
    defaultEmail: "DIGEST",
    digestible: true,
  },
  THREAT_MODEL_SUBMITTED: {
    label: "Threat model submitted for review",
    audience: "Those who approve threat models",
    defaultEmail: "IMMEDIATE",
    digestible: true,
  },
  THREAT_MODEL_SENT_BACK: {
    label: "Threat model sent back",
    audience: "Its authors",
    defaultEmail: "IMMEDIATE",
    digestible: true,
  },
  THREAT_MODEL_APPROVED: {
    label: "Threat model approved",
    audience: "Its authors and reviewers",
    defaultEmail: "DIGEST",
    digestible: true,
  },
  BELT_AWARDED: {
    label: "Belt awarded",
    audience: "The guardian",
    defaultEmail: "IMMEDIATE",
    digestible: true,
  },
  BELT_REVOKED: {
    label: "Belt revoked",
    audience: "The guardian",
    defaultEmail: "IMMEDIATE",
    digestible: true,
  },
  BELT_EXPIRING: {
    label: "Belt about to expire",
    audience: "The guardian, a month before",
    defaultEmail: "IMMEDIATE",
    digestible: true,
  },
  BELT_RENEWED: {
    label: "Belt renewed",
    audience: "The guardian",
    defaultEmail: "DIGEST",
    digestible: true,
  },
  RECOGNITION_GIVEN: {
    label: "Kudos or award received",
    audience: "The person recognised",
    defaultEmail: "DIGEST",
    digestible: true,
  },
  NEWSLETTER_PUBLISHED: {
    label: "Newsletter published",
    audience: "Its recipients who can read it here (the newsletter itself is emailed separately)",
    defaultEmail: "OFF",
    digestible: true,
  },
  HOURS_REMINDER: {
    label: "Monthly hours reminder",
    audience: "Guardians below 3.5 h by the 25th",
    defaultEmail: "IMMEDIATE",
    digestible: false,
  },
  LEAD_DIGEST: {
    label: "Weekly program digest",
    audience: "Program leads",
    defaultEmail: "IMMEDIATE",
    digestible: false,
  },
  COVERAGE_ALERT: {
    label: "Coverage and succession alerts",
    audience: "Program leads",
    defaultEmail: "DIGEST",
    digestible: true,
  },
};

export const KIND_ORDER = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export const EMAIL_CHOICES: { value: EmailChoice; label: string }[] = [
  { value: "IMMEDIATE", label: "Immediately" },
  { value: "DIGEST", label: "Daily digest" },
  { value: "OFF", label: "Off" },
];

/** The email choice for one kind: the person's own, or the kind's default. */
export function emailChoice(
  kind: NotificationKind,
  own: Partial<Record<NotificationKind, EmailChoice>>,
): EmailChoice {
  const choice = own[kind] ?? NOTIFICATION_KINDS[kind].defaultEmail;
  // A scheduled summary is one email already: "daily digest" sends it as it comes.
  return choice === "DIGEST" && !NOTIFICATION_KINDS[kind].digestible ? "IMMEDIATE" : choice;
}

export const CHANNEL_EVENTS: Record<ChannelEvent, string> = {
  BELT_AWARDED: "Belt awarded",
  NEWSLETTER_PUBLISHED: "Newsletter published",
  OVER_RISK_BUDGET: "Team over its risk budget",
  COVERAGE_ALERT: "Coverage alert",
};
