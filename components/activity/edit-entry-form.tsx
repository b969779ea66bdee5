"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { updateActivityAction } from "@/lib/server/activity/actions";
import { idle } from "@/lib/server/action-state";
import { ActivityFields, type ActivityDefaults } from "./activity-fields";

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
  const [state, action, pending] = useActionState(updateActivityAction, idle);
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
