import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { QUEUES } from "@/lib/jobs/queues";
import { commentUrl, jiraCommentText, jiraSiteFrom, type ReviewEvent } from "@/lib/jira/config";
import { redactSecrets } from "@/lib/redact";
import { appUrl } from "@/lib/server/app-url";
import { enqueue } from "@/lib/server/jobs/queue";

// A review's status changes posted back to the Jira issue it was requested from, as comments.
// Like the chat channels' posts (lib/server/notifications/channel-post.ts): the comment row is
// written in the status change's transaction with its job, so a change that rolls back posts
// nothing and a change posts once; the job is retried with backoff when Jira cannot take it.

type Tx = Prisma.TransactionClient;
const POST_TIMEOUT_MS = 10_000;

/**
 * Queues a comment for the review's Jira issue, when the review came from Jira and a Jira site
 * is configured. `eventKey` names the change (one comment per change). Returns whether one was
 * queued.
 */
export async function queueJiraComment(
  tx: Tx,
  review: { id: number; key: string; service: string },
  e: ReviewEvent,
): Promise<boolean> {
  if (!jiraSiteFrom(process.env)) return false;
  const body = jiraCommentText({ ...review, url: `${appUrl()}/reviews/${review.id}` }, e);
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "JiraComment" ("reviewId", "eventKey", body)
    SELECT "reviewId", ${e.event}, ${body} FROM "JiraIssueLink" WHERE "reviewId" = ${review.id}
    ON CONFLICT ("reviewId", "eventKey") DO NOTHING
    RETURNING id`;
  await enqueue(
    tx,
    rows.map((r) => ({ name: "jira-comment" as const, data: { commentId: r.id.toString() } })),
  );
  return rows.length > 0;
}

type JiraPostResult = {
  outcome: "sent" | "skipped" | "failed";
  error?: string;
  /** The job should fail so that the queue retries it. */
  retry?: boolean;
};

type Row = { status: DeliveryStatus; attempts: number; body: string; issueKey: string };

async function post(url: string, authorization: string, body: string, timeoutMs: number) {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        accept: "application/json",
        authorization,
      },
      body: JSON.stringify({ body }),
      redirect: "manual", // a redirect could lead anywhere: not followed
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why =
      e.name === "TimeoutError"
        ? `no answer within ${timeoutMs / 1000} s`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { ok: false, error: `Jira could not be reached: ${redactSecrets(why)}`, retry: true };
  }
  if (response.ok) return { ok: true } as const;
  const answer = redactSecrets((await response.text().catch(() => "")).replace(/\s+/g, " ").trim());
  const s = response.status;
  return {
    ok: false,
    error: `Jira answered ${s}${answer ? `: ${answer.slice(0, 200)}` : ""}`,
    retry: s === 408 || s === 429 || s >= 500,
  };
}

/** Posts the JiraComment `commentId` unless it is gone or already sent ("jira-comment" jobs). */
export async function deliverJiraComment(
  commentId: bigint,
  opts: { timeoutMs?: number } = {},
): Promise<JiraPostResult> {
  return db.$transaction(
    async (tx): Promise<JiraPostResult> => {
      const [row] = await tx.$queryRaw<Row[]>`
        SELECT c.status, c.attempts, c.body, l."issueKey"
        FROM "JiraComment" c JOIN "JiraIssueLink" l ON l."reviewId" = c."reviewId"
        WHERE c.id = ${commentId} FOR UPDATE OF c SKIP LOCKED`;
      if (!row || row.status === "SENT") return { outcome: "skipped" };
      const site = jiraSiteFrom(process.env);
      const attempt = site
        ? await post(
            commentUrl(site, row.issueKey),
            site.authorization,
            row.body,
            opts.timeoutMs ?? POST_TIMEOUT_MS,
          )
        : {
            ok: false,
            error: "Jira is no longer configured (JIRA_BASE_URL, JIRA_API_TOKEN)",
            retry: false,
          };
      const attempts = row.attempts + 1;
      if (attempt.ok) {
        await tx.jiraComment.update({
          where: { id: commentId },
          data: { status: "SENT", sentAt: new Date(), attempts, lastError: null },
        });
        return { outcome: "sent" };
      }
      const lastTry = attempts > QUEUES["jira-comment"].retryLimit;
      await tx.jiraComment.update({
        where: { id: commentId },
        data: {
          status: attempt.retry && !lastTry ? "PENDING" : "FAILED",
          attempts,
          lastError: attempt.error!.slice(0, 500),
        },
      });
      return { outcome: "failed", error: attempt.error, retry: attempt.retry };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
