import { describe, expect, it } from "vitest";
import { possessive } from "@/lib/possessive";

describe("possessive", () => {
  it("adds 's to a name, and only an apostrophe to one ending in a lower-case s", () => {
    expect(possessive("Lena Lead")).toBe("Lena Lead's");
    expect(possessive("Payments")).toBe("Payments'");
    expect(possessive("James")).toBe("James'");
    expect(possessive("Retail")).toBe("Retail's");
  });

  it("keeps 's after a capital S (an abbreviation) and ignores trailing spaces", () => {
    expect(possessive("AWS")).toBe("AWS's");
    expect(possessive("Payments ")).toBe("Payments'");
    expect(possessive("Max")).toBe("Max's");
  });
});
