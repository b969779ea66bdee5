import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditEntryForm } from "@/components/activity/edit-entry-form";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { latestLoggableDate } from "@/lib/activity-rules";
import { formatDate } from "@/lib/format";
import { ACTIVITY_TYPE } from "@/lib/vocabulary";
import { formatHours } from "@/lib/hours";
import { getOwnActivity, linkOptions } from "@/lib/server/activity/queries";
import { toHours } from "@/lib/hours";
import { isoDay } from "@/lib/period";

export const metadata: Metadata = { title: "Edit entry" };

export default async function EditEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("activity.log");
  const { id } = await params;
  if (!/^\d{1,18}$/.test(id)) notFound();
  const [entry, links] = await Promise.all([getOwnActivity(actor, BigInt(id)), linkOptions(actor)]);
  if (!entry) notFound();
  const link = entry.reviewId
    ? `review:${entry.reviewId}`
    : entry.threatModelId
      ? `threat-model:${entry.threatModelId}`
      : "";
  return (
    <>
      <PageHeader title="Edit entry" description="Edits keep the earlier versions." />
      <Card className="max-w-3xl">
        <EditEntryForm
          id={id}
          links={links}
          maxDate={latestLoggableDate(new Date())}
          defaults={{
            date: isoDay(entry.date),
            hours: String(toHours(entry.quarterHours)),
            type: entry.type,
            link,
            note: entry.note ?? "",
          }}
        />
      </Card>
      <Card className="mt-6 max-w-3xl">
        <CardTitle>History</CardTitle>
        <ol className="mt-2 space-y-1 text-sm">
          {entry.versions.map((v) => (
            <li key={v.version}>
              Version {v.version} · {formatDate(v.changedAt)}: {formatHours(v.quarterHours)}{" "}
              {ACTIVITY_TYPE.label(v.type).toLowerCase()} on {formatDate(v.date)}
              {v.note ? ` (“${v.note}”)` : ""}
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
