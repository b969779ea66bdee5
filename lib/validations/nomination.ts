import { z } from "zod";
import { recordId } from "./fields";

const id = (what: string) => recordId(`Choose a ${what}`);

export const nominationSchema = z.object({
  teamId: id("team"),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter the email of the person you nominate")),
  reason: z
    .string()
    .trim()
    .min(10, "Say in a sentence why this person would be a good guardian")
    .max(1000, "Keep the reason under 1,000 characters"),
});

export const decisionSchema = z.object({
  membershipId: id("nomination"),
  decision: z.enum(["approve", "decline"], "Choose approve or decline"),
  note: z
    .string()
    .trim()
    .max(500, "Keep the note under 500 characters")
    .optional()
    .transform((v) => v || null),
});

export const stepDownSchema = z.object({
  membershipId: id("membership"),
  note: z
    .string()
    .trim()
    .max(500, "Keep the note under 500 characters")
    .optional()
    .transform((v) => v || null),
});

export type NominationInput = z.infer<typeof nominationSchema>;
export type DecisionInput = z.infer<typeof decisionSchema>;
export type StepDownInput = z.infer<typeof stepDownSchema>;
