import { Skeleton, LoadingRegion } from "./skeleton";

const repeat = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * The shape of a list page while it loads: title, optional figure cards, a filter row and table
 * rows. `title={false}` where the page already shows its header outside the loading region.
 */
export function ListPageSkeleton({
  label,
  title = true,
  stats = 0,
  filters = 3,
  rows = 8,
}: {
  label?: string;
  title?: boolean;
  stats?: number;
  filters?: number;
  rows?: number;
}) {
  return (
    <LoadingRegion label={label}>
      {title ? <Skeleton className="h-7 w-56" /> : null}
      {title ? <Skeleton className="h-4 w-80 max-w-full" /> : null}
      {stats ? (
        <div className="grid gap-4 sm:grid-cols-3">
          {repeat(stats).map((i) => (
            <Skeleton key={i} className="h-24" />
          ))}
        </div>
      ) : null}
      <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        {filters ? (
          <div className="mb-4 flex flex-wrap gap-3">
            {repeat(filters).map((i) => (
              <Skeleton key={i} className="h-9 w-36" />
            ))}
          </div>
        ) : null}
        <div className="space-y-3">
          {repeat(rows).map((i) => (
            <Skeleton key={i} className="h-5" />
          ))}
        </div>
      </div>
    </LoadingRegion>
  );
}
