"use client";

import { useState } from "react";
import { FormField, FormSelect } from "@/components/ui/action-form";
import { closesFinding } from "@/lib/findings/closing";
import { FINDING_STATUS, type FindingStatus } from "@/lib/vocabulary";

/**
 * A finding's new status, and its closing date only when that status closes it
 * (lib/findings/closing.ts): the date appears, set to today, when a closing status is chosen,
 * and leaves the form (so it is not sent) when the finding is set back to open.
 */
export function FindingStatusFields({
  id,
  status,
  openedOn,
  closedOn,
  today,
}: {
  id: number;
  status: FindingStatus;
  openedOn: string;
  closedOn: string | null;
  today: string;
}) {
  const [chosen, setChosen] = useState<FindingStatus>(status);
  return (
    <>
      <FormSelect
        label="Status"
        name="status"
        id={`status-${id}`}
        value={chosen}
        onChange={(e) => setChosen(e.target.value as FindingStatus)}
        options={FINDING_STATUS.options}
      />
      {closesFinding(chosen) ? (
        <FormField
          label="Closed on"
          name="closedOn"
          id={`closed-${id}`}
          type="date"
          min={openedOn}
          max={today}
          defaultValue={closedOn ?? today}
          required
        />
      ) : null}
    </>
  );
}
