import { ListPageSkeleton } from "@/components/ui/skeleton-page";

export default function Loading() {
  return <ListPageSkeleton label="Loading the profile…" stats={3} filters={0} />;
}
