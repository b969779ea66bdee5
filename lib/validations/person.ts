import { z } from "zod";
import { ROLE } from "@/lib/vocabulary";
import { optionalRecordId, recordId } from "./fields";

const optionalId = optionalRecordId;

// A form posts one checkbox per role (`role-GUARDIAN=on`), since a form field sent twice keeps
// only its last value on the server; callers in code pass `roles` as an array.
const withRoles = (raw: unknown) => {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const fields = raw as Record<string, unknown>;
  if (Array.isArray(fields.roles)) return fields;
  return {
    ...fields,
    roles: ROLE.values.filter(
      (r) => fields[`role-${r}`] === "on" || fields[`role-${r}`] === "true",
    ),
  };
};

const details = {
  name: z
    .string()
    .trim()
    .min(2, "Enter the person's name")
    .max(120, "Keep the name under 120 characters"),
  roles: z
    .array(z.enum(ROLE.values, "Choose roles from the list"))
    .min(1, "Give the person at least one role")
    .max(ROLE.values.length),
  orgId: optionalId("Choose an organisation from the list"),
  teamId: optionalId("Choose a team from the list"),
};

const teamNeedsOrg = (p: { orgId: number | null; teamId: number | null }) =>
  p.teamId === null || p.orgId !== null;
const teamNeedsOrgError = { message: "Choose the team's organisation too", path: ["orgId"] };

export const newPersonSchema = z.preprocess(
  withRoles,
  z
    .object({
      email: z
        .string()
        .trim()
        .toLowerCase()
        .max(254, "Keep the email under 254 characters")
        .pipe(z.email("Enter the person's email address")),
      ...details,
    })
    .refine(teamNeedsOrg, teamNeedsOrgError),
);

// The email is the sign-in name and the import's key: it is set once, when the person is created.
export const personEditSchema = z.preprocess(
  withRoles,
  z
    .object({
      id: recordId("Choose a person"),
      ...details,
      // The roles granted by hand: someone may hold all theirs through SSO groups (the service
      // checks that at least one role remains).
      roles: z.array(z.enum(ROLE.values, "Choose roles from the list")).max(ROLE.values.length),
    })
    .refine(teamNeedsOrg, teamNeedsOrgError),
);

export const personStatusSchema = z.object({
  id: recordId("Choose a person"),
  change: z.enum(["deactivate", "reactivate"], "Choose deactivate or reactivate"),
});

export type NewPersonInput = z.infer<typeof newPersonSchema>;
export type PersonEditInput = z.infer<typeof personEditSchema>;
export type PersonStatusInput = z.infer<typeof personStatusSchema>;
