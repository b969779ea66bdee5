import "server-only";
import type { SessionActor } from "@/lib/auth/actor";
import { can, queryScope } from "@/lib/auth/permissions";
import { inTenant, tenantWhere } from "@/lib/auth/tenant";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { webhookUrlHint } from "@/lib/notifications/webhook-url";
import { CHANNEL_EVENT, CHAT_TOOL } from "@/lib/vocabulary";
import type { ChannelInput, ChannelTarget } from "@/lib/validations/chat-channel";
import { audit } from "@/lib/server/audit";
import { DomainError, FieldError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { enqueue } from "@/lib/server/jobs/queue";
import { deliverChannelPost, type PostResult } from "@/lib/server/notifications/channel-post";
import { sealWebhookUrl } from "./webhook-secret";
import { possessive } from "@/lib/possessive";

// A lead's Slack and Teams channels, one per organisation and tool (/program/channels). The URL
// is a secret: sealed before it is stored (./webhook-secret.ts), and nothing but its hint is
// ever read back, written to the audit log or shown.

type Tx = Prisma.TransactionClient;
const PERMISSION = "program.manage";

/** What the audit log keeps of a channel: never the URL, only its hint. */
const AUDITED = { id: true, orgId: true, tool: true, urlHint: true, events: true } as const;

/** The organisation, locked for the change (saves of one org's channels go one at a time). */
async function lockOrg(tx: Tx, actor: SessionActor, orgId: number) {
  if (!can(actor, PERMISSION)) throw new PermissionError();
  const scope = queryScope(actor, PERMISSION);
  const [org] = inTenant(scope, orgId)
    ? await tx.$queryRaw<{ id: number; name: string }[]>`
        SELECT id, name FROM "Org" WHERE id = ${orgId} FOR UPDATE`
    : [];
  if (!org) throw new NotFoundError("organisation");
  return org;
}

async function channelOf(tx: Tx, { orgId, tool }: ChannelTarget) {
  const channel = await tx.channelWebhook.findUnique({
    where: { orgId_tool: { orgId, tool } },
    select: AUDITED,
  });
  if (!channel) throw new NotFoundError("channel");
  return channel;
}

/** Sets a channel's URL (blank keeps the saved one) and events; creates it if new. */
export async function saveChannel(actor: SessionActor, input: ChannelInput) {
  return db.$transaction(async (tx) => {
    await lockOrg(tx, actor, input.orgId);
    const where = { orgId_tool: { orgId: input.orgId, tool: input.tool } };
    const before = await tx.channelWebhook.findUnique({ where, select: AUDITED });
    if (!before && !input.url)
      throw new FieldError("url", `Paste the ${CHAT_TOOL.label(input.tool)} webhook URL.`);
    const secret = input.url
      ? { urlEncrypted: sealWebhookUrl(input, input.url), urlHint: webhookUrlHint(input.url) }
      : {};
    const events = CHANNEL_EVENT.values.filter((e) => input.events.includes(e));
    const after = before
      ? await tx.channelWebhook.update({ where, data: { ...secret, events }, select: AUDITED })
      : await tx.channelWebhook.create({
          data: {
            orgId: input.orgId,
            tool: input.tool,
            events,
            ...(secret as Required<typeof secret>),
          },
          select: AUDITED,
        });
    await audit(tx, {
      actorId: actor.id,
      action: before ? "update" : "create",
      entity: "ChannelWebhook",
      entityId: after.id,
      orgId: input.orgId,
      before: before ?? undefined,
      after,
    });
    return { channel: after, created: !before, urlChanged: Boolean(input.url) };
  });
}

/** Removes a channel; its posts go with it (a queued one then finds nothing to post). */
export async function removeChannel(actor: SessionActor, target: ChannelTarget) {
  return db.$transaction(async (tx) => {
    await lockOrg(tx, actor, target.orgId);
    const before = await channelOf(tx, target);
    await tx.channelWebhook.delete({ where: { id: before.id } });
    await audit(tx, {
      actorId: actor.id,
      action: "delete",
      entity: "ChannelWebhook",
      entityId: before.id,
      orgId: target.orgId,
      before,
    });
    return before;
  });
}

/**
 * Posts a test message to a channel at once and answers how it went. The post and a fallback
 * job (due in a minute, for a post still waiting then) are written first, so a failure the tool
 * says to retry is retried with the others, and a server stopping mid-way loses nothing.
 */
export async function sendTestMessage(
  actor: SessionActor,
  target: ChannelTarget,
  opts: { timeoutMs?: number } = {},
): Promise<PostResult> {
  const postId = await db.$transaction(async (tx) => {
    const org = await lockOrg(tx, actor, target.orgId);
    const channel = await channelOf(tx, target);
    const events = channel.events.map((e) => CHANNEL_EVENT.label(e));
    const post = await tx.channelPost.create({
      data: {
        webhookId: channel.id,
        title: "Test message from Guardians",
        text:
          `${actor.name} checked that this channel receives ${possessive(org.name)} posts. ` +
          (events.length ? `It posts: ${events.join(", ")}.` : "No events are chosen yet."),
        link: `/program/channels?org=${org.id}`,
      },
      select: { id: true },
    });
    await enqueue(tx, [
      {
        name: "channel-post",
        data: { postId: post.id.toString(), onlyPending: true },
        startAfter: "60 seconds",
      },
    ]);
    return post.id;
  });
  return deliverChannelPost(postId, opts);
}

/** Queues a failed post again (a new run of retries). */
export async function retryPost(actor: SessionActor, postId: bigint) {
  if (!can(actor, PERMISSION)) throw new PermissionError();
  const scope = queryScope(actor, PERMISSION);
  return db.$transaction(async (tx) => {
    const post = await tx.channelPost.findFirst({
      where: { id: postId, ...tenantWhere(scope, "webhook.orgId") },
      select: { id: true, status: true, attempts: true, title: true, webhook: { select: AUDITED } },
    });
    if (!post) throw new NotFoundError("post");
    if (post.status !== "FAILED")
      throw new DomainError(
        post.status === "SENT" ? "That post was sent already." : "That post is still being tried.",
      );
    await tx.channelPost.update({ where: { id: post.id }, data: { status: "PENDING" } });
    await enqueue(tx, [
      { name: "channel-post", data: { postId: post.id.toString(), base: post.attempts } },
    ]);
    await audit(tx, {
      actorId: actor.id,
      action: "retry",
      entity: "ChannelPost",
      entityId: post.id,
      orgId: post.webhook.orgId,
      before: { status: post.status, attempts: post.attempts },
      after: { status: "PENDING" },
    });
    return post;
  });
}
