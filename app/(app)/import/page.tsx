import type { Metadata } from "next";
import { ExportLinks } from "@/components/import/export-links";
import { ImportForm } from "@/components/import/import-form";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { MAX_UPLOAD_BYTES } from "@/lib/http/body-limits";

export const metadata: Metadata = { title: "Import and export" };

export default async function ImportPage() {
  await requirePermission("import.run");
  return (
    <>
      <PageHeader
        title="Import and export"
        description={
          "Bring the program in from spreadsheets, or take everything out as the same files. " +
          "An import is previewed first and then written all at once; importing the same files " +
          "again changes nothing."
        }
      />
      <Card className="mb-4">
        <CardTitle>Import spreadsheets</CardTitle>
        <div className="mt-1 space-y-1 text-sm text-slate-600 dark:text-slate-400">
          <p>
            Each file is CSV (UTF-8) with a header row; columns may come in any order and extra
            columns are ignored. Dates are ISO 8601 (<code>2026-03-31</code> or{" "}
            <code>2026-03-31T14:05:00Z</code>), lists in a cell are separated by <code>;</code>,
            hours are decimal (<code>1.5</code>). Rows are matched on their keys (the first columns;
            activities on all their values), so existing records are updated and nothing is
            duplicated. Columns a file leaves out are left as they are.
          </p>
        </div>
        <div className="mt-4">
          <ImportForm maxBytes={MAX_UPLOAD_BYTES} />
        </div>
      </Card>
      <Card>
        <CardTitle>Export</CardTitle>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Download any file in the import format: the columns each file holds are shown beside it.
        </p>
        <ExportLinks />
      </Card>
    </>
  );
}
