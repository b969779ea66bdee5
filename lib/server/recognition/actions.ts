"use server";

import { revalidatePath } from "next/cache";
import { recognitionSchema } from "@/lib/validations/recognition";
import { formAction } from "@/lib/server/form-action";
import { giveRecognition } from "./service";

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
