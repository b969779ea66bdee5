import { z } from "zod";
import { MITIGATION_STATUS, SEVERITY, STRIDE_CATEGORY } from "@/lib/vocabulary";
import { optionalRecordId, recordId } from "./fields";
import { teamField } from "./review";

const id = (what: string) => recordId(`Choose a ${what}`);

const AUTHORS_MESSAGE = "Choose each co-author from the list (their email)";

export const threatModelSchema = z.object({
  team: teamField,
  system: z
    .string()
    .trim()
    .min(2, "Name the system")
    .max(200, "Keep the name under 200 characters"),
  // Co-authors besides the creator: emails separated by commas (the record picker's chips).
  authors: z
    .string(AUTHORS_MESSAGE)
    .max(2000, "At most 10 co-authors")
    .optional()
    .transform((v) => [
      ...new Set(
        (v ?? "")
          .split(",")
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.email(AUTHORS_MESSAGE)).max(10, "At most 10 co-authors")),
});

export const threatSchema = z.object({
  threatModelId: id("threat model"),
  threatId: optionalRecordId("Choose a threat"),
  title: z
    .string()
    .trim()
    .min(3, "Describe the threat in a few words")
    .max(300, "Keep the title under 300 characters"),
  category: z.enum(STRIDE_CATEGORY.values, "Choose a STRIDE category"),
  severity: z.enum(SEVERITY.values, "Choose a severity"),
  mitigation: z
    .string()
    .trim()
    .max(2000, "Keep the mitigation under 2,000 characters")
    .optional()
    .transform((v) => v || null),
  mitigationStatus: z.enum(MITIGATION_STATUS.values, "Choose the mitigation status"),
});

export const authorSchema = z.object({
  threatModelId: id("threat model"),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter the author's email")),
});

export const decisionSchema = z.object({
  threatModelId: id("threat model"),
  decision: z.enum(["approve", "return"], "Choose approve or send back"),
  comment: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => v || null),
  acceptUndocumented: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const commentSchema = z.object({
  threatModelId: id("threat model"),
  body: z
    .string()
    .trim()
    .min(2, "Write a comment")
    .max(4000, "Keep the comment under 4,000 characters"),
});

export type ThreatModelInput = z.infer<typeof threatModelSchema>;
export type ThreatInput = z.infer<typeof threatSchema>;
export type TmDecisionInput = z.infer<typeof decisionSchema>;
