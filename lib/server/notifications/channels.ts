import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChannelEvent } from "@/lib/generated/prisma/enums";
import { enqueue } from "@/lib/server/jobs/queue";

type Tx = Prisma.TransactionClient;

export type ChannelMessage = {
  /** The organisation the event belongs to (a team's org, a newsletter's org). */
  orgId: number;
  event: ChannelEvent;
  /** Identifies the event: a channel gets one post per event. */
  eventKey: string;
  title: string;
  text: string;
  /** A path in the app; the post links to it. */
  link: string;
};

/**
 * Queues a post to the Slack and Teams channels that asked for this kind of event: those of the
 * event's organisation and of every organisation above it (a parent org's channel hears about
 * its sub-orgs). Written in the caller's transaction, like notify(): no post for a change that
 * rolls back, and none twice for the same event. Returns how many posts were queued.
 */
export async function postToChannels(tx: Tx, m: ChannelMessage): Promise<number> {
  const posts = await tx.$queryRaw<{ id: bigint }[]>`
    WITH RECURSIVE up AS (
      SELECT id, "parentId" FROM "Org" WHERE id = ${m.orgId}
      UNION SELECT o.id, o."parentId" FROM "Org" o JOIN up ON o.id = up."parentId"
    )
    INSERT INTO "ChannelPost" ("webhookId", event, "eventKey", title, text, link)
    SELECT w.id, ${m.event}::"ChannelEvent", ${m.eventKey}, ${m.title}, ${m.text}, ${m.link}
    FROM "ChannelWebhook" w JOIN up ON up.id = w."orgId"
    WHERE ${m.event}::"ChannelEvent" = ANY(w.events)
    ON CONFLICT ("webhookId", "eventKey") DO NOTHING
    RETURNING id`;
  await enqueue(
    tx,
    posts.map((p) => ({ name: "channel-post" as const, data: { postId: p.id.toString() } })),
  );
  return posts.length;
}
