import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { signInConfig } from "@/lib/auth/sign-in-config";
import { linkStatus } from "@/lib/server/identity/set-password";
import { SetPasswordForm } from "./set-password-form";

// The token is in the address: no Referer carries it anywhere (proxy.ts sends the same header).
export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { passwordSignIn, ssoName } = signInConfig();
  if (!passwordSignIn)
    return (
      <AuthCard title="Passwords are not used here">
        <p className="text-sm">
          Sign in with {ssoName}: your organisation&apos;s identity provider manages your password.
        </p>
        <p className="mt-4">
          <Link href="/sign-in" className={authLinkClass}>
            Go to sign-in
          </Link>
        </p>
      </AuthCard>
    );
  const status = await linkStatus(token);
  if (status.state !== "valid")
    return (
      <AuthCard title="This link does not work">
        <p role="alert" className="text-sm">
          {status.message}
        </p>
        {status.state === "deactivated" ? null : (
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
            You can ask for a new link: we email it to the address of your account. An invitation
            can also be sent again by your program lead.
          </p>
        )}
        <p className="mt-4 flex flex-wrap gap-4">
          {status.state === "deactivated" ? null : (
            <Link href="/forgot-password" className={authLinkClass}>
              Ask for a new link
            </Link>
          )}
          <Link href="/sign-in" className={authLinkClass}>
            Go to sign-in
          </Link>
        </p>
      </AuthCard>
    );
  return (
    <AuthCard
      title={status.kind === "INVITATION" ? "Welcome: choose a password" : "Choose a new password"}
    >
      <SetPasswordForm token={token} name={status.name} email={status.email} />
    </AuthCard>
  );
}
