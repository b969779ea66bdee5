import { cn } from "./cn";

/** A grey placeholder block; decorative, so screen readers skip it. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden
      className={cn(
        "animate-pulse rounded-md bg-slate-200 motion-reduce:animate-none dark:bg-slate-800",
        className,
      )}
    />
  );
}

/** A region that is still loading: announced once as "Loading…", marked busy, placeholders hidden from assistive tech. */
export function LoadingRegion({
  label = "Loading…",
  className,
  children,
}: {
  label?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div role="status" aria-busy="true" aria-live="polite" className={cn("space-y-4", className)}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}
