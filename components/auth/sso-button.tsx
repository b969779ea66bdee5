"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { SignInAlert } from "./sign-in-alert";

/**
 * Starts single sign-on: Auth.js sends the browser to the provider (state, nonce and PKCE
 * verifier in its cookies) and back to `next`. Failures come back as /sign-in?error=….
 */
export function SsoButton({ name, next }: { name: string; next: string }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  async function start() {
    setPending(true);
    setFailed(false);
    try {
      await signIn("oidc", { callbackUrl: next });
    } catch {
      setFailed(true);
      setPending(false);
    }
  }
  return (
    <div className="space-y-3">
      {failed ? (
        <SignInAlert>Sign-in is unavailable right now. Please try again in a minute.</SignInAlert>
      ) : null}
      <Button type="button" className="w-full" onClick={start} disabled={pending}>
        {pending ? `Opening ${name}…` : `Sign in with ${name}`}
      </Button>
    </div>
  );
}
