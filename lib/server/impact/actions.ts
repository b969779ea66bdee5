"use server";

import { revalidatePath } from "next/cache";
import { ratingCommentConsentSchema } from "@/lib/validations/impact";
import { formAction } from "@/lib/server/form-action";
import { setRatingCommentConsent } from "./statement";

export const ratingCommentConsentAction = formAction(
  { name: "ratingCommentConsent", permission: "signed-in", schema: ratingCommentConsentSchema },
  async (actor, input) => {
    const share = input.share === "yes";
    await setRatingCommentConsent(actor, share);
    revalidatePath("/account");
    return {
      status: "ok",
      message: share
        ? "The comments on your ratings now appear in your impact statement."
        : "The comments on your ratings no longer appear in your impact statement; the ratings still count.",
    };
  },
);
