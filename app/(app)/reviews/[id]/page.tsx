import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardTitle } from "@/components/ui/card";
import { Field, Select, TextArea } from "@/components/ui/field";
import { SimpleForm } from "@/components/ui/simple-form";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { formatDate, humanize } from "@/lib/format";
import { formatHours } from "@/lib/hours";
import { isActiveOn } from "@/lib/metrics/guardians";
import { addFindingAction, addParticipantAction, checklistAction, completeReviewAction, findingStatusAction, rateGuardianAction, startReviewAction } from "@/lib/server/reviews/actions";
import { getReview } from "@/lib/server/reviews/queries";
import { FINDING_STATUSES, OUTCOMES, SEVERITIES } from "@/lib/validations/review";

export const metadata: Metadata = { title: "Security review" };

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: humanize(v) }));

function Hidden({ fields }: { fields: Record<string, string> }) {
  return <>{Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}</>;
}

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("review.read");
  const id = Number((await params).id);
  const r = Number.isInteger(id) && id > 0 ? await getReview(actor, id) : null;
  if (!r) notFound();
  const conduct = can(actor, "review.conduct", { orgId: r.team.orgId });
  const day = r.completedAt ?? new Date();
  const guardianIds = r.participants.filter((p) => p.user.memberships.some((m) => m.teamId === r.teamId && m.activeOn && isActiveOn({ activeOn: m.activeOn, leftOn: m.leftOn }, day))).map((p) => p.userId);
  const rating = new Map(r.feedback.map((f) => [f.guardianId, f]));
  const rid = { reviewId: String(r.id) };
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold"><span className="font-mono text-base">{r.key}</span> {r.service}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {r.team.name} · requested {formatDate(r.requestedAt)}{r.startedAt ? ` · started ${formatDate(r.startedAt)}` : ""}{r.completedAt ? ` · completed ${formatDate(r.completedAt)} (${humanize(r.outcome ?? "")})` : ""}
          {r.securityEngineer ? ` · engineer ${r.securityEngineer.name}` : ""}{r.effortQuarterHours != null ? ` · effort ${formatHours(r.effortQuarterHours)}` : ""}
        </p>
        <p className="mt-1 text-sm font-medium">{guardianIds.length ? "With a guardian" : "Without a guardian"}</p>
      </div>
      {conduct && !r.startedAt ? <SimpleForm action={startReviewAction} label="Start the review" submit="Start review (assign to me)"><Hidden fields={rid} /></SimpleForm> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>Participants</CardTitle>
          <ul className="mt-2 space-y-1 text-sm">
            {r.participants.map((p) => <li key={p.userId}>{p.user.name}{guardianIds.includes(p.userId) ? " (guardian)" : ""}{p.effortQuarterHours != null ? ` · ${formatHours(p.effortQuarterHours)}` : ""}</li>)}
            {r.participants.length === 0 ? <li>No one yet</li> : null}
          </ul>
          {conduct && !r.completedAt ? (
            <SimpleForm action={addParticipantAction} label="Add a participant" submit="Add participant" className="mt-3">
              <Hidden fields={rid} />
              <Field label="Email" name="email" id="participant-email" type="email" required className="w-56" />
              <Field label="Effort (hours)" name="effortHours" id="participant-effort" type="number" step="0.25" min="0" className="w-28" />
            </SimpleForm>
          ) : null}
        </Card>
        <Card>
          <CardTitle>Runbook</CardTitle>
          <ul className="mt-2 space-y-1 text-sm">
            {r.checklist.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-2">
                <span>{c.done ? "✓" : "○"} {c.label}<span className="sr-only">{c.done ? " (done)" : " (to do)"}</span></span>
                {conduct && !r.completedAt ? <SimpleForm action={checklistAction} label={`Mark ${c.label} ${c.done ? "not done" : "done"}`} submit={c.done ? "Undo" : "Done"} variant="secondary"><Hidden fields={{ ...rid, itemId: String(c.id), done: String(!c.done) }} /></SimpleForm> : null}
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <Card>
        <CardTitle>Findings</CardTitle>
        <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {r.findings.map((f) => (
            <li key={f.id} className="flex flex-wrap items-end justify-between gap-2 py-2">
              <span><span className="font-mono text-xs">{f.key}</span> {f.title} · <strong>{humanize(f.severity)}</strong> · {humanize(f.status)}{f.closedOn ? ` on ${formatDate(f.closedOn)}` : ""}</span>
              {conduct ? (
                <SimpleForm action={findingStatusAction} label={`Status of ${f.key}`} submit="Update" variant="secondary">
                  <Hidden fields={{ ...rid, findingId: String(f.id) }} />
                  <Select label="Status" name="status" id={`status-${f.id}`} defaultValue={f.status} options={options(FINDING_STATUSES)} />
                </SimpleForm>
              ) : null}
            </li>
          ))}
          {r.findings.length === 0 ? <li className="py-2">No findings</li> : null}
        </ul>
        {conduct ? (
          <SimpleForm action={addFindingAction} label="Record a finding" submit="Add finding" className="mt-3">
            <Hidden fields={rid} />
            <Field label="Finding" name="title" id="finding-title" required className="w-72" />
            <Select label="Severity" name="severity" id="finding-severity" options={options(SEVERITIES)} placeholder="Choose…" required />
          </SimpleForm>
        ) : null}
      </Card>
      {conduct && r.startedAt && !r.completedAt ? (
        <Card>
          <CardTitle>Complete the review</CardTitle>
          <SimpleForm action={completeReviewAction} label="Complete the review" submit="Complete review" className="mt-3">
            <Hidden fields={rid} />
            <Select label="Outcome" name="outcome" id="outcome" options={options(OUTCOMES)} placeholder="Choose…" required />
          </SimpleForm>
        </Card>
      ) : null}
      {r.completedAt && guardianIds.length ? (
        <Card>
          <CardTitle>Feedback on guardians&apos; input</CardTitle>
          <ul className="mt-2 space-y-3 text-sm">
            {r.participants.filter((p) => guardianIds.includes(p.userId)).map((p) => (
              <li key={p.userId}>
                <p>{p.user.name}: {rating.get(p.userId) ? `${rating.get(p.userId)!.rating}/5${rating.get(p.userId)!.comment ? ` “${rating.get(p.userId)!.comment}”` : ""}` : "not rated yet"}</p>
                {can(actor, "feedback.give") ? (
                  <SimpleForm action={rateGuardianAction} label={`Rate ${p.user.name}`} submit="Save rating" className="mt-1">
                    <Hidden fields={{ ...rid, guardianId: String(p.userId) }} />
                    <Select label="Rating" name="rating" id={`rating-${p.userId}`} options={["5", "4", "3", "2", "1"].map((v) => ({ value: v, label: v }))} defaultValue={String(rating.get(p.userId)?.rating ?? 4)} />
                    <TextArea label="Comment" name="comment" id={`comment-${p.userId}`} rows={1} className="w-72" />
                  </SimpleForm>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
