import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RatingForm } from "@/components/feedback/rating-form";
import { FastTrackPanel } from "@/components/fast-track/review-panel";
import { FindingsCard } from "@/components/reviews/findings-card";
import { StartReviewForm } from "@/components/reviews/start-form";
import { FormRecordPicker } from "@/components/search/record-picker";
import { ActionForm, FormField, FormSelect } from "@/components/ui/action-form";
import { Card, CardTitle } from "@/components/ui/card";
import { SimpleForm } from "@/components/ui/simple-form";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { REVIEW_OUTCOME } from "@/lib/vocabulary";
import { formatHours } from "@/lib/hours";
import { isActiveOn } from "@/lib/active-guardian";
import {
  addParticipantAction,
  checklistAction,
  completeReviewAction,
  rateGuardianAction,
} from "@/lib/server/reviews/actions";
import { reviewFastTrack } from "@/lib/server/fast-track/queries";
import { getReview } from "@/lib/server/reviews/queries";
import { securityEngineers } from "@/lib/server/reviews/service";
import { isoDay } from "@/lib/period";
import { routeId } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Security review" };

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("review.read");
  const id = routeId((await params).id);
  const r = id ? await getReview(actor, id) : null;
  if (!r) notFound();
  const conduct = can(actor, "review.conduct", { orgId: r.team.orgId });
  const engineers = conduct && !r.startedAt ? await securityEngineers(actor) : [];
  const day = r.completedAt ?? new Date();
  const guardianIds = r.participants
    .filter((p) =>
      p.user.memberships.some(
        (m) =>
          m.teamId === r.teamId &&
          m.activeOn &&
          isActiveOn({ activeOn: m.activeOn, leftOn: m.leftOn }, day),
      ),
    )
    .map((p) => p.userId);
  const fastTrack = await reviewFastTrack(actor, {
    ...r,
    orgId: r.team.orgId,
    openFindings: r.findings.filter((f) => f.status === "OPEN").length,
  });
  const rating = new Map(r.feedback.map((f) => [f.guardianId, f]));
  const rid = { reviewId: String(r.id) };
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">
          <span className="font-mono text-base">{r.key}</span> {r.service}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {r.team.name} · requested {formatDate(r.requestedAt)}
          {r.startedAt ? ` · started ${formatDate(r.startedAt)}` : ""}
          {r.completedAt
            ? ` · completed ${formatDate(r.completedAt)} (${r.outcome ? REVIEW_OUTCOME.label(r.outcome) : ""})`
            : ""}
          {r.securityEngineer ? ` · engineer ${r.securityEngineer.name}` : ""}
          {r.effortQuarterHours != null ? ` · effort ${formatHours(r.effortQuarterHours)}` : ""}
        </p>
        <p className="mt-1 text-sm font-medium">
          {guardianIds.length ? "With a guardian" : "Without a guardian"}
        </p>
        {r.jiraLink ? (
          <p className="mt-1 text-sm">
            Requested from Jira:{" "}
            {/^https?:\/\//.test(r.jiraLink.issueUrl) ? (
              <a className="underline" href={r.jiraLink.issueUrl} rel="noreferrer">
                {r.jiraLink.issueKey}
              </a>
            ) : (
              r.jiraLink.issueKey
            )}
          </p>
        ) : null}
      </div>
      <FastTrackPanel reviewId={r.id} panel={fastTrack} />
      {conduct && !r.startedAt ? (
        <StartReviewForm
          reviewId={r.id}
          engineers={engineers}
          defaultEngineerId={actor.roles.includes("SECURITY_ENGINEER") ? actor.id : null}
        />
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>Participants</CardTitle>
          <ul className="mt-2 space-y-1 text-sm">
            {r.participants.map((p) => (
              <li key={p.userId}>
                {p.user.name}
                {guardianIds.includes(p.userId) ? " (guardian)" : ""}
                {p.effortQuarterHours != null ? ` · ${formatHours(p.effortQuarterHours)}` : ""}
              </li>
            ))}
            {r.participants.length === 0 ? <li>No one yet</li> : null}
          </ul>
          {conduct && !r.completedAt ? (
            <ActionForm
              action={addParticipantAction}
              label="Add a participant"
              submit="Add participant"
              className="mt-3"
              hidden={rid}
              resetOnSuccess
            >
              <FormRecordPicker
                type="person"
                submit="key"
                activeOnly
                label="Person"
                name="email"
                id="participant-email"
                required
                className="w-72"
              />
              <FormField
                label="Effort (hours)"
                name="effortHours"
                id="participant-effort"
                type="number"
                step="0.25"
                min="0"
                className="w-28"
              />
            </ActionForm>
          ) : null}
        </Card>
        <Card>
          <CardTitle>Runbook</CardTitle>
          <ul className="mt-2 space-y-1 text-sm">
            {r.checklist.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-2">
                <span>
                  {c.done ? "✓" : "○"} {c.label}
                  <span className="sr-only">{c.done ? " (done)" : " (to do)"}</span>
                </span>
                {conduct && !r.completedAt ? (
                  <SimpleForm
                    action={checklistAction}
                    label={`Mark ${c.label} ${c.done ? "not done" : "done"}`}
                    submit={c.done ? "Undo" : "Done"}
                    variant="secondary"
                  >
                    <input type="hidden" name="reviewId" value={rid.reviewId} />
                    <input type="hidden" name="itemId" value={c.id} />
                    <input type="hidden" name="done" value={String(!c.done)} />
                  </SimpleForm>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <FindingsCard
        reviewId={r.id}
        findings={r.findings}
        conduct={conduct}
        today={isoDay(new Date())}
      />
      {conduct && r.startedAt && !r.completedAt ? (
        <Card>
          <CardTitle>Complete the review</CardTitle>
          <ActionForm
            action={completeReviewAction}
            label="Complete the review"
            submit="Complete review"
            className="mt-3"
            hidden={rid}
            confirm={{
              title: `Complete ${r.key}?`,
              body: "The review is closed with this outcome and today's date, and the participants' belts are re-evaluated. A completed review cannot be reopened.",
              confirmLabel: "Complete the review",
            }}
          >
            <FormSelect
              label="Outcome"
              name="outcome"
              id="outcome"
              options={REVIEW_OUTCOME.options}
              placeholder="Choose…"
              required
            />
          </ActionForm>
        </Card>
      ) : null}
      {r.completedAt && guardianIds.length ? (
        <Card>
          <CardTitle>Feedback on guardians&apos; input</CardTitle>
          <ul className="mt-2 space-y-3 text-sm">
            {r.participants
              .filter((p) => guardianIds.includes(p.userId))
              .map((p) => {
                const saved = rating.get(p.userId);
                return (
                  <li key={p.userId}>
                    <p>
                      {p.user.name}:{" "}
                      {saved
                        ? `${saved.rating}/5${saved.comment ? ` “${saved.comment}”` : ""}`
                        : "not rated yet"}
                    </p>
                    {can(actor, "feedback.give") ? (
                      <RatingForm
                        action={rateGuardianAction}
                        hidden={{ ...rid, guardianId: String(p.userId) }}
                        who={p.user.name}
                        idPrefix={`review-${p.userId}`}
                        saved={saved}
                      />
                    ) : null}
                  </li>
                );
              })}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
