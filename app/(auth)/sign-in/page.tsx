import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Shield } from "lucide-react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  if (await getActor()) redirect("/");
  const { callbackUrl } = await searchParams;
  // Only paths of this app: never bounce a user to another origin after sign-in.
  const next = safeCallbackPath(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <Shield aria-hidden className="h-7 w-7 text-brand-600" />
          <span className="text-lg font-semibold">Guardians</span>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
          <SignInForm next={next} />
        </div>
        <p className="mt-4 text-xs text-slate-600 dark:text-slate-400">
          Security Guardians program. Ask your program lead for an account.
        </p>
      </div>
    </main>
  );
}
