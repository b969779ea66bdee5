import type { ImportView } from "@/lib/transfer/types";
import { apiRoute } from "@/lib/server/api-route";
import { DomainError } from "@/lib/server/errors";
import { commitImport, previewImport } from "@/lib/server/transfer/service";
import { IMPORT_BODY_LIMIT, MAX_UPLOAD_BYTES } from "@/lib/http/body-limits";
import { readFormWithin, readUploads } from "@/lib/server/transfer/upload";

// Preview or commit an upload of CSV files (multipart field "files", field "mode"). The page
// sends the same files again to commit, so no upload is kept between requests. Like every API
// route it is outside proxy.ts: without a session it answers 401. The app's HTTP front refuses
// a body over IMPORT_BODY_LIMIT before it is read; the route checks again, in case it runs
// without the front.
const SHOWN_ERRORS = 500;
const SHOWN_WARNINGS = 100;

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
    if (length > IMPORT_BODY_LIMIT)
      throw new DomainError(
        `The upload is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Import the files in several parts, or use npm run import.`,
        "payload_too_large",
      );
    const form = await readFormWithin(request, IMPORT_BODY_LIMIT);
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
