"use client";

import { ActionForm, FormCheckbox, FormSelect, FormTextArea } from "@/components/ui/action-form";
import { SPOT_CHECK_OUTCOME } from "@/lib/vocabulary";
import { spotCheckAction } from "@/lib/server/fast-track/actions";

/** A security engineer's spot check; failing it asks first (it sends the review back). */
export function SpotCheckForm({ reviewId }: { reviewId: number }) {
  return (
    <ActionForm
      action={spotCheckAction}
      label="Spot check"
      submit="Record spot check"
      className="mt-3"
      hidden={{ reviewId: String(reviewId) }}
      confirm={(data) =>
        data.get("outcome") === "FAILED"
          ? {
              title: "Fail the spot check?",
              body: "The review goes back to the queue for a security engineer (no longer completed). With “suspend”, the guardian cannot fast-track until a lead lifts it.",
              confirmLabel: "Fail and send back",
            }
          : null
      }
    >
      <FormSelect
        label="Outcome"
        name="outcome"
        id="spot-check-outcome"
        options={SPOT_CHECK_OUTCOME.options}
        placeholder="Choose…"
        required
      />
      <FormTextArea
        label="Note"
        name="note"
        id="spot-check-note"
        rows={2}
        hint="Required when it fails: what the fast track missed"
        className="w-full sm:w-96"
      />
      <FormCheckbox
        label="Suspend the guardian's fast track (when it fails)"
        name="suspend"
        id="spot-check-suspend"
      />
    </ActionForm>
  );
}
