"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { updateProgramAction } from "@/lib/server/program/actions";
import { idle } from "@/lib/server/action-state";

export function ProgramForm({
  program,
}: {
  program: { name: string; vision: string; mission: string } | null;
}) {
  const [state, action, pending] = useActionState(updateProgramAction, idle);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form action={action} className="space-y-4">
      {state.message ? (
        <p
          role={state.status === "error" ? "alert" : "status"}
          className={
            state.status === "error"
              ? "text-sm text-red-700 dark:text-red-400"
              : "text-sm text-green-700 dark:text-green-400"
          }
        >
          {state.message}
        </p>
      ) : null}
      <Field
        label="Program name"
        name="name"
        defaultValue={program?.name}
        required
        maxLength={120}
        error={err("name")}
      />
      <TextArea
        label="Vision"
        name="vision"
        defaultValue={program?.vision}
        rows={3}
        required
        error={err("vision")}
      />
      <TextArea
        label="Mission"
        name="mission"
        defaultValue={program?.mission}
        rows={4}
        required
        error={err("mission")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save program"}
      </Button>
    </form>
  );
}
