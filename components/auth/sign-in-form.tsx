"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ForgotPasswordLink, PasswordSetNotice } from "./password-links";
import { signInSchema } from "@/lib/validations/sign-in";

type Errors = { email?: string; password?: string; form?: string };

export function SignInForm({ next }: { next: string }) {
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({
      email: form.get("email"),
      password: form.get("password"),
    });
    if (!parsed.success) {
      const fields = parsed.error.flatten().fieldErrors;
      setErrors({ email: fields.email?.[0], password: fields.password?.[0] });
      return;
    }
    setPending(true);
    setErrors({});
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result || result.error) {
        setErrors({
          form:
            result?.error && result.error !== "CredentialsSignin"
              ? result.error
              : "Email or password is incorrect.",
        });
        setPending(false);
        return;
      }
      window.location.assign(next);
    } catch {
      setErrors({ form: "Sign-in is unavailable right now. Please try again in a minute." });
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <PasswordSetNotice />
      {errors.form ? (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {errors.form}
        </div>
      ) : null}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        autoFocus
        required
        error={errors.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <ForgotPasswordLink />
    </form>
  );
}
