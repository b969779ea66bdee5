import { z } from "zod";
import { NEWSLETTER_STATUS } from "@/lib/vocabulary";

/** The newsletter archive's filters, held in the URL; anything malformed is ignored. */
export const newsletterFilterSchema = z.object({
  org: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(NEWSLETTER_STATUS.values).optional().catch(undefined),
});
