import { apiRoute } from "@/lib/server/api-route";
import { unreadCount } from "@/lib/server/notifications/inbox";

// The bell's count after a navigation inside the app (the header is not rendered again then).
export const GET = apiRoute({ permission: "signed-in" }, async ({ actor }) => ({
  unread: await unreadCount(actor),
}));
