import { describe, expect, it } from "vitest";
import { serverNodeOptions } from "@/lib/server-heap";

describe("the production server's heap ceiling", () => {
  it.each([
    [{}, "--max-old-space-size=768"],
    [{ SERVER_HEAP_MB: "1024" }, "--max-old-space-size=1024"],
    [{ SERVER_HEAP_MB: "12" }, "--max-old-space-size=768"], // too small to run: the default
    [{ SERVER_HEAP_MB: "lots" }, "--max-old-space-size=768"],
    [{ NODE_OPTIONS: "--enable-source-maps" }, "--enable-source-maps --max-old-space-size=768"],
    [
      { NODE_OPTIONS: "--max-old-space-size=2048", SERVER_HEAP_MB: "512" },
      "--max-old-space-size=2048",
    ], // the operator's own wins
  ])("%j → %s", (env, expected) => {
    expect(serverNodeOptions(env)).toBe(expected);
  });
});
