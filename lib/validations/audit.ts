import { z } from "zod";

// Filters come from the URL; anything malformed is ignored rather than failing the page.
export const auditFilterSchema = z.object({
  entity: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{1,40}$/)
    .optional()
    .catch(undefined),
  action: z
    .string()
    .trim()
    .regex(/^[a-z-]{1,40}$/)
    .optional()
    .catch(undefined),
  actor: z.string().trim().toLowerCase().max(254).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
