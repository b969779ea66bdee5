import { DirectoryTabs } from "@/components/directory/directory-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";

export default async function DirectoryLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("directory.read");
  return (
    <>
      <PageHeader
        title="Directory"
        description="Organisations, teams and people, and which teams have a guardian."
      />
      <DirectoryTabs />
      {children}
    </>
  );
}
