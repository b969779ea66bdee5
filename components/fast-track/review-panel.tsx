import { ActionForm, FormSelect } from "@/components/ui/action-form";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { SPOT_CHECK_OUTCOME } from "@/lib/vocabulary";
import { fastTrackReviewAction } from "@/lib/server/fast-track/actions";
import type { reviewFastTrack } from "@/lib/server/fast-track/queries";
import { SpotCheckForm } from "./spot-check-form";

type Panel = Awaited<ReturnType<typeof reviewFastTrack>>;
type Answer = { question: string; lowRisk: boolean };

const ANSWERS = [
  { value: "low-risk", label: "Low risk" },
  { value: "not-low-risk", label: "Not low risk" },
];

/** The review page's fast-track card: the record and its spot check, or a guardian's checklist. */
export function FastTrackPanel({ reviewId, panel }: { reviewId: number; panel: Panel }) {
  const { record, offer, canSpotCheck } = panel;
  if (!record && !offer) return null;
  const rid = { reviewId: String(reviewId) };
  return (
    <Card aria-labelledby="fast-track-title">
      <CardTitle>
        <span id="fast-track-title">Fast track</span>
      </CardTitle>
      {record ? (
        <div className="mt-2 space-y-2 text-sm">
          <p>
            Approved through the fast track by {record.guardian.name} on{" "}
            {formatDate(record.approvedAt)}.{" "}
            {record.sampled
              ? `Drawn for a spot check (${record.spotCheckPercent} % of fast-tracked reviews).`
              : `Not drawn for a spot check (${record.spotCheckPercent} % are).`}
          </p>
          <ul className="list-disc pl-5">
            {(record.answers as Answer[]).map((a) => (
              <li key={a.question}>
                {a.question}: {a.lowRisk ? "low risk" : "not low risk"}
              </li>
            ))}
          </ul>
          {record.spotCheckOutcome ? (
            <p>
              Spot check{" "}
              <strong>{SPOT_CHECK_OUTCOME.label(record.spotCheckOutcome).toLowerCase()}</strong>
              {record.spotCheckedBy ? ` by ${record.spotCheckedBy.name}` : ""}
              {record.spotCheckedAt ? ` on ${formatDate(record.spotCheckedAt)}` : ""}
              {record.spotCheckNote ? `: “${record.spotCheckNote}”` : "."}
              {record.spotCheckOutcome === "FAILED"
                ? " The review went back to the queue for a security engineer."
                : ""}
            </p>
          ) : record.sampled ? (
            <p>Waiting for a security engineer&apos;s spot check.</p>
          ) : null}
        </div>
      ) : null}
      {canSpotCheck ? <SpotCheckForm reviewId={reviewId} /> : null}
      {offer ? (
        offer.refusal ? (
          <p className="mt-2 text-sm">{offer.refusal}</p>
        ) : (
          <ActionForm
            action={fastTrackReviewAction}
            label="Fast-track this review"
            submit="Approve through the fast track"
            className="mt-3"
            hidden={rid}
            confirm={{
              title: "Approve through the fast track?",
              body: "The review completes now as approved, under your name, without a security engineer. A share of fast-tracked reviews is spot-checked; a failed check sends it back.",
              confirmLabel: "Approve",
            }}
          >
            <p className="w-full text-sm text-slate-600 dark:text-slate-400">
              Your team&apos;s policy lets you approve a low-risk review yourself. Answer each
              question; every answer must be “low risk”.
            </p>
            {offer.questions.map((q, i) => (
              <FormSelect
                key={q}
                label={q}
                name={`q${i}`}
                id={`fast-track-q${i}`}
                options={ANSWERS}
                placeholder="Choose…"
                required
                className="w-full"
              />
            ))}
          </ActionForm>
        )
      ) : null}
    </Card>
  );
}
