import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttendanceForm } from "@/components/events/attendance-form";
import { CancelledBadge, MyPlaceBadge } from "@/components/events/event-badges";
import {
  CancelEventButton,
  RegisterButton,
  UnregisterButton,
} from "@/components/events/event-buttons";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { attendanceProblem, fullMessage } from "@/lib/events/rules";
import { formatDateTime, plural } from "@/lib/format";
import { formatHours } from "@/lib/hours";
import { NotFoundError } from "@/lib/server/errors";
import { eventForActor } from "@/lib/server/events/queries";
import { routeId } from "@/lib/validations/fields";
import { EVENT_KIND } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Event" };

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("event.attend");
  const id = routeId((await params).id);
  if (!id) notFound();
  // An event for another organisation answers 404, like a missing one.
  const event = await eventForActor(actor, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const upcoming = event.phase === "upcoming";
  const attendanceOpen = event.manage && attendanceProblem(event, new Date()) === null;
  return (
    <>
      <PageHeader
        title={event.title}
        description={`${EVENT_KIND.label(event.kind)} · ${formatDateTime(event.startsAt)} · ${formatHours(event.quarterHours)}`}
        actions={
          event.manage && upcoming ? (
            <>
              <Link href={`/events/${event.id}/edit`} className={buttonClass("secondary")}>
                Edit
              </Link>
              <CancelEventButton eventId={event.id} title={event.title} />
            </>
          ) : undefined
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <div className="mb-3 flex flex-wrap items-center gap-2">
            <CancelledBadge phase={event.phase} />
            <MyPlaceBadge mine={event.mine} />
          </div>
          {event.description ? (
            <p className="whitespace-pre-line break-words text-sm">{event.description}</p>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">No description.</p>
          )}
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600 dark:text-slate-400">For</dt>
            <dd>{event.org ? `${event.org.name} and its sub-organisations` : "Everyone"}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Places</dt>
            <dd>
              {upcoming
                ? `${event.placesLeft} of ${event.capacity} left`
                : `${plural(event.registered, "person", "people")} registered of ${event.capacity}`}
            </dd>
            <dt className="text-slate-600 dark:text-slate-400">Organised by</dt>
            <dd>{event.createdBy.name}</dd>
          </dl>
        </Card>
        <Card>
          <CardTitle>Your place</CardTitle>
          <YourPlace event={event} />
        </Card>
      </div>
      {event.people ? (
        <Card className="mt-4">
          <CardTitle>{attendanceOpen ? "Attendance" : "Registered"}</CardTitle>
          {event.people.length === 0 ? (
            <EmptyState title="No one has registered yet">
              {upcoming
                ? "People in the audience see it under Events."
                : "No attendance to record."}
            </EmptyState>
          ) : attendanceOpen ? (
            <AttendanceForm
              eventId={event.id}
              contest={event.kind === "CONTEST"}
              people={event.people}
            />
          ) : (
            <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-700">
              {event.people.map((p) => (
                <li key={p.id} className="break-words py-2">
                  {p.user.name}{" "}
                  <span className="text-slate-500 dark:text-slate-400">({p.user.email})</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </>
  );
}

type Shown = Awaited<ReturnType<typeof eventForActor>>;

/** Register, give up the place, or why neither is possible. */
function YourPlace({ event }: { event: Shown }) {
  const text = "text-sm text-slate-600 dark:text-slate-400";
  if (event.phase === "cancelled") return <p className={text}>This event was cancelled.</p>;
  if (event.phase === "started")
    return (
      <p className={text}>
        {event.mine?.attended
          ? `You attended: ${formatHours(event.quarterHours)} of training are in your hours.`
          : event.mine
            ? "You were registered. Attendance is recorded by the organiser."
            : "Registration closed when the event started."}
      </p>
    );
  if (!event.canRegister)
    return <p className={text}>This event is for {event.org?.name ?? "another organisation"}.</p>;
  if (event.mine)
    return (
      <div className="space-y-3">
        <p className={text}>You are registered. Give up your place if you cannot come.</p>
        <UnregisterButton eventId={event.id} title={event.title} />
      </div>
    );
  if (event.placesLeft === 0) return <p className={text}>{fullMessage(event.capacity)}</p>;
  return (
    <div className="space-y-3">
      <p className={text}>{plural(event.placesLeft, "place")} left.</p>
      <RegisterButton eventId={event.id} title={event.title} />
    </div>
  );
}
