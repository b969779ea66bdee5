import { apiRoute } from "@/lib/server/api-route";
import { DomainError } from "@/lib/server/errors";
import { openExport } from "@/lib/server/transfer/service";
import { isExportFile } from "@/lib/transfer/spreadsheet/files";

// One file of the spreadsheet export (docs/spreadsheet-format.md), streamed page by page.
export const GET = apiRoute<undefined, { file: string }>(
  {
    permission: "import.run",
    messages: { forbidden: "You do not have permission to export data." },
  },
  async ({ actor, params }) => {
    const file = params.file;
    if (!isExportFile(file)) throw new DomainError("No such export file.", "not_found");
    const body = await openExport(actor, file);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
