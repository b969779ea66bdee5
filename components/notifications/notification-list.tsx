import Link from "next/link";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDateTime, timeAgo } from "@/lib/format";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { listNotifications, unreadCount } from "@/lib/server/notifications/inbox";
import { pagedList } from "@/lib/url-state/lists";
import { MarkAllReadButton, MarkReadButton } from "./read-buttons";

const link = "text-sm text-brand-600 hover:underline dark:text-brand-100";

/** The person's notifications, one page, newest first, under a header with the unread count. */
export async function NotificationList({ actor, page }: { actor: SessionActor; page: number }) {
  const [{ rows, total, pages, newestId }, unread] = await Promise.all([
    listNotifications(actor, page),
    unreadCount(actor),
  ]);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          total === 0
            ? "What happens in the program that concerns you."
            : `${unread === 0 ? "No" : unread > 99 ? "More than 99" : unread} unread.`
        }
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link href="/notifications/preferences" className={link}>
              Email preferences
            </Link>
            {newestId !== null ? (
              <MarkAllReadButton upTo={newestId.toString()} unread={unread} />
            ) : null}
          </div>
        }
      />
      <Card className="overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState
            title={page > 1 ? "No notifications on this page" : "No notifications yet"}
            action={
              page > 1
                ? { href: "/notifications", label: "Back to the newest" }
                : {
                    href: "/notifications/preferences",
                    label: "Choose which ones you get by email",
                  }
            }
          >
            You are told here when something concerns you: a nomination to decide or decided, a
            review assigned to you, a threat model approved, a belt or kudos for you.
          </EmptyState>
        ) : (
          <ul
            className="-mt-4 divide-y divide-slate-100 dark:divide-slate-800"
            aria-label="Notifications"
          >
            {rows.map((n) => {
              const isUnread = n.readAt === null;
              return (
                <li
                  key={n.id.toString()}
                  className={cn(
                    "-mx-4 flex gap-3 px-4 py-3",
                    isUnread && "bg-brand-50/70 dark:bg-slate-800/60",
                  )}
                >
                  <span
                    aria-hidden
                    className={cn(
                      "mt-1.5 h-2 w-2 shrink-0 rounded-full",
                      isUnread ? "bg-brand-600" : "bg-transparent",
                    )}
                  />
                  <div className="min-w-0 flex-1">
                    <p className="text-xs text-slate-600 dark:text-slate-400">
                      {NOTIFICATION_KINDS[n.kind].label} ·{" "}
                      <time
                        dateTime={n.createdAt.toISOString()}
                        title={formatDateTime(n.createdAt)}
                      >
                        {timeAgo(n.createdAt, now)}
                      </time>
                      <span className="hidden sm:inline"> ({formatDateTime(n.createdAt)})</span>
                    </p>
                    <p className={cn("mt-0.5", isUnread ? "font-semibold" : "font-medium")}>
                      {isUnread ? <span className="sr-only">Unread: </span> : null}
                      {/* A full page load: opening marks it read, and the bell counts again. */}
                      <a
                        href={`/notifications/${n.id}/open`}
                        className="text-slate-900 hover:underline dark:text-slate-100"
                      >
                        {n.title}
                      </a>
                    </p>
                    {n.body ? (
                      <p className="mt-0.5 line-clamp-2 text-sm text-slate-600 dark:text-slate-400">
                        {n.body}
                      </p>
                    ) : null}
                  </div>
                  {isUnread ? <MarkReadButton id={n.id.toString()} title={n.title} /> : null}
                </li>
              );
            })}
          </ul>
        )}
        <Pagination
          page={page}
          pages={pages}
          total={total}
          href={pagedList.pageHref("/notifications", { page })}
        />
      </Card>
    </>
  );
}
