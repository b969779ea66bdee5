"use server";

import { revalidatePath } from "next/cache";
import { recognitionSchema, recognitionVisibilitySchema } from "@/lib/validations/recognition";
import { formAction } from "@/lib/server/form-action";
import { giveRecognition } from "./service";
import { setHiddenFromRecognition } from "./visibility";

export const giveRecognitionAction = formAction(
  { name: "giveRecognition", permission: "recognition.give", schema: recognitionSchema },
  async (actor, input) => {
    await giveRecognition(actor, input);
    revalidatePath(`/people/${input.recipientId}`);
    revalidatePath("/recognition");
    return {
      status: "ok",
      message: "Thank you: the recognition is on their profile and the wall.",
    };
  },
);

export const recognitionVisibilityAction = formAction(
  {
    name: "recognitionVisibility",
    permission: "signed-in",
    schema: recognitionVisibilitySchema,
  },
  async (actor, input) => {
    const hide = input.hide === "yes";
    await setHiddenFromRecognition(actor, hide);
    revalidatePath("/account");
    revalidatePath("/recognition");
    revalidatePath("/recognition/leaderboards");
    return {
      status: "ok",
      message: hide
        ? "You are hidden from the recognition wall and leaderboards; your team's figures still count your work."
        : "You appear on the recognition wall again.",
    };
  },
);
