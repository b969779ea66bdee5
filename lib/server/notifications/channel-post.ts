import "server-only";
import { db } from "@/lib/db/client";
import type { ChatTool, DeliveryStatus } from "@/lib/generated/prisma/enums";
import { QUEUES } from "@/lib/jobs/queues";
import { chatPayload } from "@/lib/notifications/chat-messages";
import { allowedTestHosts, webhookUrlProblem } from "@/lib/notifications/webhook-url";
import { redactSecrets } from "@/lib/redact";
import { CHAT_TOOL } from "@/lib/vocabulary";
import { appUrl } from "@/lib/server/app-url";
import { openWebhookUrl } from "@/lib/server/channels/webhook-secret";

// Posts one ChannelPost to its channel's incoming webhook ("channel-post" jobs, the settings
// page's test message). Like the email outbox, the row is locked while it is posted and marked
// in the same transaction, so two workers never both post it and a retry after success does
// nothing.
//
// What a failure does:
// - the tool's answer says try again (timeout, no connection, 408, 429, 5xx, or a Teams connector's
//   "HTTP error 429" inside a 200): the post stays PENDING with its error and the job is failed,
//   so pg-boss retries it with backoff (lib/jobs/queues.ts); after the last retry it is FAILED;
// - the answer says the request itself is wrong (any other 4xx: Slack's 404 no_service for a
//   removed webhook, 403 action_prohibited, 410 channel_is_archived; a redirect), or the saved
//   URL cannot be used: FAILED at once, nothing retried, since only the lead can fix it (a new
//   URL, then "Retry" on the settings page).

const POST_TIMEOUT_MS = 10_000;

export type PostResult = {
  outcome: "sent" | "skipped" | "failed";
  /** What went wrong, as the settings page shows it. */
  error?: string;
  /** The job should fail so that the queue retries it. */
  retry?: boolean;
};

type Row = {
  status: DeliveryStatus;
  attempts: number;
  title: string;
  text: string;
  link: string;
  orgId: number;
  tool: ChatTool;
  urlEncrypted: string;
};

/** The post's link as an absolute address: its paths are the app's. */
const absolute = (link: string) => (/^https?:\/\//.test(link) ? link : `${appUrl()}${link}`);

/** The first words of the tool's answer, secrets scrubbed (an error page may quote the URL). */
async function answerOf(response: Response): Promise<string> {
  const body = await response.text().catch(() => "");
  return redactSecrets(body.replace(/\s+/g, " ").trim()).slice(0, 200);
}

type Attempt = { ok: true } | { ok: false; error: string; retry: boolean };

async function post(
  tool: ChatTool,
  url: string,
  payload: unknown,
  timeoutMs: number,
): Promise<Attempt> {
  const name = CHAT_TOOL.label(tool);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(payload),
      redirect: "manual", // a redirect could lead anywhere: not followed
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why =
      e.name === "TimeoutError"
        ? `no answer within ${timeoutMs / 1000} s`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { ok: false, error: `${name} could not be reached: ${redactSecrets(why)}`, retry: true };
  }
  const answer = await answerOf(response);
  const said = (s: number) => `${name} answered ${s}${answer ? `: ${answer}` : ""}`;
  if (response.ok) {
    // Teams connectors answer 200 with the throttling error in the body.
    if (/HTTP error 429/i.test(answer)) return { ok: false, error: said(429), retry: true };
    return { ok: true };
  }
  const s = response.status;
  const retry = s === 408 || s === 429 || s >= 500;
  return { ok: false, error: said(s), retry };
}

/**
 * Posts the ChannelPost `postId` unless it is gone or already sent (or, with `onlyPending`, no
 * longer waiting: a fallback for a post tried at once). `base` is the attempts count when this
 * run of retries began (a "Retry" on the settings page starts a new run).
 */
export async function deliverChannelPost(
  postId: bigint,
  opts: { base?: number; timeoutMs?: number; onlyPending?: boolean } = {},
): Promise<PostResult> {
  return db.$transaction(
    async (tx): Promise<PostResult> => {
      const [row] = await tx.$queryRaw<Row[]>`
        SELECT p.status, p.attempts, p.title, p.text, p.link, w."orgId", w.tool, w."urlEncrypted"
        FROM "ChannelPost" p JOIN "ChannelWebhook" w ON w.id = p."webhookId"
        WHERE p.id = ${postId} FOR UPDATE OF p SKIP LOCKED`;
      if (!row || row.status === "SENT" || (opts.onlyPending && row.status !== "PENDING"))
        return { outcome: "skipped" };
      const attempt = await attemptPost(row, opts.timeoutMs ?? POST_TIMEOUT_MS);
      const attempts = row.attempts + 1;
      if (attempt.ok) {
        await tx.channelPost.update({
          where: { id: postId },
          data: { status: "SENT", sentAt: new Date(), attempts, lastError: null },
        });
        return { outcome: "sent" };
      }
      const lastTry = attempts - (opts.base ?? 0) > QUEUES["channel-post"].retryLimit;
      await tx.channelPost.update({
        where: { id: postId },
        data: {
          status: attempt.retry && !lastTry ? "PENDING" : "FAILED",
          attempts,
          lastError: attempt.error.slice(0, 500),
        },
      });
      return { outcome: "failed", error: attempt.error, retry: attempt.retry };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

async function attemptPost(row: Row, timeoutMs: number): Promise<Attempt> {
  const name = CHAT_TOOL.label(row.tool);
  let url: string;
  try {
    url = openWebhookUrl(row);
  } catch {
    return {
      ok: false,
      error: `The saved ${name} URL cannot be read (was the app's secret changed?): save it again`,
      retry: false,
    };
  }
  // Checked again at every post: the allowed hosts may have changed since it was saved.
  if (webhookUrlProblem(row.tool, url, allowedTestHosts(process.env.CHAT_WEBHOOK_ALLOW_HOSTS)))
    return { ok: false, error: `The saved URL is not a ${name} webhook address`, retry: false };
  const payload = chatPayload(row.tool, {
    title: row.title,
    text: row.text,
    url: absolute(row.link),
  });
  return post(row.tool, url, payload, timeoutMs);
}
