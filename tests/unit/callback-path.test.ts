import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-path";

// [callbackUrl, where sign-in sends the person]
const CASES: [unknown, string][] = [
  // Paths of the app are kept, with their query and fragment.
  ["/", "/"],
  ["/reviews", "/reviews"],
  ["/reviews?status=OPEN&page=2", "/reviews?status=OPEN&page=2"],
  ["/dashboard/time#chart", "/dashboard/time#chart"],
  ["/people/12", "/people/12"],
  ["/a/../reviews", "/reviews"],
  ["/%5Cevil.example", "/%5Cevil.example"], // an encoded backslash stays a path segment
  ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  // Another origin, however spelled, goes home.
  ["//evil.example", "/"],
  ["///evil.example", "/"],
  ["/\\evil.example", "/"],
  ["\\\\evil.example", "/"],
  ["/\t/evil.example", "/"],
  ["/\n/evil.example", "/"],
  [" //evil.example", "/"],
  ["https://evil.example", "/"],
  ["https://evil.example/reviews", "/"],
  ["http:evil.example", "/"],
  ["HTTPS://EVIL.EXAMPLE", "/"],
  ["javascript:alert(1)", "/"],
  ["JaVaScRiPt:alert(1)", "/"],
  ["data:text/html,<script>alert(1)</script>", "/"],
  ["/..//evil.example", "/"],
  ["/.//evil.example", "/"],
  ["/x/%2e%2e//evil.example", "/"],
  ["/a/../..//evil.example", "/"],
  ["http://[::1", "/"],
  // Not a string, or empty.
  [undefined, "/"],
  ["", "/"],
  [["/reviews", "//evil.example"], "/"],
  [42, "/"],
];

describe("safeCallbackPath", () => {
  it.each(CASES)("%j → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it("never returns something a browser would read as another host", () => {
    for (const [input] of CASES) {
      const out = safeCallbackPath(input);
      expect(out.startsWith("/")).toBe(true);
      expect(new URL(out, "https://guardians.example").origin).toBe("https://guardians.example");
    }
  });
});
