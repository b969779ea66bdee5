"use client";

import Link from "next/link";

import { Button, buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { updateActivityAction } from "@/lib/server/activity/actions";
import { ActivityFields, type ActivityDefaults } from "./activity-fields";
import { useFormAction } from "@/components/ui/use-form-action";

export function EditEntryForm({
  id,
  defaults,
  links,
  maxDate,
}: {
  id: string;
  defaults: ActivityDefaults;
  links: { value: string; label: string }[];
  maxDate: string;
}) {
  const [state, action, pending] = useFormAction(updateActivityAction);
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <ActivityFields state={state} defaults={defaults} links={links} maxDate={maxDate} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
        <Link href="/log" className={buttonClass("secondary")}>
          Cancel
        </Link>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
