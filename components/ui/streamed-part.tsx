"use client";

// A part of a page that streams in after the rest (a list, a dashboard, a panel). Should its
// server component fail, this part shows an error state with a retry while the rest of the page
// keeps working; the failure itself is logged on the server (instrumentation.ts,
// onRequestError), with the reference shown here. Pages use this instead of a bare <Suspense>
// (eslint.config.mjs refuses a bare one under app/).
import { unstable_rethrow, useRouter } from "next/navigation";
import { Component, Suspense, startTransition, type ReactNode } from "react";
import { Button } from "./button";

type Props = {
  /** What the part shows, as a sentence subject: "The reviews", "Your entries". */
  what: string;
  /** Shown while the part loads. */
  fallback: ReactNode;
  children: ReactNode;
};

export function StreamedPart({ what, fallback, children }: Props) {
  const router = useRouter();
  return (
    <PartBoundary
      what={what}
      // Asks the server for the page again; the boundary clears once the new payload arrives.
      retry={(clear) =>
        startTransition(() => {
          router.refresh();
          clear();
        })
      }
    >
      <Suspense fallback={fallback}>{children}</Suspense>
    </PartBoundary>
  );
}

type BoundaryProps = {
  what: string;
  retry: (clear: () => void) => void;
  children: ReactNode;
};
type BoundaryState = { error: (Error & { digest?: string }) | null };

export class PartBoundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    // Next.js's own signals (a redirect, a 404, a 403) are not failures: the router handles them.
    unstable_rethrow(error);
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <PartError
        what={this.props.what}
        reference={error.digest}
        onRetry={() => this.props.retry(() => this.setState({ error: null }))}
      />
    );
  }
}

export function PartError({
  what,
  reference,
  onRetry,
}: {
  what: string;
  reference?: string;
  onRetry: () => void;
}) {
  return (
    <div
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40"
    >
      <p className="font-medium text-red-800 dark:text-red-200">{what} could not be loaded.</p>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        The rest of the page works. If the database is busy or restarting, trying again in a moment
        usually helps.
        {reference ? (
          <>
            {" "}
            Reference: <code>{reference}</code>
          </>
        ) : null}
      </p>
      <Button variant="secondary" className="mt-3" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
