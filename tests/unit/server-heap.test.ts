import { describe, expect, it } from "vitest";
import { serverNodeOptions } from "@/lib/server-heap";

const young = "--max-semi-space-size=32";

describe("the production server's heap options", () => {
  it.each([
    [{}, `--max-old-space-size=768 ${young}`],
    [{ SERVER_HEAP_MB: "1024" }, `--max-old-space-size=1024 ${young}`],
    [{ SERVER_HEAP_MB: "12" }, `--max-old-space-size=768 ${young}`], // too small to run: the default
    [{ SERVER_HEAP_MB: "lots" }, `--max-old-space-size=768 ${young}`],
    [{ SERVER_YOUNG_MB: "64" }, "--max-old-space-size=768 --max-semi-space-size=64"],
    [{ SERVER_YOUNG_MB: "0" }, `--max-old-space-size=768 ${young}`],
    [
      { NODE_OPTIONS: "--enable-source-maps" },
      `--enable-source-maps --max-old-space-size=768 ${young}`,
    ],
    [
      { NODE_OPTIONS: "--max-old-space-size=2048", SERVER_HEAP_MB: "512" },
      `--max-old-space-size=2048 ${young}`,
    ], // the operator's own wins
    [
      { NODE_OPTIONS: "--max-semi-space-size=8" },
      "--max-semi-space-size=8 --max-old-space-size=768",
    ],
  ])("%j → %s", (env, expected) => {
    expect(serverNodeOptions(env)).toBe(expected);
  });
});
