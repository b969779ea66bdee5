"use client";

import Link from "next/link";

import { Button, buttonClass } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { saveOrgAction } from "@/lib/server/directory/actions";
import { useFormAction } from "@/components/ui/use-form-action";

type Org = {
  id: number;
  name: string;
  parentId: number | null;
  leaderEmail: string | null;
  recipients: string[];
};

export function OrgForm({
  org,
  parents,
}: {
  org: Org | null;
  parents: { id: number; name: string }[];
}) {
  const [state, action, pending] = useFormAction(saveOrgAction);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="id" value={org?.id ?? ""} />
      <Field
        label="Organisation name"
        name="name"
        defaultValue={org?.name}
        required
        error={err("name")}
      />
      <Select
        label="Part of"
        name="parentId"
        defaultValue={org?.parentId ? String(org.parentId) : ""}
        placeholder="Top level"
        options={parents
          .filter((p) => p.id !== org?.id)
          .map((p) => ({ value: String(p.id), label: p.name }))}
        error={err("parentId")}
      />
      <Field
        label="Senior leader's email"
        name="leaderEmail"
        type="email"
        defaultValue={org?.leaderEmail ?? ""}
        error={err("leaderEmail")}
        hint="Receives the quarterly newsletter"
      />
      <TextArea
        label="Extra newsletter recipients"
        name="recipients"
        rows={2}
        defaultValue={org?.recipients.join(", ") ?? ""}
        error={err("recipients") ?? state.fieldErrors?.["recipients.0"]?.[0]}
        hint="Email addresses, separated by commas"
        className="sm:col-span-2"
      />
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save organisation"}
        </Button>
        <Link href="/directory/orgs" className={buttonClass("secondary")}>
          Cancel
        </Link>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
