"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { bellBadge, bellLabel } from "@/lib/notifications/bell";
import { cn } from "@/components/ui/cn";

// Reading notifications on the page (mark one or all read) tells the bell to count again: an
// action's answer renders the page anew, but not the layout around it.
const READ_EVENT = "guardians:notifications-read";

export function announceNotificationsRead() {
  window.dispatchEvent(new Event(READ_EVENT));
}

/** Asks the server for the unread count (one indexed count), or null when it cannot. */
async function fetchUnread(signal: AbortSignal): Promise<number | null> {
  try {
    const response = await fetch("/api/notifications/unread", { signal, cache: "no-store" });
    if (!response.ok) return null;
    const { unread } = (await response.json()) as { unread: unknown };
    return typeof unread === "number" ? unread : null;
  } catch {
    return null; // aborted, or offline: keep what is shown
  }
}

/**
 * The bell with its badge. The layout renders it once per full page load; a navigation inside
 * the app keeps the layout, so the count is asked for again then, when the tab comes back into
 * view, and when notifications are read on the page.
 */
export function BellLink({ unread }: { unread: number | null }) {
  const [shown, setShown] = useState(unread);
  const [rendered, setRendered] = useState(unread);
  if (unread !== rendered) {
    // The server rendered the header again: its count is the latest.
    setRendered(unread);
    setShown(unread);
  }
  const pathname = usePathname();
  const mounted = useRef(false);
  useEffect(() => {
    const controller = new AbortController();
    const refresh = () =>
      void fetchUnread(controller.signal).then((n) => {
        if (n !== null) setShown(n);
      });
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    if (mounted.current) refresh();
    mounted.current = true;
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener(READ_EVENT, refresh);
    return () => {
      controller.abort();
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener(READ_EVENT, refresh);
    };
  }, [pathname]);
  const badge = bellBadge(shown);
  return (
    <Link
      href="/notifications"
      aria-label={bellLabel(shown)}
      title="Notifications"
      className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <Bell aria-hidden className="h-4 w-4" />
      {badge ? (
        <span
          aria-hidden
          className={cn(
            "absolute -right-1 -top-1 min-w-[1.125rem] rounded-full bg-red-600 px-1 text-center text-[0.65rem] font-semibold leading-[1.125rem] text-white",
            badge === "99+" && "px-0.5",
          )}
        >
          {badge}
        </span>
      ) : null}
    </Link>
  );
}
