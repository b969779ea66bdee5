import { describe, expect, it } from "vitest";
import {
  isCommonPassword,
  newPasswordSchema,
  passwordPairSchema,
} from "@/lib/identity/password-policy";

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? null : r.error!.issues[0]!.message;

describe("password policy", () => {
  it("needs twelve characters that are not only spaces", () => {
    expect(message(newPasswordSchema.safeParse("short-pass1"))).toBe("Use at least 12 characters");
    expect(message(newPasswordSchema.safeParse(" a          "))).toMatch(/not spaces/);
    expect(newPasswordSchema.safeParse("correct horse battery").success).toBe(true);
  });

  it("refuses common passwords whatever their case", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("ink-lantern-92-orbit")).toBe(false);
    const common12 = ["qwertyuiopas", "passwordpassword", "123456789012"].find(isCommonPassword);
    expect(common12, "the list holds passwords of twelve characters or more").toBeDefined();
    expect(message(newPasswordSchema.safeParse(common12))).toMatch(/common passwords/);
  });

  it("asks for the same password twice and not the email address", () => {
    const schema = passwordPairSchema("ana.lee@example.test");
    expect(
      schema.safeParse({ password: "ink-lantern-92", confirm: "ink-lantern-93" }).error?.issues[0],
    ).toMatchObject({ path: ["confirm"], message: "The two passwords differ" });
    expect(
      schema.safeParse({ password: "Ana.Lee@example.test", confirm: "Ana.Lee@example.test" }).error
        ?.issues[0]?.message,
    ).toBe("Do not use your email address as your password");
    expect(
      schema.safeParse({ password: "ink-lantern-92", confirm: "ink-lantern-92" }).success,
    ).toBe(true);
  });
});
