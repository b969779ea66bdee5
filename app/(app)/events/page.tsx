import type { Metadata } from "next";
import Link from "next/link";
import { EventList } from "@/components/events/event-list";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { SearchParams } from "@/lib/url-state/list-state";
import { eventList } from "@/lib/url-state/lists";

export const metadata: Metadata = { title: "Events" };

const tab = (current: boolean) =>
  cn(
    "rounded-md px-3 py-1.5 text-sm font-medium",
    current
      ? "bg-brand-600 text-white"
      : "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800",
  );

export default async function EventsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("event.attend");
  const { filter, page } = eventList.parse(await searchParams);
  const when = filter.when ?? "upcoming";
  const manage = can(actor, "event.manage");
  return (
    <>
      <PageHeader
        title="Events"
        description={
          manage
            ? "Workshops, game days, challenges and contests: plan them, then record who attended. " +
              "Attendance logs the hours and counts toward belts."
            : "Workshops, game days, challenges and contests open to you. Attending logs the " +
              "hours for you and counts toward belts. Times are UTC."
        }
        actions={
          manage ? (
            <Link href="/events/new" className={buttonClass()}>
              New event
            </Link>
          ) : undefined
        }
      />
      <nav aria-label="Events" className="mb-4 flex gap-2">
        {(["upcoming", "past"] as const).map((w) => (
          <Link
            key={w}
            href={eventList.href("/events", { filter: { when: w === "upcoming" ? undefined : w } })}
            aria-current={when === w ? "page" : undefined}
            className={tab(when === w)}
          >
            {w === "upcoming" ? "Upcoming" : "Past"}
          </Link>
        ))}
      </nav>
      <EventList actor={actor} when={when} page={page} manage={manage} />
    </>
  );
}
