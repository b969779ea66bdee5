import type { Metadata } from "next";
import { NotificationList } from "@/components/notifications/notification-list";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";
import { StreamedPart } from "@/components/ui/streamed-part";
import { requireActor } from "@/lib/auth/guards";
import type { SearchParams } from "@/lib/url-state/list-state";
import { pagedList } from "@/lib/url-state/lists";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  // Everyone has notifications of their own: no permission beyond being signed in.
  const actor = await requireActor();
  const { page } = pagedList.parse(await searchParams);
  return (
    // The header gives the unread count, so it loads with the list.
    <StreamedPart
      what="Your notifications"
      key={page}
      fallback={<ListPageSkeleton label="Loading notifications…" filters={0} />}
    >
      <NotificationList actor={actor} page={page} />
    </StreamedPart>
  );
}
