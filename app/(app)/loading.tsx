import { ListPageSkeleton } from "@/components/ui/skeleton-page";

/** Shown while any signed-in page without a loading state of its own loads. */
export default function Loading() {
  return <ListPageSkeleton stats={3} filters={0} rows={6} />;
}
