import "server-only";
import type { QueueName } from "@/lib/jobs/queues";
import type { Mailer } from "@/lib/server/mail";
import { deliverChannelPost } from "@/lib/server/notifications/channel-post";
import { deliverJiraComment } from "@/lib/server/jira/comments";
import { prepareDailyDigests } from "@/lib/server/notifications/digest";
import { sendOutboxEmails } from "@/lib/server/notifications/email";
import { evaluateCoverageAlerts } from "@/lib/server/notifications/alerts";
import { sendHoursReminders } from "@/lib/server/notifications/hours-reminder";
import { sendLeadDigests } from "@/lib/server/notifications/lead-digest";
import { runBeltExpiry } from "@/lib/server/belts/expiry-job";

// What each queue's job does. A scheduled job's data may carry `at` (an ISO instant): the moment
// it acts for, so tests and a re-run for a missed day inject the clock instead of waiting.
export type JobContext = { mailer: Mailer | null; now: () => Date };
export type JobHandler = (data: Record<string, unknown>, ctx: JobContext) => Promise<unknown>;

export const jobTime = (data: Record<string, unknown>, ctx: JobContext): Date =>
  typeof data.at === "string" && !Number.isNaN(Date.parse(data.at)) ? new Date(data.at) : ctx.now();

/** A queue whose jobs are done a batch at a time: one outcome per job, null when it succeeded. */
export type BatchHandler = (
  data: Record<string, unknown>[],
  ctx: JobContext,
) => Promise<(Error | null)[]>;

export const HANDLERS: Partial<Record<QueueName, JobHandler | { batch: BatchHandler }>> = {
  // Emails a batch at a time: a handful of statements per batch, sends in parallel.
  "notification-email": {
    batch: async (data, ctx) => {
      const ids = data.map((d) => BigInt(String(d.emailId)));
      const outcomes = await sendOutboxEmails(ids, ctx.mailer);
      return ids.map((id) => {
        const outcome = outcomes.get(id);
        return outcome instanceof Error ? outcome : null;
      });
    },
  },
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
  "hours-reminder": (data, ctx) => sendHoursReminders(jobTime(data, ctx)),
  "lead-digest": (data, ctx) => sendLeadDigests(jobTime(data, ctx)),
  "coverage-alerts": (data, ctx) => evaluateCoverageAlerts(jobTime(data, ctx)),
  "belt-expiry": (data, ctx) => runBeltExpiry(jobTime(data, ctx)),
  "jira-comment": async (data) => {
    const result = await deliverJiraComment(BigInt(String(data.commentId)));
    if (result.retry) throw new Error(result.error); // the queue retries it
    return result;
  },
};
