import { z } from "zod";
import { QUEUE_NAMES } from "@/lib/jobs/queues";

export const jobQueue = z.enum(QUEUE_NAMES as [string, ...string[]], {
  error: "Choose one of the app's queues.",
});

/** Retrying a failed job, or every failed job of one queue (no id). */
export const retryJobSchema = z.object({
  queue: jobQueue,
  id: z.uuid({ error: "That is not a job id." }).optional(),
});
export type RetryJobInput = z.infer<typeof retryJobSchema>;
