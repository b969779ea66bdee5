import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newsletterPublished } from "@/lib/notifications/messages";
import { except } from "@/lib/server/notifications/audience";
import { postToChannels } from "@/lib/server/notifications/channels";
import { notify } from "@/lib/server/notifications/notify";

type Tx = Prisma.TransactionClient;

/**
 * Tells the recipients who have an account here (recipients are email addresses, matched
 * without case) and posts to the channels of the organisation and its parents that asked for it,
 * in the publication's transaction.
 */
export async function noticePublished(
  tx: Tx,
  publisher: { id: number },
  newsletter: { id: number; orgId: number; quarter: string; orgName: string },
  recipients: string[],
) {
  const users = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "User" WHERE lower(email) = ANY(${recipients.map((e) => e.toLowerCase())}::text[])`;
  const message = newsletterPublished({ org: newsletter.orgName, quarter: newsletter.quarter });
  const link = `/newsletters/${newsletter.id}`;
  const eventKey = `newsletter:${newsletter.id}:published`;
  await notify(tx, {
    kind: "NEWSLETTER_PUBLISHED",
    userIds: except(
      publisher.id,
      users.map((u) => u.id),
    ),
    ...message,
    link,
    eventKey,
  });
  await postToChannels(tx, {
    orgId: newsletter.orgId,
    event: "NEWSLETTER_PUBLISHED",
    eventKey,
    title: message.title,
    text: message.body,
    link,
  });
}
