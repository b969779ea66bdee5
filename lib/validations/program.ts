import { z } from "zod";

export const programSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Give the program a name")
    .max(120, "Keep the name under 120 characters"),
  vision: z
    .string()
    .trim()
    .min(10, "Write the vision in a sentence or two")
    .max(1000, "Keep the vision under 1,000 characters"),
  mission: z
    .string()
    .trim()
    .min(10, "Write the mission in a sentence or two")
    .max(2000, "Keep the mission under 2,000 characters"),
});
export type ProgramInput = z.infer<typeof programSchema>;
