"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { saveGoalAction } from "@/lib/server/program/actions";
import { useFormAction } from "@/components/ui/use-form-action";

type Goal = {
  id: number;
  title: string;
  metric: string;
  target: number;
  period: string;
  higherIsBetter: boolean;
};

export function GoalForm({
  goal,
  metrics,
}: {
  goal: Goal | null;
  metrics: { value: string; label: string }[];
}) {
  const [state, action, pending] = useFormAction(saveGoalAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok" && !goal) form.current?.reset();
  }, [state, goal]);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const p = goal ? `goal-${goal.id}-` : "goal-new-";
  return (
    <form
      ref={form}
      action={action}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
      aria-label={goal ? `Edit goal ${goal.title}` : "Add a goal"}
    >
      <input type="hidden" name="id" value={goal?.id ?? ""} />
      <Field
        label="Goal"
        name="title"
        id={`${p}title`}
        defaultValue={goal?.title}
        required
        error={err("title")}
        className="lg:col-span-2"
      />
      <Select
        label="Measured by"
        name="metric"
        id={`${p}metric`}
        defaultValue={goal?.metric ?? ""}
        placeholder="Choose…"
        options={metrics}
        required
        error={err("metric")}
      />
      <Field
        label="Target"
        name="target"
        id={`${p}target`}
        type="number"
        step="any"
        min={0}
        defaultValue={goal?.target}
        required
        error={err("target")}
      />
      <div className="grid grid-cols-2 gap-2">
        <Select
          label="Per"
          name="period"
          id={`${p}period`}
          defaultValue={goal?.period ?? "QUARTER"}
          options={[
            { value: "QUARTER", label: "Quarter" },
            { value: "YEAR", label: "Year" },
          ]}
        />
        <Select
          label="Better when"
          name="higherIsBetter"
          id={`${p}dir`}
          defaultValue={goal && !goal.higherIsBetter ? "lower" : "higher"}
          options={[
            { value: "higher", label: "Higher" },
            { value: "lower", label: "Lower" },
          ]}
        />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-5">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : goal ? "Save goal" : "Add goal"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
