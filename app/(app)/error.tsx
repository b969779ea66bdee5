"use client";

import { Button } from "@/components/ui/button";

// Unexpected failures: a calm message and a retry, never a stack trace.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-12 text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        The page could not be loaded. If the database is restarting, it will be back in a moment.
        {error.digest ? (
          <>
            {" "}
            Reference: <code>{error.digest}</code>
          </>
        ) : null}
      </p>
      <Button className="mt-4" onClick={() => reset()}>
        Try again
      </Button>
    </div>
  );
}
