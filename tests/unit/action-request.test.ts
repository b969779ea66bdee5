import { describe, expect, it } from "vitest";
import { actionWithoutFormResponse, isActionPostWithoutForm } from "@/lib/action-request";

const headers = (h: Record<string, string>) => new Headers(h);

describe("isActionPostWithoutForm", () => {
  it("lets Next.js's own action posts (multipart) and every other request through", () => {
    const multipart = "multipart/form-data; boundary=----x";
    expect(
      isActionPostWithoutForm("POST", headers({ "next-action": "7f", "content-type": multipart })),
    ).toBe(false);
    expect(isActionPostWithoutForm("POST", headers({ "content-type": "application/json" }))).toBe(
      false,
    );
    expect(isActionPostWithoutForm("GET", headers({ "next-action": "7f" }))).toBe(false);
  });

  it("catches an action post with JSON, text, a form without boundary or no body type", () => {
    for (const type of [
      "application/json",
      "text/plain;charset=UTF-8",
      "multipart/form-data",
      "application/x-www-form-urlencoded",
      "",
    ])
      expect(
        isActionPostWithoutForm("POST", headers({ "next-action": "7f", "content-type": type })),
        type,
      ).toBe(true);
    expect(isActionPostWithoutForm("POST", headers({ "next-action": "7f" }))).toBe(true);
  });

  it("answers 422 invalid input on the form", async () => {
    const res = actionWithoutFormResponse();
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: "Send the form's fields as form data.",
      code: "invalid_input",
      issues: [{ path: "form", message: "Send the form's fields as form data." }],
    });
  });
});
