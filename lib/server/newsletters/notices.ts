import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newsletterPublished } from "@/lib/notifications/messages";
import { except, holdersOf } from "@/lib/server/notifications/audience";
import { postToChannels } from "@/lib/server/notifications/channels";
import { notify } from "@/lib/server/notifications/notify";

type Tx = Prisma.TransactionClient;

/**
 * Tells the recipients who have an account here and can open the newsletter in the app
 * (recipients are email addresses, matched without case; an address whose person may not read
 * newsletters still gets the newsletter's own email, not a link that answers 403), and posts to
 * the channels of the organisation and its parents that asked for it, in the publication's
 * transaction.
 */
export async function noticePublished(
  tx: Tx,
  publisher: { id: number },
  newsletter: { id: number; orgId: number; quarter: string; orgName: string },
  recipients: string[],
) {
  const users = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "User" WHERE lower(email) = ANY(${recipients.map((e) => e.toLowerCase())}::text[])`;
  const readers = new Set(await holdersOf(tx, "newsletter.read", newsletter.orgId));
  const message = newsletterPublished({ org: newsletter.orgName, quarter: newsletter.quarter });
  const link = `/newsletters/${newsletter.id}`;
  const eventKey = `newsletter:${newsletter.id}:published`;
  await notify(tx, {
    kind: "NEWSLETTER_PUBLISHED",
    userIds: except(
      publisher.id,
      users.map((u) => u.id).filter((id) => readers.has(id)),
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
