import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "@/lib/identity/password-policy";
import { peopleFilterSchema } from "@/lib/url-state/lists";
import { recordId } from "./fields";

// A checkbox or hidden field: "on" / "yes" / "true" mean yes; anything else (or absent) no.
const yes = z.preprocess(
  (v) => v === true || v === "on" || v === "yes" || v === "true",
  z.boolean(),
);

const personId = recordId("Choose a person");

/** One invitation; `again` sends one even when the last went out less than 24 hours ago. */
export const invitePersonSchema = z.object({ id: personId, again: yes });
export type InvitePersonInput = z.output<typeof invitePersonSchema>;

/** The next batch of a people list's filters; `after` is the last person of the batch before. */
export const inviteBatchSchema = peopleFilterSchema.extend({
  after: z.preprocess((v) => (v === "" || v == null ? undefined : v), personId.optional()),
  again: yes,
});
export type InviteBatchInput = z.output<typeof inviteBatchSchema>;

export const passwordResetRequestSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address")
    .max(254, "That email address is too long")
    .pipe(z.email("Enter a valid email address")),
});

/** The link page's form; the password rule itself (passwordPairSchema) needs the person's email. */
export const setPasswordSchema = z.object({
  token: z.string({ error: "This link is not valid." }).max(100, "This link is not valid."),
  password: z.string({ error: "Enter a password" }).max(MAX_PASSWORD_LENGTH * 2),
  confirm: z.string({ error: "Type the password again" }).max(MAX_PASSWORD_LENGTH * 2),
});
export type SetPasswordInput = z.output<typeof setPasswordSchema>;
