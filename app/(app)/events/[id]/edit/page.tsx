import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/events/event-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { toHours } from "@/lib/hours";
import { isoDay } from "@/lib/period";
import { NotFoundError } from "@/lib/server/errors";
import { eventForActor } from "@/lib/server/events/queries";
import { orgTree } from "@/lib/server/org-tree";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Edit event" };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("event.manage");
  const id = routeId((await params).id);
  if (!id) notFound();
  const event = await eventForActor(actor, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const orgs = await orgTree();
  return (
    <>
      <PageHeader title={`Edit ${event.title}`} />
      <Card className="max-w-3xl">
        {event.phase === "upcoming" ? (
          <EventForm
            event={{
              id: event.id,
              kind: event.kind,
              title: event.title,
              description: event.description,
              date: isoDay(event.startsAt),
              time: event.startsAt.toISOString().slice(11, 16),
              hours: String(toHours(event.quarterHours)),
              capacity: String(event.capacity),
              orgId: event.orgId === null ? "" : String(event.orgId),
            }}
            orgs={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
          />
        ) : (
          <EmptyState
            title={
              event.phase === "cancelled" ? "This event was cancelled" : "This event has started"
            }
            action={{ href: `/events/${event.id}`, label: "Back to the event" }}
          >
            An event can be changed only before it starts.
          </EmptyState>
        )}
      </Card>
    </>
  );
}
