"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import {
  changePasswordSchema,
  clearSignInFailuresSchema,
  endSessionsSchema,
} from "@/lib/validations/account";
import { plural } from "@/lib/format";
import { formAction } from "@/lib/server/form-action";
import { z } from "zod";
import { changePassword, endMyOtherSessions, endPersonSessions } from "./service";
import { clearSignInFailures } from "./sign-in-blocks";

const sessionsEnded = (n: number) =>
  n === 0 ? "No other session was open." : `${plural(n, "other session")} ended.`;

export const changePasswordAction = formAction(
  { name: "changePassword", permission: "signed-in", schema: changePasswordSchema },
  async (actor, input) => {
    const h = Object.fromEntries((await headers()).entries());
    const { endedSessions } = await changePassword(actor, input, clientIp(h));
    revalidatePath("/account");
    return { status: "ok", message: `Your password is changed. ${sessionsEnded(endedSessions)}` };
  },
);

export const endMyOtherSessionsAction = formAction(
  { name: "endMyOtherSessions", permission: "signed-in", schema: z.object({}) },
  async (actor) => {
    const ended = await endMyOtherSessions(actor);
    revalidatePath("/account");
    return { status: "ok", message: sessionsEnded(ended) };
  },
);

export const endPersonSessionsAction = formAction(
  { name: "endPersonSessions", permission: "user.manage", schema: endSessionsSchema },
  async (actor, input) => {
    const { name, ended } = await endPersonSessions(actor, input);
    revalidatePath(`/people/${input.id}`);
    return {
      status: "ok",
      message:
        ended === 0
          ? `${name} had no open session.`
          : `${ended === 1 ? "1 session" : `${ended} sessions`} of ${name} ended.`,
    };
  },
);

export const clearSignInFailuresAction = formAction(
  { name: "clearSignInFailures", permission: "user.manage", schema: clearSignInFailuresSchema },
  async (actor, input) => {
    const { name, cleared } = await clearSignInFailures(actor, input);
    revalidatePath(`/people/${input.id}`);
    return {
      status: "ok",
      message:
        cleared === 0
          ? `${name} had no failed sign-ins to clear.`
          : `${plural(cleared, "failed sign-in")} of ${name} cleared: they can sign in again from anywhere.`,
    };
  },
);
