import { z } from "zod";
import { GOAL_METRIC } from "@/lib/vocabulary";
import { formNumber } from "./fields";

export const goalSchema = z.object({
  title: z
    .string()
    .trim()
    .min(3, "Describe the goal in a few words")
    .max(200, "Keep the goal under 200 characters"),
  metric: z.enum(GOAL_METRIC.values, "Choose what the goal measures"),
  target: formNumber(
    z
      .number("Enter the target as a number")
      .min(0, "The target cannot be negative")
      .max(1_000_000, "That target is too large"),
  ),
  period: z.enum(["QUARTER", "YEAR"], "Choose quarter or year"),
  higherIsBetter: z.preprocess((v) => v !== "lower", z.boolean()),
});
export type GoalInput = z.infer<typeof goalSchema>;
