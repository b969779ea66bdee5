import { z } from "zod";
import { ROLE } from "@/lib/vocabulary";
import { recordId } from "./fields";

// A row of the groups-to-roles table (/admin/sso): a value of the provider's groups claim and
// the app role it gives. Group values are matched exactly (after trimming).
export const groupMappingSchema = z.object({
  group: z
    .string("Enter the group's value as your provider sends it")
    .trim()
    .min(1, "Enter the group's value as your provider sends it")
    .max(200, "Keep the group under 200 characters"),
  role: z.enum(ROLE.values, "Choose a role from the list"),
});

export const groupMappingIdSchema = z.object({
  id: recordId("That mapping does not exist."),
});

export type GroupMappingInput = z.infer<typeof groupMappingSchema>;
