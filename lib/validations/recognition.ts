import { z } from "zod";
import { RECOGNITION_KIND } from "@/lib/vocabulary";
import { recordId } from "./fields";

export const recognitionSchema = z.object({
  recipientId: recordId("Choose who to recognise"),
  kind: z.enum(RECOGNITION_KIND.values, "Choose award or kudos"),
  title: z
    .string()
    .trim()
    .min(3, "Give it a short title")
    .max(120, "Keep the title under 120 characters"),
  reason: z
    .string()
    .trim()
    .min(10, "Say in a sentence what they did")
    .max(1000, "Keep the reason under 1,000 characters"),
});
export type RecognitionInput = z.infer<typeof recognitionSchema>;

/** Whether the signed-in person is left off the recognition wall and leaderboards. */
export const recognitionVisibilitySchema = z.object({
  hide: z.enum(["yes", "no"], "Choose whether to hide yourself from recognition."),
});
