import { describe, expect, it } from "vitest";
import { z } from "zod";
import { invalid } from "@/lib/server/action-state";

describe("invalid: a form's field errors", () => {
  it("keeps every message per field, in order, and names a formless issue 'form'", () => {
    const schema = z
      .object({ a: z.string().min(2, "too short").regex(/^x/, "starts with x") })
      .refine(() => false, "whole form");
    const state = invalid(schema.safeParse({ a: "y" }).error!);
    expect(state.fieldErrors).toEqual({ a: ["too short", "starts with x"], form: ["whole form"] });
  });

  it("answers a crafted field named after an object's own methods like any other field", () => {
    const schema = z.object({}).catchall(z.string("text only"));
    const error = schema.safeParse({ toString: 1, __proto__: 2, constructor: 3 }).error!;
    const fields = invalid(error).fieldErrors!;
    expect(Object.keys(fields).sort()).toEqual(["constructor", "toString"].sort());
    expect(fields.toString).toEqual(["text only"]);
  });
});
