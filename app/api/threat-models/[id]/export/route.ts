import { z } from "zod";
import { apiRoute } from "@/lib/server/api-route";
import { NotFoundError } from "@/lib/server/errors";
import { exportThreatModelFile } from "@/lib/server/threat-models/file-export";
import { routeId } from "@/lib/validations/fields";

// GET /api/threat-models/:id/export?format=threat-dragon|otm: the model as a file that opens
// in OWASP Threat Dragon 2 or in tools reading Open Threat Model.
const exportQuery = z.object({
  format: z.enum(["threat-dragon", "otm"], "Choose threat-dragon or otm").default("threat-dragon"),
});

export const GET = apiRoute<z.infer<typeof exportQuery>, { id: string }>(
  {
    permission: "threatmodel.read",
    query: exportQuery,
    messages: { forbidden: "You do not have permission to read threat models." },
  },
  async ({ actor, input, params }) => {
    const id = routeId(params.id);
    if (id === null) throw new NotFoundError("threat model");
    const { fileName, text } = await exportThreatModelFile(actor, id, input.format);
    return new Response(text, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
