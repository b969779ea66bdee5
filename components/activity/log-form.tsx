"use client";

import { useEffect, useRef, useState, startTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { logActivityAction } from "@/lib/server/activity/actions";
import { ActivityFields } from "./activity-fields";
import { useFormAction } from "@/components/ui/use-form-action";

function localToday() {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export function LogForm({
  links,
  serverToday,
  maxDate,
}: {
  links: { value: string; label: string }[];
  serverToday: string;
  maxDate: string;
}) {
  const [state, action, pending] = useFormAction(logActivityAction);
  // A new key per entry: resubmitting the same entry (double click, retry) creates it once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [answered, setAnswered] = useState(state);
  const form = useRef<HTMLFormElement>(null);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === "ok") setKey(crypto.randomUUID());
  }

  useEffect(() => {
    if (state.status !== "ok") return;
    form.current?.reset();
    const date = form.current?.elements.namedItem("date") as HTMLInputElement | null;
    if (date) date.value = localToday();
    (form.current?.elements.namedItem("hours") as HTMLInputElement | null)?.focus();
  }, [state]);

  // The server renders UTC's date; the person's own calendar day is what they mean by "today".
  useEffect(() => {
    const date = form.current?.elements.namedItem("date") as HTMLInputElement | null;
    if (date && date.value === serverToday) date.value = localToday();
  }, [serverToday]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      className="space-y-3"
      aria-label="Log security work"
    >
      <input type="hidden" name="idempotencyKey" value={key} />
      <ActivityFields
        state={state}
        defaults={{ date: serverToday }}
        links={links}
        maxDate={maxDate}
        autoFocus
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Log hours"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
