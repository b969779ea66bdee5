"use client";

import { useState } from "react";
import { ActionForm, FormField, FormSelect } from "@/components/ui/action-form";
import { WORKING_HOURS_PER_MONTH } from "@/lib/agreed-time/rules";
import { recordTimeAgreementAction } from "@/lib/server/agreed-time/actions";

const BASIS = [
  { value: "hours", label: "Hours a month" },
  { value: "share", label: "Share of working time" },
];

/** A manager or lead records the time agreed with a guardian from a month on. */
export function AgreedTimeForm({
  userId,
  name,
  month,
  latestMonth,
}: {
  userId: number;
  name: string;
  /** The current month, "YYYY-MM": the default start. */
  month: string;
  latestMonth: string;
}) {
  const [basis, setBasis] = useState("hours");
  return (
    <ActionForm
      action={recordTimeAgreementAction}
      label={`Agree time with ${name}`}
      submit="Record agreed time"
      hidden={{ userId: String(userId) }}
      className="mt-3 grid gap-3 sm:grid-cols-3"
    >
      <FormSelect
        id="agreement-basis"
        label="Agreed as"
        name="basis"
        options={BASIS}
        value={basis}
        onChange={(e) => setBasis(e.target.value)}
      />
      {basis === "hours" ? (
        <FormField
          id="agreement-hours"
          label="Hours a month"
          name="hours"
          inputMode="decimal"
          hint="0 to 160; 0 ends the agreement"
          required
        />
      ) : (
        <FormField
          id="agreement-share"
          label="Share of working time (%)"
          name="sharePercent"
          inputMode="numeric"
          hint={`1 to 100 % of ${WORKING_HOURS_PER_MONTH} h a month`}
          required
        />
      )}
      <FormField
        id="agreement-from"
        label="From the month"
        name="effectiveFrom"
        type="month"
        min="2000-01"
        max={latestMonth}
        defaultValue={month}
        hint="Earlier agreements stay in the history"
        required
      />
      <FormField
        id="agreement-note"
        label="Note (optional)"
        name="note"
        maxLength={500}
        className="sm:col-span-3"
      />
    </ActionForm>
  );
}
