"use client";

import { Button } from "@/components/ui/button";
import { Field, Select, TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { giveRecognitionAction } from "@/lib/server/recognition/actions";
import { RECOGNITION_KIND } from "@/lib/vocabulary";
import { useFormAction } from "@/components/ui/use-form-action";

export function RecognitionForm({ recipientId, name }: { recipientId: number; name: string }) {
  const [state, action, pending] = useFormAction(giveRecognitionAction);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form
      action={action}
      noValidate
      className="grid gap-3 sm:grid-cols-2"
      aria-label={`Recognise ${name}`}
    >
      <input type="hidden" name="recipientId" value={recipientId} />
      <Select
        label="Kind"
        name="kind"
        defaultValue="KUDOS"
        // Kudos, the everyday kind, comes first.
        options={[...RECOGNITION_KIND.options].reverse()}
        error={err("kind")}
      />
      <Field
        label="Title"
        name="title"
        required
        placeholder="e.g. Threat model of the quarter"
        error={err("title")}
      />
      <TextArea
        label="What they did"
        name="reason"
        rows={2}
        required
        error={err("reason")}
        className="sm:col-span-2"
      />
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Recognise"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
