import { notFound, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/guards";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { openNotification } from "@/lib/server/notifications/inbox";
import { notificationIdSchema } from "@/lib/validations/notification";

export const dynamic = "force-dynamic";

// Opening a notification from the list (a plain link, never prefetched): marks it read and goes
// to its record. Someone else's notification, or none, is the app's 404 page.
export default async function OpenNotificationPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const actor = await requireActor();
  const parsed = notificationIdSchema.safeParse({ id: (await params).id });
  const link = parsed.success ? await openNotification(actor, parsed.data.id) : null;
  if (link === null) notFound();
  // Links are in-app paths (a database check says so); a path is still checked before use.
  redirect(safeCallbackPath(link));
}
