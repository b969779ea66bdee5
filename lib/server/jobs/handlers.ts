import "server-only";
import type { QueueName } from "@/lib/jobs/queues";
import type { Mailer } from "@/lib/server/mail";
import { deliverChannelPost } from "@/lib/server/notifications/channel-post";
import { prepareDailyDigests } from "@/lib/server/notifications/digest";
import { sendOutboxEmail } from "@/lib/server/notifications/email";

// What each queue's job does. A scheduled job's data may carry `at` (an ISO instant): the moment
// it acts for, so tests and a re-run for a missed day inject the clock instead of waiting.
export type JobContext = { mailer: Mailer | null; now: () => Date };
export type JobHandler = (data: Record<string, unknown>, ctx: JobContext) => Promise<unknown>;

export const jobTime = (data: Record<string, unknown>, ctx: JobContext): Date =>
  typeof data.at === "string" && !Number.isNaN(Date.parse(data.at)) ? new Date(data.at) : ctx.now();

export const HANDLERS: Partial<Record<QueueName, JobHandler>> = {
  "notification-email": (data, ctx) => sendOutboxEmail(BigInt(String(data.emailId)), ctx.mailer),
  "daily-digest": (data, ctx) => prepareDailyDigests(jobTime(data, ctx)),
  "channel-post": async (data) => {
    const result = await deliverChannelPost(BigInt(String(data.postId)), {
      base: typeof data.base === "number" ? data.base : 0,
      onlyPending: data.onlyPending === true,
    });
    // Failing the job is what makes the queue retry it (or, after the last retry, keep it
    // failed for /admin/jobs); a request the tool refused for good is settled as it is.
    if (result.retry) throw new Error(result.error);
    return result;
  },
};
