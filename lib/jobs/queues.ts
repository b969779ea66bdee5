// The job queues (pg-boss on the app's PostgreSQL, schema "pgboss"). Each queue's retry policy is
// set here once: installQueue() creates the queues with it and every job inherits it.
// No "server-only": the migration runner and `npm run worker` load this under plain Node.

export const QUEUE_SCHEMA = "pgboss";

export type QueueName =
  | "notification-email"
  | "daily-digest"
  | "channel-post"
  | "hours-reminder"
  | "lead-digest"
  | "coverage-alerts"
  | "belt-expiry"
  | "jira-comment";

type QueuePolicy = {
  /** Attempts after the first. */
  retryLimit: number;
  /** Seconds before the first retry; doubled at each further one (backoff). */
  retryDelay: number;
  /** A job running longer than this is taken as lost and retried. */
  expireInSeconds: number;
};

export const QUEUES: Record<QueueName, QueuePolicy> = {
  // One email from the outbox: a person's immediate notification or their daily digest.
  "notification-email": { retryLimit: 6, retryDelay: 30, expireInSeconds: 120 },
  // Builds the day's digests (one outbox row per person) and queues them.
  "daily-digest": { retryLimit: 3, retryDelay: 60, expireInSeconds: 1800 },
  // One message to an organisation's Slack or Teams channel.
  "channel-post": { retryLimit: 6, retryDelay: 30, expireInSeconds: 120 },
  "hours-reminder": { retryLimit: 3, retryDelay: 60, expireInSeconds: 1800 },
  "lead-digest": { retryLimit: 3, retryDelay: 60, expireInSeconds: 1800 },
  "coverage-alerts": { retryLimit: 3, retryDelay: 60, expireInSeconds: 1800 },
  // Renews belts whose holders meet the conditions; reminds the others a month before expiry.
  "belt-expiry": { retryLimit: 3, retryDelay: 60, expireInSeconds: 1800 },
  // One comment on a review's Jira issue (README, "Connecting Jira").
  "jira-comment": { retryLimit: 6, retryDelay: 30, expireInSeconds: 120 },
};

export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

/**
 * When the scheduled jobs run (cron, UTC). The hours reminder goes out on the 25th, as the
 * program's reference asks guardians to have logged 3.5 h by then.
 */
export const SCHEDULES: Partial<Record<QueueName, string>> = {
  "daily-digest": "0 7 * * *",
  "coverage-alerts": "30 6 * * *",
  "hours-reminder": "0 9 25 * *",
  "lead-digest": "0 7 * * 1",
  "belt-expiry": "15 6 * * *",
};
