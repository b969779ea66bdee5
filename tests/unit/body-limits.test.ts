import { describe, expect, it } from "vitest";
import {
  bodyLimitFor,
  describeBytes,
  IMPORT_BODY_LIMIT,
  KIB,
  MAX_UPLOAD_BYTES,
  MIB,
  normalisePath,
  SERVER_ACTION_BODY_LIMIT,
} from "@/lib/http/body-limits";

describe("body limits per route", () => {
  it.each([
    ["POST", "/api/transfer/import", "spreadsheet import", IMPORT_BODY_LIMIT],
    ["POST", "/api/activities", "hour logging", 64 * KIB],
    ["POST", "/api/activities?retry=1", "hour logging", 64 * KIB],
    ["POST", "/api/auth/callback/credentials", "sign-in", 16 * KIB],
    ["GET", "/api/auth/callback/oidc?code=x&state=y", "sign-in", 16 * KIB],
    ["GET", "/api/metrics/reviews", "API", 16 * KIB],
    ["GET", "/api/transfer/import", "API", 16 * KIB],
    ["POST", "/log", "server action", SERVER_ACTION_BODY_LIMIT],
    ["POST", "/sign-in", "server action", SERVER_ACTION_BODY_LIMIT],
    ["GET", "/dashboard", "request", 16 * KIB],
    ["HEAD", "/", "request", 16 * KIB],
    [undefined, undefined, "request", 16 * KIB],
  ])("%s %s: %s, %d bytes", (method, url, name, limit) => {
    expect(bodyLimitFor(method, url)).toMatchObject({ name, limit });
  });

  it("gives the import what its files need and every JSON route far less", () => {
    expect(IMPORT_BODY_LIMIT).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(IMPORT_BODY_LIMIT).toBeLessThanOrEqual(MAX_UPLOAD_BYTES + 2 * MIB);
    expect(bodyLimitFor("POST", "/api/activities").limit).toBeLessThanOrEqual(MIB);
    expect(SERVER_ACTION_BODY_LIMIT).toBe(MIB); // next.config.ts hands it to Next.js
  });

  it("cannot be stretched by spelling a path another way", () => {
    for (const url of [
      "/api//activities",
      "/api/activities/",
      "/%61pi/activities",
      "/api/%61ctivities#x",
    ])
      expect(bodyLimitFor("post", url).name, url).toBe("hour logging");
    // Anything that is not exactly the import route gets at most a server action's limit.
    expect(bodyLimitFor("POST", "/api/transfer/import/x").limit).toBe(16 * KIB);
    expect(bodyLimitFor("POST", "/api/transfer/importx").limit).toBe(16 * KIB);
    expect(bodyLimitFor("PUT", "/api/transfer/import").limit).toBe(16 * KIB);
  });

  it("normalises paths as routing sees them", () => {
    expect(normalisePath("/")).toBe("/");
    expect(normalisePath("")).toBe("/");
    expect(normalisePath("/a//b/?q=1")).toBe("/a/b");
    expect(normalisePath("/%E0%A4%A")).toBe("/%E0%A4%A"); // malformed escapes stay as sent
  });

  it("states limits in the 413 answer's words", () => {
    expect(describeBytes(64 * KIB)).toBe("64 KB");
    expect(describeBytes(IMPORT_BODY_LIMIT)).toBe("51 MB");
    expect(describeBytes(1000)).toBe("1000 bytes");
  });
});
