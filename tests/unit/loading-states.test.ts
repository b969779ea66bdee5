import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";

const SEGMENTS = ["", "directory", "reviews", "threat-models", "releases", "log", "feedback", "nominations", "newsletters", "admin/audit", "training", "recognition", "people", "dashboard"];

describe("loading states", () => {
  it("announce 'Loading…' once, mark the region busy and hide the placeholders from assistive technology", () => {
    const html = renderToStaticMarkup(createElement(ListPageSkeleton, { label: "Loading reviews…", stats: 2, filters: 1, rows: 3 }));
    expect(html).toMatch(/^<div role="status" aria-busy="true" aria-live="polite"/);
    expect(html).toContain('<span class="sr-only">Loading reviews…</span>');
    const blocks = html.match(/<div aria-hidden="true" class="animate-pulse/g) ?? [];
    expect(blocks).toHaveLength(2 + 2 + 1 + 3);
    expect(renderToStaticMarkup(createElement(ListPageSkeleton))).toContain('<span class="sr-only">Loading…</span>');
  });

  it("exist for the signed-in area and each heavy list page", () => {
    const missing = SEGMENTS.filter((s) => !fs.existsSync(path.join("app/(app)", s, "loading.tsx")));
    expect(missing).toEqual([]);
  });
});
