"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/auth/client-ip";
import { expiryText } from "@/lib/identity/emails";
import {
  inviteBatchSchema,
  invitePersonSchema,
  passwordResetRequestSchema,
  setPasswordSchema,
} from "@/lib/validations/links";
import type { ActionState } from "@/lib/server/action-state";
import { formFields, parseInput } from "@/lib/server/failure";
import { formAction } from "@/lib/server/form-action";
import { publicAction } from "@/lib/server/public-action";
import { inviteBatch, invitePerson, type BatchReport } from "./links";
import { requestPasswordReset } from "./password-reset";
import { setPasswordWithLink } from "./set-password";

export const invitePersonAction = formAction(
  { name: "invitePerson", permission: "user.manage", schema: invitePersonSchema },
  async (actor, input) => {
    const sent = await invitePerson(actor, input);
    revalidatePath(`/people/${input.id}`);
    revalidatePath("/directory/people");
    return {
      status: "ok",
      message: `Invitation sent to ${sent.email}. The link works until ${expiryText(sent.expiresAt)}.`,
    };
  },
);

/** One batch of a bulk invitation; the client calls it again with `report.next` until null. */
export type InviteBatchState = ActionState & { report?: BatchReport };

export const inviteBatchAction = formAction(
  { name: "inviteBatch", permission: "user.manage", schema: inviteBatchSchema },
  async (actor, input) => {
    const state: InviteBatchState = { status: "ok", report: await inviteBatch(actor, input) };
    return state;
  },
);

export async function requestPasswordResetAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  return publicAction("requestPasswordReset", async (request) => {
    const input = parseInput(passwordResetRequestSchema, formFields(form));
    const ip = clientIp(request ? Object.fromEntries(request.entries()) : undefined);
    // The lookup and the email run after the answer, so its timing tells nothing (outside a
    // request, in scripts and tests, at once).
    const later = (task: () => Promise<void>) => {
      try {
        after(task);
      } catch {
        return task();
      }
    };
    const message = await requestPasswordReset(input, ip, undefined, later);
    return { status: "ok", message };
  });
}

export async function setPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return publicAction("setPassword", async () => {
    await setPasswordWithLink(parseInput(setPasswordSchema, formFields(form)));
    redirect("/sign-in?password=set");
  });
}
