"use client";

import {
  ActionForm,
  FormCheckbox,
  FormSelect,
  FormTextArea,
  type Confirmation,
} from "@/components/ui/action-form";
import { decideAction } from "@/lib/server/threat-models/actions";

/**
 * An engineer's decision. Approving is irreversible (the model becomes read-only; with
 * "accept", its undocumented threats are marked accepted), so it asks first; sending back
 * does not. An approval the server will refuse (undocumented, not accepted) goes straight through.
 */
export function DecisionForm({
  threatModelId,
  modelKey,
  undocumented,
}: {
  threatModelId: number;
  modelKey: string;
  undocumented: number;
}) {
  const confirm = (data: FormData): Confirmation | null => {
    if (data.get("decision") !== "approve") return null;
    const accept = data.get("acceptUndocumented") === "on";
    if (undocumented && !accept) return null;
    const accepted =
      accept && undocumented
        ? ` Its ${undocumented} threat${undocumented === 1 ? "" : "s"} without a documented mitigation will be marked accepted.`
        : "";
    return {
      title: `Approve ${modelKey}?`,
      body: `An approved threat model is final: its threats can no longer be edited.${accepted} This cannot be undone.`,
      confirmLabel: "Approve threat model",
    };
  };
  return (
    <ActionForm
      action={decideAction}
      label="Decide on the threat model"
      submit="Record decision"
      className="mt-3"
      hidden={{ threatModelId: String(threatModelId) }}
      confirm={confirm}
    >
      <FormSelect
        label="Decision"
        name="decision"
        id="decision"
        options={[
          { value: "approve", label: "Approve" },
          { value: "return", label: "Send back to draft" },
        ]}
      />
      <FormTextArea
        label="Comment"
        name="comment"
        id="decision-comment"
        rows={1}
        maxLength={2000}
        className="w-64"
      />
      {undocumented ? (
        <FormCheckbox
          label={`Accept undocumented threats (${undocumented})`}
          name="acceptUndocumented"
          id="decision-accept"
        />
      ) : null}
    </ActionForm>
  );
}
