import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";

const repeat = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The dashboard's shape while its figures compute: header, filters, headline cards and charts. */
export function DashboardSkeleton({ cards = 4, charts = 2 }: { cards?: number; charts?: number }) {
  return (
    <LoadingRegion label="Loading the figures…">
      <Skeleton className="h-7 w-64" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="flex flex-wrap gap-3">
        {repeat(4).map((i) => (
          <Skeleton key={i} className="h-9 w-36" />
        ))}
      </div>
      {cards ? (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {repeat(cards).map((i) => (
            <Skeleton key={i} className="h-24" />
          ))}
        </div>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-2">
        {repeat(charts).map((i) => (
          <Skeleton key={i} className="h-64" />
        ))}
      </div>
    </LoadingRegion>
  );
}
