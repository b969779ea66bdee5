"use client";

import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { updateProgramAction } from "@/lib/server/program/actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function ProgramForm({
  program,
}: {
  program: { name: string; vision: string; mission: string } | null;
}) {
  const [state, action, pending] = useFormAction(updateProgramAction);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
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
