import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { FileFormatError, parseJsonFile } from "@/lib/formats/json-file";
import {
  browseUrl,
  ISSUE_KEY,
  jiraSiteFrom,
  REPLAY_WINDOW_MS,
  signatureMatches,
} from "@/lib/jira/config";
import { audit } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import { insertReview } from "@/lib/server/reviews/service";
import { noticeRequested } from "@/lib/server/reviews/notices";
import { queueJiraComment } from "./comments";

// A review requested from a Jira issue: Jira's webhook ("Issue created") posts the issue here.
// The body must carry the shared secret's signature; a delivery is taken once (its id is kept)
// and only within REPLAY_WINDOW_MS of its timestamp, so a captured delivery cannot be replayed.
// The team is named on the webhook's URL (?team=<team key>), set once per Jira project.

const MAX_BODY = 256 * 1024;

const eventSchema = z.object({
  timestamp: z.number("The event has no timestamp").int().positive(),
  webhookEvent: z.string("The event has no webhookEvent").max(100),
  issue: z.object(
    {
      key: z.string().regex(ISSUE_KEY, "The issue key must look like PROJ-123"),
      self: z.string().max(2000).optional(),
      fields: z.object({
        summary: z
          .string("The issue has no summary")
          .trim()
          .min(2, "The issue's summary is too short")
          .max(200, "Keep the issue's summary under 200 characters"),
      }),
    },
    "The event has no issue",
  ),
});

type JiraWebhookAnswer =
  | { status: "created"; review: string; issue: string }
  | { status: "ignored"; reason: "replay" | "event" | "exists"; message: string };

async function boundedText(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY || !request.body)
    throw new DomainError(
      request.body ? "The event is larger than 256 KB." : "The event is empty.",
      request.body ? "payload_too_large" : "bad_request",
    );
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > MAX_BODY) {
      await reader.cancel();
      throw new DomainError("The event is larger than 256 KB.", "payload_too_large");
    }
    chunks.push(next.value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export async function receiveJiraWebhook(
  request: Request,
  now = new Date(),
): Promise<JiraWebhookAnswer> {
  const secret = process.env.JIRA_WEBHOOK_SECRET;
  if (!secret)
    throw new DomainError(
      "Jira is not connected here (JIRA_WEBHOOK_SECRET is not set).",
      "not_found",
    );
  const raw = await boundedText(request);
  if (!signatureMatches(secret, raw, request.headers.get("x-hub-signature")))
    throw new DomainError(
      "The signature does not match: check the webhook's secret in Jira.",
      "forbidden",
    );
  const deliveryId = request.headers.get("x-atlassian-webhook-identifier")?.trim();
  if (!deliveryId || deliveryId.length > 200)
    throw new DomainError(
      "The delivery has no X-Atlassian-Webhook-Identifier header.",
      "bad_request",
    );
  let value: unknown;
  try {
    value = parseJsonFile("The event", raw);
  } catch (err) {
    if (err instanceof FileFormatError) throw new DomainError(err.message, "bad_request");
    throw err;
  }
  const event = eventSchema.parse(value);
  if (Math.abs(now.getTime() - event.timestamp) > REPLAY_WINDOW_MS)
    throw new DomainError(
      `The delivery is timed ${new Date(event.timestamp).toISOString()}, more than ${REPLAY_WINDOW_MS / 60_000} minutes from now: refused as a replay.`,
      "bad_request",
    );
  const teamKey = new URL(request.url).searchParams.get("team")?.trim() ?? "";
  const team = teamKey
    ? await db.team.findUnique({
        where: { key: teamKey },
        select: { id: true, name: true, orgId: true },
      })
    : null;
  if (!team)
    throw new DomainError(
      teamKey
        ? `No team has the key "${teamKey}": check ?team= on the webhook's URL.`
        : "Name the team on the webhook's URL: ?team=<team key>.",
    );
  return db.$transaction(async (tx) => {
    const fresh = await tx.$queryRaw<{ deliveryId: string }[]>`
      INSERT INTO "JiraDelivery" ("deliveryId") VALUES (${deliveryId})
      ON CONFLICT DO NOTHING RETURNING "deliveryId"`;
    // Delivery ids older than the window can go: a delivery that old is refused by its timestamp.
    await tx.$executeRaw`DELETE FROM "JiraDelivery" WHERE "receivedAt" < ${new Date(now.getTime() - 2 * REPLAY_WINDOW_MS - 86_400_000)}`;
    if (!fresh.length)
      return {
        status: "ignored",
        reason: "replay",
        message: `Delivery ${deliveryId} was already received: ignored.`,
      } as const;
    if (event.webhookEvent !== "jira:issue_created")
      return {
        status: "ignored",
        reason: "event",
        message: `${event.webhookEvent} events are not used: send "Issue created".`,
      } as const;
    const linked = await tx.jiraIssueLink.findFirst({
      where: { issueKey: event.issue.key, review: { teamId: team.id } },
      select: { review: { select: { key: true } } },
    });
    if (linked)
      return {
        status: "ignored",
        reason: "exists",
        message: `${event.issue.key} already has review ${linked.review.key}.`,
      } as const;
    const review = await insertReview(tx, {
      teamId: team.id,
      service: event.issue.fields.summary,
      requestedAt: now,
      requestedById: null,
    });
    const issueUrl = browseUrl(
      event.issue.key,
      jiraSiteFrom(process.env)?.baseUrl ?? null,
      event.issue.self ?? null,
    );
    await tx.jiraIssueLink.create({
      data: { reviewId: review.id, issueKey: event.issue.key, issueUrl },
    });
    await tx.jiraDelivery.update({ where: { deliveryId }, data: { reviewId: review.id } });
    await audit(tx, {
      actorId: null,
      action: "request-from-jira",
      entity: "Review",
      entityId: review.id,
      orgId: team.orgId,
      after: { ...review, issueKey: event.issue.key, issueUrl, deliveryId },
    });
    await noticeRequested(tx, { id: 0, name: `Jira issue ${event.issue.key}` }, review, team);
    await queueJiraComment(tx, review, { event: "requested" });
    return { status: "created", review: review.key, issue: event.issue.key } as const;
  });
}
