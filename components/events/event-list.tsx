import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import { formatDateTime } from "@/lib/format";
import { formatHours } from "@/lib/hours";
import { listEvents } from "@/lib/server/events/queries";
import { eventList } from "@/lib/url-state/lists";
import { EVENT_KIND } from "@/lib/vocabulary";
import { CancelledBadge, MyPlaceBadge } from "./event-badges";

const link = "text-brand-600 hover:underline dark:text-brand-100";

/** Upcoming or past events the actor may see, with places left and their own place. */
export async function EventList({
  actor,
  when,
  page,
  manage,
}: {
  actor: SessionActor;
  when: "upcoming" | "past";
  page: number;
  manage: boolean;
}) {
  const { events, total, pages } = await listEvents(actor, when, page);
  return (
    <>
      <DataTable
        caption={when === "upcoming" ? "Upcoming events" : "Past events"}
        columns={[
          {
            header: "Event",
            rowHeader: true,
            cell: (e) => (
              <span className="flex flex-wrap items-center gap-2">
                <Link className={link} href={`/events/${e.id}`}>
                  {e.title}
                </Link>
                <CancelledBadge phase={e.phase} />
                <MyPlaceBadge mine={e.mine} />
              </span>
            ),
          },
          { header: "Kind", cell: (e) => EVENT_KIND.label(e.kind) },
          { header: "Starts", cell: (e) => formatDateTime(e.startsAt) },
          // On a phone the event's page has these; the list keeps what tells events apart.
          {
            header: "Duration",
            align: "right",
            className: "hidden sm:table-cell",
            cell: (e) => formatHours(e.quarterHours),
          },
          {
            header: "For",
            className: "hidden sm:table-cell",
            cell: (e) => e.org?.name ?? "Everyone",
          },
          {
            header: when === "upcoming" ? "Places left" : "Registered",
            align: "right",
            cell: (e) => (when === "upcoming" ? `${e.placesLeft} of ${e.capacity}` : e.registered),
          },
        ]}
        rows={events}
        rowKey={(e) => e.id}
        empty={
          <EmptyState
            title={when === "upcoming" ? "No upcoming events" : "No past events"}
            action={
              manage && when === "upcoming"
                ? { href: "/events/new", label: "New event" }
                : undefined
            }
          >
            {when === "upcoming"
              ? manage
                ? "Plan a workshop, game day, challenge or contest for guardians and builders."
                : "Workshops, game days and contests open to you will show here."
              : "Events that have started show here, with who attended."}
          </EmptyState>
        }
      />
      <Pagination
        page={page}
        pages={pages}
        total={total}
        href={eventList.pageHref("/events", { filter: { when }, page })}
      />
    </>
  );
}
