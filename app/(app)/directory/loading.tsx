import { ListPageSkeleton } from "@/components/ui/skeleton-page";

export default function Loading() {
  return <ListPageSkeleton label="Loading the directory…" />;
}
