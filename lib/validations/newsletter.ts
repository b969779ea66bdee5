import { z } from "zod";

/** The newsletter archive's filters, held in the URL; anything malformed is ignored. */
export const newsletterFilterSchema = z.object({
  org: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(["DRAFT", "PUBLISHED"]).optional().catch(undefined),
});
