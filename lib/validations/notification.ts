import { z } from "zod";
import type { EmailChoice, NotificationKind } from "@/lib/generated/prisma/enums";
import { KIND_ORDER, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

// A notification's id is a bigint: digits without a leading zero, at most 18 (below 2^63).
const BIG_ID_TEXT = /^[1-9]\d{0,17}$/;

/** The id of one of the person's notifications, as a form sends it. */
export const notificationIdSchema = z.object({
  id: z
    .string("Choose a notification")
    .regex(BIG_ID_TEXT, "Choose a notification")
    .transform((v) => BigInt(v)),
});

/** "Mark all as read": up to the newest notification the page showed, so none arriving later. */
export const markAllReadSchema = z.object({
  upTo: z
    .string("Reload the page and try again")
    .regex(BIG_ID_TEXT, "Reload the page and try again")
    .transform((v) => BigInt(v)),
});

const choice = z.enum(["IMMEDIATE", "DIGEST", "OFF"], "Choose immediately, daily digest or off");
const shape = Object.fromEntries(KIND_ORDER.map((k) => [k, choice.optional()])) as Record<
  NotificationKind,
  z.ZodOptional<typeof choice>
>;

/**
 * The preferences form: one field per kind (named by the kind), each immediately, daily digest or
 * off. Kinds left out keep their setting; a field that names no kind is refused, and so is the
 * daily digest for a kind that is a summary already (it is sent as it comes).
 */
export const notificationPreferencesSchema = z
  .strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `There is no kind of notification called ${issue.keys.join(", ")}.`
        : undefined,
  })
  .superRefine((value, ctx) => {
    const chosen = KIND_ORDER.filter((k) => value[k] !== undefined);
    if (chosen.length === 0)
      ctx.addIssue({ code: "custom", message: "Choose at least one setting" });
    for (const kind of chosen)
      if (value[kind] === "DIGEST" && !NOTIFICATION_KINDS[kind].digestible)
        ctx.addIssue({
          code: "custom",
          path: [kind],
          message: `${NOTIFICATION_KINDS[kind].label} is a summary already: choose immediately or off`,
        });
  })
  .transform((value) => value as Partial<Record<NotificationKind, EmailChoice>>);
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;

/** The unsubscribe page's form: the emailed link's token. */
export const unsubscribeSchema = z.object({
  token: z
    .string("This unsubscribe link is not valid")
    .max(200, "This unsubscribe link is not valid"),
});
