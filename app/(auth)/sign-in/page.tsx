import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInAlert } from "@/components/auth/sign-in-alert";
import { SignInCard } from "@/components/auth/sign-in-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoButton } from "@/components/auth/sso-button";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getActor } from "@/lib/auth/session";
import { signInConfig } from "@/lib/auth/sign-in-config";
import { signInErrorMessage } from "@/lib/identity/sso-errors";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}) {
  if (await getActor()) redirect("/");
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  // Only paths of this app: never bounce a user to another origin after sign-in.
  const next = safeCallbackPath(first(params.callbackUrl));
  const error = signInErrorMessage(first(params.error));
  const { passwordSignIn, ssoName } = signInConfig();
  return (
    <SignInCard title="Sign in">
      <div className="space-y-5">
        {error ? <SignInAlert>{error}</SignInAlert> : null}
        {ssoName ? <SsoButton name={ssoName} next={next} /> : null}
        {ssoName && passwordSignIn ? (
          <div className="flex items-center gap-3 text-xs text-slate-600 dark:text-slate-400">
            <span aria-hidden className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
            or with your password
            <span aria-hidden className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
          </div>
        ) : null}
        {passwordSignIn ? <SignInForm next={next} secondary={Boolean(ssoName)} /> : null}
      </div>
    </SignInCard>
  );
}
