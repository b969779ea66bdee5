"use server";

import { revalidatePath } from "next/cache";
import { plural } from "@/lib/format";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import {
  markAllReadSchema,
  notificationIdSchema,
  notificationPreferencesSchema,
  unsubscribeSchema,
} from "@/lib/validations/notification";
import type { ActionState } from "@/lib/server/action-state";
import { formFields, parseInput } from "@/lib/server/failure";
import { formAction } from "@/lib/server/form-action";
import { publicAction } from "@/lib/server/public-action";
import { markAllRead, markRead } from "./inbox";
import { savePreferences } from "./preferences";
import { unsubscribeWithToken } from "./unsubscribe";

// The list shows what is read; the bell in the header counts again on its own (bell-link.tsx).
const refreshList = () => revalidatePath("/notifications");

export const markNotificationReadAction = formAction(
  { name: "markNotificationRead", permission: "signed-in", schema: notificationIdSchema },
  async (actor, input) => {
    await markRead(actor, input.id);
    refreshList();
    return { status: "ok", message: "Marked as read." };
  },
);

export const markAllNotificationsReadAction = formAction(
  { name: "markAllNotificationsRead", permission: "signed-in", schema: markAllReadSchema },
  async (actor, input) => {
    const count = await markAllRead(actor, input.upTo);
    refreshList();
    return {
      status: "ok",
      message: count ? `Marked ${plural(count, "notification")} as read.` : "All caught up.",
    };
  },
);

export const saveNotificationPreferencesAction = formAction(
  {
    name: "saveNotificationPreferences",
    permission: "signed-in",
    schema: notificationPreferencesSchema,
  },
  async (actor, input) => {
    const changed = await savePreferences(actor, input);
    revalidatePath("/notifications/preferences");
    return {
      status: "ok",
      message: changed.length
        ? `Saved: ${plural(changed.length, "email setting")} changed.`
        : "Saved: nothing needed changing.",
    };
  },
);

/** The unsubscribe page's button (signed out: the emailed token is the authority). */
export async function unsubscribeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicAction("unsubscribe", async () => {
    const { token } = parseInput(unsubscribeSchema, formFields(form));
    const kinds = await unsubscribeWithToken(token);
    return {
      status: "ok",
      message: kinds.length
        ? `Done: no more emails for ${kinds.map((k) => `“${NOTIFICATION_KINDS[k].label}”`).join(", ")}.`
        : "Those emails were already off: nothing changed.",
    };
  });
}
