import type { Metadata } from "next";
import Link from "next/link";
import { SignInCard } from "@/components/auth/sign-in-card";
import { buttonClass } from "@/components/ui/button";
import { ssoRefusal } from "@/lib/identity/sso-refusals";

export const metadata: Metadata = { title: "Sign-in refused" };

// Where a refused single sign-on lands (lib/auth/options.ts): no session was started.
export default async function SignInRefusedPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string | string[] }>;
}) {
  const { reason } = await searchParams;
  const refusal = ssoRefusal(Array.isArray(reason) ? reason[0] : reason);
  return (
    <SignInCard title={refusal.title}>
      <p className="text-sm text-slate-700 dark:text-slate-300">{refusal.body}</p>
      <Link href="/sign-in" className={buttonClass("secondary", "mt-5 w-full")}>
        Back to sign-in
      </Link>
    </SignInCard>
  );
}
