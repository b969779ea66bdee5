import { describe, expect, it } from "vitest";
import { beltRuleSchema } from "@/lib/validations/belt-rule";
import { programSchema } from "@/lib/validations/program";
import { signInSchema } from "@/lib/validations/sign-in";
import { DEFAULT_BELT_RULES } from "@/lib/belts/default-rules";

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues[0]?.message;

describe("signInSchema", () => {
  it("normalises the email", () => {
    expect(signInSchema.parse({ email: "  Lead@Guardians.TEST ", password: "x" }).email).toBe(
      "lead@guardians.test",
    );
  });
  it.each([
    [{ email: "", password: "x" }, "Enter your email address"],
    [{ email: "not-an-email", password: "x" }, "Enter a valid email address"],
    [{ email: "a@b.co", password: "" }, "Enter your password"],
    [{ email: "a@b.co", password: "x".repeat(201) }, "That password is too long"],
    [{ email: 42, password: "x" }, undefined],
  ])("rejects %j", (input, message) => {
    const r = signInSchema.safeParse(input);
    expect(r.success).toBe(false);
    if (message) expect(firstMessage(r)).toBe(message);
  });
});

describe("programSchema", () => {
  const ok = {
    name: "Security Guardians",
    vision: "Security ownership in every team.",
    mission: "Train and empower guardians.",
  };
  it("accepts a complete program and trims it", () => {
    expect(programSchema.parse({ ...ok, name: "  Security Guardians " }).name).toBe(
      "Security Guardians",
    );
  });
  it("rejects short, long and missing fields with clear messages", () => {
    expect(firstMessage(programSchema.safeParse({ ...ok, name: "x" }))).toBe(
      "Give the program a name",
    );
    expect(firstMessage(programSchema.safeParse({ ...ok, vision: "x".repeat(1001) }))).toBe(
      "Keep the vision under 1,000 characters",
    );
    expect(programSchema.safeParse({ name: ok.name }).success).toBe(false);
  });
});

describe("beltRuleSchema", () => {
  it("accepts every default rule", () => {
    for (const conditions of Object.values(DEFAULT_BELT_RULES))
      expect(beltRuleSchema.safeParse({ conditions }).success).toBe(true);
  });
  it("rejects unknown condition types and impossible thresholds", () => {
    expect(beltRuleSchema.safeParse({ conditions: [{ type: "karma", min: 1 }] }).success).toBe(
      false,
    );
    expect(beltRuleSchema.safeParse({ conditions: [{ type: "reviews", min: 0 }] }).success).toBe(
      false,
    );
    expect(beltRuleSchema.safeParse({ conditions: [{ type: "reviews", min: 2.5 }] }).success).toBe(
      false,
    );
    expect(
      beltRuleSchema.safeParse({ conditions: [{ type: "feedback-average", min: 6 }] }).success,
    ).toBe(false);
    expect(
      beltRuleSchema.safeParse({ conditions: [{ type: "course", courseKey: "" }] }).success,
    ).toBe(false);
  });
  it("fills the default minimum number of ratings", () => {
    const parsed = beltRuleSchema.parse({ conditions: [{ type: "feedback-average", min: 4 }] });
    expect(parsed.conditions[0]).toEqual({ type: "feedback-average", min: 4, minRatings: 3 });
  });
});
