"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { clientIp } from "@/lib/auth/client-ip";
import { expiryText } from "@/lib/identity/emails";
import {
  inviteBatchSchema,
  invitePersonSchema,
  passwordResetRequestSchema,
  setPasswordSchema,
} from "@/lib/validations/links";
import { invalid, type ActionState } from "@/lib/server/action-state";
import { failureOf, formFields, parseInput } from "@/lib/server/failure";
import { formAction } from "@/lib/server/form-action";
import { elapsedMs, logger, requestIdOf } from "@/lib/server/log";
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

// The two pages a signed-out person uses (forgot password, the emailed link): no session, so
// not formAction, but the same input checks, failure mapping and one log line per call.
async function publicAction(
  name: string,
  run: (request: Headers | null) => Promise<ActionState>,
): Promise<ActionState> {
  const started = performance.now();
  let request: Headers | null = null;
  try {
    request = await headers();
  } catch {
    // Outside a request (scripts, tests).
  }
  const done = (outcome: string, code?: string, err?: unknown) =>
    logger[err ? "error" : "info"](
      {
        requestId: requestIdOf(request),
        action: name,
        outcome,
        code,
        durationMs: elapsedMs(started),
        err,
      },
      "action",
    );
  try {
    const state = await run(request);
    done(state.status);
    return state;
  } catch (error) {
    try {
      unstable_rethrow(error);
    } catch (control) {
      done("redirect");
      throw control;
    }
    const failure = failureOf(error);
    done("error", failure.code, failure.unexpected ? error : undefined);
    if (error instanceof ZodError) return invalid(error);
    if (failure.issues)
      return {
        status: "error",
        message: failure.message,
        fieldErrors: Object.fromEntries(failure.issues.map((i) => [i.path, [i.message]])),
      };
    return {
      status: "error",
      message: failure.unexpected ? "Something went wrong. Please try again." : failure.message,
    };
  }
}

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
