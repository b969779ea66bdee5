import { z } from "zod";
import { teamField } from "./review";

// The fields beside an uploaded file on the tool-import pages (threat models, findings).
const mode = z.enum(["preview", "commit"], "Choose preview or commit").default("preview");

export const threatModelImportSchema = z.object({ team: teamField, mode });
export const findingsImportSchema = z.object({ mode });

export type ThreatModelImportInput = z.infer<typeof threatModelImportSchema>;
