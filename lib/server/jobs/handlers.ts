import "server-only";
import type { QueueName } from "@/lib/jobs/queues";
import type { Mailer } from "@/lib/server/mail";
import { evaluateCoverageAlerts } from "@/lib/server/notifications/alerts";
import { prepareDailyDigests } from "@/lib/server/notifications/digest";
import { sendOutboxEmail } from "@/lib/server/notifications/email";
import { sendHoursReminders } from "@/lib/server/notifications/hours-reminder";
import { sendLeadDigests } from "@/lib/server/notifications/lead-digest";

// What each queue's job does. A scheduled job's data may carry `at` (an ISO instant): the moment
// it acts for, so tests and a re-run for a missed day inject the clock instead of waiting.
export type JobContext = { mailer: Mailer | null; now: () => Date };
export type JobHandler = (data: Record<string, unknown>, ctx: JobContext) => Promise<unknown>;

export const jobTime = (data: Record<string, unknown>, ctx: JobContext): Date =>
  typeof data.at === "string" && !Number.isNaN(Date.parse(data.at)) ? new Date(data.at) : ctx.now();

export const HANDLERS: Partial<Record<QueueName, JobHandler>> = {
  "notification-email": (data, ctx) => sendOutboxEmail(BigInt(String(data.emailId)), ctx.mailer),
  "daily-digest": (data, ctx) => prepareDailyDigests(jobTime(data, ctx)),
  "hours-reminder": (data, ctx) => sendHoursReminders(jobTime(data, ctx)),
  "lead-digest": (data, ctx) => sendLeadDigests(jobTime(data, ctx)),
  "coverage-alerts": (data, ctx) => evaluateCoverageAlerts(jobTime(data, ctx)),
};
