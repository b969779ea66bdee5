import type { Metadata } from "next";
import { EventForm } from "@/components/events/event-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { addUtcDays, isoDay, todayUtc } from "@/lib/period";
import { orgTree } from "@/lib/server/org-tree";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  await requirePermission("event.manage");
  const orgs = await orgTree();
  return (
    <>
      <PageHeader
        title="New event"
        description="People in its audience can register as soon as it is created, until it starts."
      />
      <Card className="max-w-3xl">
        <EventForm
          event={{
            id: null,
            kind: "WORKSHOP",
            title: "",
            description: "",
            date: isoDay(addUtcDays(todayUtc(), 14)),
            time: "14:00",
            hours: "2",
            capacity: "20",
            orgId: "",
          }}
          orgs={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
        />
      </Card>
    </>
  );
}
