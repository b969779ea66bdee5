"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { RecordPicker } from "@/components/search/record-picker";
import { TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { nominateAction } from "@/lib/server/nominations/actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function NominateForm({ teamId, teamName }: { teamId: number; teamName: string }) {
  const [state, action, pending] = useFormAction(nominateAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok") form.current?.reset();
  }, [state]);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form
      ref={form}
      action={action}
      className="space-y-3"
      aria-label={`Nominate a guardian for ${teamName}`}
    >
      <input type="hidden" name="teamId" value={teamId} />
      <RecordPicker
        type="person"
        submit="key"
        activeOnly
        label="Person you nominate"
        name="email"
        id="nominee"
        required
        error={err("email")}
        hint="Someone who works in this team's organisation"
      />
      <TextArea
        label="Why this person?"
        name="reason"
        rows={2}
        required
        minLength={10}
        maxLength={1000}
        error={err("reason")}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Nominate"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
