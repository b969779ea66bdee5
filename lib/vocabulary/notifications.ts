// Notifications: the kinds (their words and defaults live in lib/notifications/kinds.ts) and the
// email choices a person makes for each.
import { EmailChoice, NotificationKind } from "@/lib/generated/prisma/enums";
import { EMAIL_CHOICES, KIND_ORDER, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { defineVocabulary } from "./define";

export const NOTIFICATION_KIND = defineVocabulary(
  NotificationKind,
  Object.fromEntries(KIND_ORDER.map((k) => [k, NOTIFICATION_KINDS[k].label])) as Record<
    NotificationKind,
    string
  >,
);

export const EMAIL_CHOICE = defineVocabulary(
  EmailChoice,
  Object.fromEntries(EMAIL_CHOICES.map((c) => [c.value, c.label])) as Record<EmailChoice, string>,
);
