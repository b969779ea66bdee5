"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { beltRuleAction } from "@/lib/server/belts/actions";
import { idle } from "@/lib/server/action-state";
import type { BeltCondition, BeltValidity } from "@/lib/validations/belt-rule";
import { ConditionList } from "./condition-list";

const input =
  "w-24 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/** A belt's rule: its conditions, how long an award lasts, and what renews it. */
export function RuleEditor({
  belt,
  initial,
  validity,
  courses,
}: {
  belt: string;
  initial: BeltCondition[];
  validity: BeltValidity;
  courses: { key: string; title: string }[];
}) {
  const [conditions, setConditions] = useState<BeltCondition[]>(initial);
  // A preview's answer is something to read, so this form shows its answers in place.
  const [renewal, setRenewal] = useState<BeltCondition[]>(validity.renewal);
  const [months, setMonths] = useState(validity.validityMonths?.toString() ?? "");
  const [state, action, pending] = useActionState(beltRuleAction, idle);
  const monthsId = `${belt}-validity`;
  const monthsError = state.fieldErrors?.validityMonths?.[0];
  return (
    <form action={action} className="space-y-3" aria-label={`${belt} belt rule`}>
      <input type="hidden" name="belt" value={belt} />
      <input type="hidden" name="conditions" value={JSON.stringify(conditions)} />
      <input type="hidden" name="renewal" value={JSON.stringify(renewal)} />
      <ConditionList
        idPrefix={belt}
        conditions={conditions}
        onChange={setConditions}
        courses={courses}
        empty="No conditions: every active guardian earns this belt."
      />
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium">Validity and renewal</legend>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor={monthsId}>Valid for (months; empty: never expires)</label>
          <input
            id={monthsId}
            name="validityMonths"
            inputMode="numeric"
            value={months}
            onChange={(e) => setMonths(e.target.value)}
            aria-invalid={monthsError ? true : undefined}
            aria-describedby={monthsError ? `${monthsId}-error` : undefined}
            className={input}
          />
          {monthsError ? (
            <span id={`${monthsId}-error`} className="text-red-700 dark:text-red-400">
              {monthsError}
            </span>
          ) : null}
        </div>
        {months.trim() !== "" ? (
          <ConditionList
            idPrefix={`${belt}-renewal`}
            conditions={renewal}
            onChange={setRenewal}
            courses={courses}
            empty="No renewal conditions: meeting the belt's rule again renews it."
            addLabel="Add renewal condition"
          />
        ) : null}
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Holders are reminded a month before expiry and may renew from then on; an expired belt
          stays in their history.
        </p>
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>
          Preview the change
        </Button>
        <Button type="submit" name="intent" value="save" disabled={pending}>
          {pending ? "Working…" : "Save rule"}
        </Button>
      </div>
      <FormMessage state={state} success />
      {state.fieldErrors ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {Object.entries(state.fieldErrors)
            .filter(([k]) => k !== "validityMonths")
            .flatMap(([, v]) => v)
            .join(" ")}
        </p>
      ) : null}
    </form>
  );
}
