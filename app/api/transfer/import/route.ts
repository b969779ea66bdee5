import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import type { ImportView } from "@/lib/transfer/types";
import { answer, isSameOrigin } from "@/lib/server/api";
import { commitImport, previewImport } from "@/lib/server/transfer/service";
import { MAX_UPLOAD_BYTES, readFormWithin, readUploads } from "@/lib/server/transfer/upload";

// Preview or commit an upload of CSV files (multipart field "files", field "mode"). The page
// sends the same files again to commit, so no upload is kept between requests. Like every API
// route it is outside proxy.ts: without a session it answers 401, and it caps the body itself.
const SHOWN_ERRORS = 500;
const SHOWN_WARNINGS = 100;
// Multipart framing adds a little to the files themselves.
const BODY_SLACK = 1024 * 1024;

export async function POST(request: Request) {
  if (!isSameOrigin(request))
    return Response.json({ error: "Cross-site requests are not allowed." }, { status: 403 });
  return answer(async () => {
    const actor = await getActor();
    if (!actor)
      return Response.json({ error: "Your session has ended. Sign in again." }, { status: 401 });
    if (!can(actor, "import.run"))
      return Response.json(
        { error: "You do not have permission to import data." },
        { status: 403 },
      );
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_UPLOAD_BYTES + BODY_SLACK) {
      return Response.json(
        {
          error: `The upload is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Import the files in several parts, or use npm run import.`,
        },
        { status: 413 },
      );
    }
    const form = await readFormWithin(request, MAX_UPLOAD_BYTES + BODY_SLACK);
    if (!form)
      return Response.json(
        { error: "The upload could not be read. Choose the files again and retry." },
        { status: 400 },
      );
    const mode = form.get("mode") === "commit" ? "commit" : "preview";
    const files = await readUploads(form);
    const result =
      mode === "commit" ? await commitImport(actor, files) : await previewImport(actor, files);
    const view: ImportView = {
      mode,
      committed: result.committed,
      files: result.files,
      errors: result.errors.slice(0, SHOWN_ERRORS),
      errorCount: result.errors.length,
      warnings: result.warnings.slice(0, SHOWN_WARNINGS),
      warningCount: result.warnings.length,
    };
    return Response.json(view, { headers: { "Cache-Control": "no-store" } });
  });
}
