import { apiRoute } from "@/lib/server/api-route";
import { NotFoundError } from "@/lib/server/errors";
import { FINDINGS_FILE_BYTES } from "@/lib/http/body-limits";
import { importFindingsFile } from "@/lib/server/reviews/findings-import";
import { readOneUpload } from "@/lib/server/tool-upload";
import { routeId } from "@/lib/validations/fields";
import { findingsImportSchema } from "@/lib/validations/tool-import";

// POST /api/reviews/:id/findings/import (multipart: file, mode=preview|commit): a DefectDojo
// or SARIF file's findings into the review.
export const POST = apiRoute<undefined, { id: string }>(
  {
    permission: "review.conduct",
    mutates: true,
    messages: {
      signedOut: "Your session has ended. Sign in again.",
      forbidden: "You do not have permission to import findings.",
    },
  },
  async ({ actor, request, params }) => {
    const id = routeId(params.id);
    if (id === null) throw new NotFoundError("review");
    const { file, fields } = await readOneUpload(request, FINDINGS_FILE_BYTES, "findings file");
    const { mode } = findingsImportSchema.parse(fields);
    return importFindingsFile(actor, id, mode, file);
  },
);
