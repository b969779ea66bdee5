"use client";

import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { generateAllAction, generateDraftAction } from "@/lib/server/newsletters/actions";
import { useFormAction } from "@/components/ui/use-form-action";

type Option = { value: string; label: string };

export function GenerateForms({
  orgs,
  quarters,
  lastQuarter,
}: {
  orgs: Option[];
  quarters: Option[];
  lastQuarter: string;
}) {
  const [one, runOne, pendingOne] = useFormAction(generateDraftAction);
  const [all, runAll, pendingAll] = useFormAction(generateAllAction);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        action={runOne}
        className="flex flex-wrap items-end gap-3"
        aria-label="Generate one draft"
      >
        <Select
          label="Organisation"
          name="orgId"
          id="gen-org"
          options={orgs}
          placeholder="Choose…"
          required
          error={one.fieldErrors?.orgId?.[0]}
        />
        <Select
          label="Quarter"
          name="quarter"
          id="gen-quarter"
          options={quarters}
          defaultValue={lastQuarter}
        />
        <Button type="submit" disabled={pendingOne}>
          {pendingOne ? "Generating…" : "Generate draft"}
        </Button>
        <FormMessage state={one} />
      </form>
      <form
        action={runAll}
        className="flex flex-wrap items-end gap-3"
        aria-label="Generate drafts for every organisation"
      >
        <Select
          label="Quarter"
          name="quarter"
          id="gen-all-quarter"
          options={quarters}
          defaultValue={lastQuarter}
        />
        <Button type="submit" variant="secondary" disabled={pendingAll}>
          {pendingAll ? "Generating…" : "Generate drafts for every organisation"}
        </Button>
        <FormMessage state={all} />
      </form>
    </div>
  );
}
