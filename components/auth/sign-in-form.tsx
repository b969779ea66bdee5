"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ForgotPasswordLink, PasswordSetNotice } from "./password-links";
import "@/lib/validations/without-eval";
import { signInSchema } from "@/lib/validations/sign-in";
import { SignInAlert } from "./sign-in-alert";

type Errors = { email?: string; password?: string; form?: string };

/** The password form; `secondary` when single sign-on leads the page. */
export function SignInForm({ next, secondary = false }: { next: string; secondary?: boolean }) {
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
      {errors.form ? <SignInAlert>{errors.form}</SignInAlert> : null}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        autoFocus={!secondary}
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
      <Button
        type="submit"
        variant={secondary ? "secondary" : "primary"}
        className="w-full"
        disabled={pending}
      >
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <ForgotPasswordLink />
    </form>
  );
}
