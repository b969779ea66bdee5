import { describe, expect, it } from "vitest";
import { likeLiteral, parseQuery, rankPatterns } from "@/lib/search/query";

describe("parseQuery", () => {
  it.each([
    ["  Lena   Lead ", "Lena Lead"],
    ["ab", "ab"],
    ["x".repeat(150), "x".repeat(100)],
  ])("searches %j as %j", (raw, text) => {
    expect(parseQuery(raw)?.text).toBe(text);
  });

  it.each(["", " ", "a", " a  "])("leaves %j unsearched (too short)", (raw) => {
    expect(parseQuery(raw)).toBeNull();
  });

  it.each([
    ["REV-000123", { type: "review", key: "REV-000123" }],
    ["rev 123", { type: "review", key: "REV-000123" }],
    ["rev123", { type: "review", key: "REV-000123" }],
    ["tm-7", { type: "threat-model", key: "TM-00007" }],
    ["REL-0000001", { type: "release", key: "REL-000001" }],
    ["rev-1234567", { type: "review", key: "REV-1234567" }],
  ])("reads %j as the key %j", (raw, key) => {
    expect(parseQuery(raw)?.key).toEqual(key);
  });

  it.each(["review 12", "REV-", "FND-000001", "rev-12a", "Lena"])("reads %j as no key", (raw) => {
    expect(parseQuery(raw)?.key ?? null).toBeNull();
  });
});

describe("rankPatterns", () => {
  it("ranks the whole text, its start, a word's start, then anywhere", () => {
    expect(rankPatterns("led")).toEqual(["led", "led%", "% led%", "%led%"]);
  });

  it("takes LIKE's wildcards and the escape literally", () => {
    expect(likeLiteral("100%_a\\b")).toBe("100\\%\\_a\\\\b");
    expect(rankPatterns("5%")[3]).toBe("%5\\%%");
  });
});
