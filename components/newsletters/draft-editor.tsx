"use client";

import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { updateDraftAction } from "@/lib/server/newsletters/actions";
import { useFormAction } from "@/components/ui/use-form-action";

export function DraftEditor({
  id,
  intro,
  highlights,
}: {
  id: number;
  intro: string | null;
  highlights: string | null;
}) {
  const [state, action, pending] = useFormAction(updateDraftAction);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <TextArea
        label="Introduction"
        name="intro"
        rows={3}
        defaultValue={intro ?? ""}
        error={err("intro")}
        hint="Opens the newsletter. Blank lines separate paragraphs."
      />
      <TextArea
        label="Highlights"
        name="highlights"
        rows={3}
        defaultValue={highlights ?? ""}
        error={err("highlights")}
        hint="Shown in a box after the introduction."
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save draft"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
