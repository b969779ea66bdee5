"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { MIN_PASSWORD_LENGTH } from "@/lib/identity/password-policy";
import { changePasswordAction } from "@/lib/server/account/actions";
import { useFormAction } from "@/components/ui/use-form-action";

/** Changes the signed-in person's password; their other sessions end, this one stays. */
export function ChangePasswordForm() {
  const [state, action, pending] = useFormAction(changePasswordAction);
  const form = useRef<HTMLFormElement>(null);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  useEffect(() => {
    if (state.status === "ok") form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} noValidate aria-label="Change password" className="space-y-4">
      <Field
        label="Current password"
        name="current"
        type="password"
        autoComplete="current-password"
        required
        error={err("current")}
      />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        error={err("password")}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters; common passwords are refused. A few unrelated words make a good one.`}
      />
      <Field
        label="New password again"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={err("confirm")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
