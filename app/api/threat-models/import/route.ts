import { apiRoute } from "@/lib/server/api-route";
import { THREAT_MODEL_FILE_BYTES } from "@/lib/http/body-limits";
import { importThreatModelFile } from "@/lib/server/threat-models/file-import";
import { readOneUpload } from "@/lib/server/tool-upload";
import { threatModelImportSchema } from "@/lib/validations/tool-import";

// POST /api/threat-models/import (multipart: file, team, mode=preview|commit): a Threat Dragon
// v2 or OTM file into a team's threat model. The page sends the file again to commit, so no
// upload is kept between requests.
export const POST = apiRoute(
  {
    permission: "threatmodel.write",
    mutates: true,
    messages: {
      signedOut: "Your session has ended. Sign in again.",
      forbidden: "You do not have permission to import threat models.",
    },
  },
  async ({ actor, request }) => {
    const { file, fields } = await readOneUpload(
      request,
      THREAT_MODEL_FILE_BYTES,
      "threat-model file",
    );
    const input = threatModelImportSchema.parse(fields);
    return importThreatModelFile(actor, input, file);
  },
);
