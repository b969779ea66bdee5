import { requirePermission } from "@/lib/auth/guards";

// Checked here, outside the loading boundary, so a refusal answers 403 before streaming starts.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("dashboard.read");
  return children;
}
