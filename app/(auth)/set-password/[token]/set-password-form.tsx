"use client";

import Link from "next/link";
import { startTransition, useActionState } from "react";
import { authLinkClass } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { MIN_PASSWORD_LENGTH } from "@/lib/identity/password-policy";
import { idle } from "@/lib/server/action-state";
import { setPasswordAction } from "@/lib/server/identity/link-actions";

const RULES = `At least ${MIN_PASSWORD_LENGTH} characters; not a common password, nor your email address. A few words make a good one.`;

export function SetPasswordForm({
  token,
  name,
  email,
}: {
  token: string;
  name: string;
  email: string;
}) {
  const [state, run, pending] = useActionState(setPasswordAction, idle);
  const fieldError = (field: string) => state.fieldErrors?.[field]?.[0];
  // A refusal about the link itself (used meanwhile, expired): offer a new one.
  const linkRefused = state.status === "error" && !state.fieldErrors;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => run(data));
      }}
      noValidate
      className="space-y-4"
      aria-label="Set your password"
    >
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {name}, this password is for <strong className="font-medium">{email}</strong>.
      </p>
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        autoFocus
        required
        hint={RULES}
        error={fieldError("password")}
      />
      <Field
        label="Type it again"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError("confirm")}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </Button>
      <FormMessage state={state} />
      {linkRefused ? (
        <Link href="/forgot-password" className={authLinkClass}>
          Ask for a new link
        </Link>
      ) : null}
    </form>
  );
}
