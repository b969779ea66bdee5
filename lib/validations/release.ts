import { z } from "zod";

const optionalDay = z.preprocess((v) => (v === "" ? undefined : v), z.iso.date("Enter a date like 2026-11-22").optional());

export const releaseSchema = z.object({
  teamId: z.coerce.number({ error: "Choose a team" }).int().positive("Choose a team"),
  name: z.string().trim().min(2, "Name the feature").max(200, "Keep the name under 200 characters"),
  startedOn: z.iso.date("Enter the start date like 2026-11-22"),
  releasedOn: optionalDay,
  reviewKey: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(40).optional()),
}).refine((r) => !r.releasedOn || r.releasedOn >= r.startedOn, { message: "A feature cannot be released before it started", path: ["releasedOn"] });

export type ReleaseInput = z.infer<typeof releaseSchema>;
