// The rule for a new password, wherever one is set (an invitation or reset link, the account
// page): at least 12 characters, and not one of the ~49,000 most common passwords
// (@zxcvbn-ts/language-common's list), compared without case. Stored with argon2id.
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

let common: Set<string> | null = null;
/** Whether the password is on the list of common passwords (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Keep the password under ${MAX_PASSWORD_LENGTH} characters`)
  .refine((p) => p.trim().length >= MIN_PASSWORD_LENGTH, {
    message: `Use at least ${MIN_PASSWORD_LENGTH} characters that are not spaces`,
  })
  .refine((p) => !isCommonPassword(p), {
    message: "That password is on a list of common passwords: choose another",
  });

/** A new password typed twice, refused when it is the person's own email address. */
export function passwordPairSchema(email?: string) {
  return z
    .object({ password: newPasswordSchema, confirm: z.string() })
    .refine((v) => v.password === v.confirm, {
      path: ["confirm"],
      message: "The two passwords differ",
    })
    .refine((v) => !email || v.password.toLowerCase() !== email.toLowerCase(), {
      path: ["password"],
      message: "Do not use your email address as your password",
    });
}
