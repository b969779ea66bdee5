import { z } from "zod";
import { MAX_PASSWORD_LENGTH, newPasswordSchema } from "@/lib/identity/password-policy";
import { recordId } from "./fields";

export const changePasswordSchema = z
  .object({
    current: z
      .string()
      .min(1, "Enter your current password")
      .max(MAX_PASSWORD_LENGTH, "That is not your current password"),
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The two passwords differ",
  })
  .refine((v) => v.password !== v.current, {
    path: ["password"],
    message: "Choose a password different from your current one",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const endSessionsSchema = z.object({
  id: recordId("Choose a person"),
});
export type EndSessionsInput = z.infer<typeof endSessionsSchema>;

export const clearSignInFailuresSchema = z.object({
  id: recordId("Choose a person"),
});
export type ClearSignInFailuresInput = z.infer<typeof clearSignInFailuresSchema>;
