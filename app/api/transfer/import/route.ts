import type { ImportView } from "@/lib/transfer/types";
import { apiRoute } from "@/lib/server/api-route";
import { DomainError } from "@/lib/server/errors";
import { commitImport, previewImport } from "@/lib/server/transfer/service";
import { MAX_UPLOAD_BYTES, readFormWithin, readUploads } from "@/lib/server/transfer/upload";

// Preview or commit an upload of CSV files (multipart field "files", field "mode"). The page
// sends the same files again to commit, so no upload is kept between requests. Like every API
// route it is outside proxy.ts: without a session it answers 401, and it caps the body itself.
const SHOWN_ERRORS = 500;
const SHOWN_WARNINGS = 100;
// Multipart framing adds a little to the files themselves.
const BODY_SLACK = 1024 * 1024;

export const POST = apiRoute(
  {
    permission: "import.run",
    mutates: true,
    messages: {
      signedOut: "Your session has ended. Sign in again.",
      forbidden: "You do not have permission to import data.",
    },
  },
  async ({ actor, request }) => {
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_UPLOAD_BYTES + BODY_SLACK)
      throw new DomainError(
        `The upload is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Import the files in several parts, or use npm run import.`,
        "payload_too_large",
      );
    const form = await readFormWithin(request, MAX_UPLOAD_BYTES + BODY_SLACK);
    if (!form)
      throw new DomainError(
        "The upload could not be read. Choose the files again and retry.",
        "bad_request",
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
    return view;
  },
);
