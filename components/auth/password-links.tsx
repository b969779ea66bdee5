"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";

/** After a password was set with an emailed link (/sign-in?password=set). */
export function PasswordSetNotice() {
  if (useSearchParams().get("password") !== "set") return null;
  return (
    <p
      role="status"
      className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200"
    >
      Your password is set. Sign in with it.
    </p>
  );
}

/** Under the password form of the sign-in page. */
export function ForgotPasswordLink() {
  return (
    <p className="text-center text-sm">
      <Link href="/forgot-password" className="text-brand-600 hover:underline dark:text-brand-100">
        Forgot your password?
      </Link>
    </p>
  );
}
