import type { SessionActor } from "@/lib/auth/actor";
import { logger } from "@/lib/server/log";
import { unreadCount } from "@/lib/server/notifications/inbox";
import { BellLink } from "./bell-link";

/** The header's bell: the unread count, counted once per page view. */
export async function NotificationBell({ actor }: { actor: SessionActor }) {
  let unread: number | null = null;
  try {
    unread = await unreadCount(actor);
  } catch (err) {
    // The bell is not worth a failed page: it shows without a count.
    logger.warn({ err }, "unread notification count failed");
  }
  return <BellLink unread={unread} />;
}
