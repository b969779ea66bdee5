import { ListPageSkeleton } from "@/components/ui/skeleton-page";

export default function Loading() {
  return <ListPageSkeleton label="Loading the audit log…" filters={5} rows={12} />;
}
