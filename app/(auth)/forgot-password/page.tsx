import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard, authLinkClass } from "@/components/auth/auth-card";
import { signInConfig } from "@/lib/auth/sign-in-config";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  const { passwordSignIn, ssoName } = signInConfig();
  return (
    <AuthCard title="Forgot your password?">
      {passwordSignIn ? (
        <ForgotPasswordForm />
      ) : (
        <p className="text-sm">
          Passwords are not used here: sign in with {ssoName}. Your organisation&apos;s identity
          provider manages your password.
        </p>
      )}
      <p className="mt-4">
        <Link href="/sign-in" className={authLinkClass}>
          Back to sign-in
        </Link>
      </p>
    </AuthCard>
  );
}
