import { ListPageSkeleton } from "@/components/ui/skeleton-page";

export default function Loading() {
  return <ListPageSkeleton label="Loading your hours…" filters={4} rows={6} />;
}
