import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { answer } from "@/lib/server/api";
import { openExport } from "@/lib/server/transfer/service";
import { isExportFile } from "@/lib/transfer/spreadsheet/files";

// One file of the spreadsheet export (DESIGN.md), streamed page by page.
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return answer(async () => {
    const actor = await getActor();
    if (!actor) return Response.json({ error: "Sign in first." }, { status: 401 });
    if (!can(actor, "import.run"))
      return Response.json(
        { error: "You do not have permission to export data." },
        { status: 403 },
      );
    const file = (await params).file;
    if (!isExportFile(file))
      return Response.json({ error: "No such export file." }, { status: 404 });
    const body = await openExport(actor, file);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
