"use client";

import { startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idle } from "@/lib/server/action-state";
import { requestPasswordResetAction } from "@/lib/server/identity/link-actions";

export function ForgotPasswordForm() {
  const [state, run, pending] = useActionState(requestPasswordResetAction, idle);
  if (state.status === "ok")
    return (
      <p role="status" className="text-sm">
        {state.message}
      </p>
    );
  return (
    <form
      // Submitted by hand rather than through `action`, so the typed email stays after an error.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => run(data));
      }}
      noValidate
      className="space-y-4"
      aria-label="Ask for a reset link"
    >
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Enter the email address of your account. We will send you a link to choose a new password.
      </p>
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        autoFocus
        required
        error={state.fieldErrors?.email?.[0]}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send me a link"}
      </Button>
      {state.fieldErrors?.email ? null : <FormMessage state={state} />}
    </form>
  );
}
