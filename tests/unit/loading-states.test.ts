import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";
import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";
import { ListPageSkeleton } from "@/components/ui/skeleton-page";

const APP = "app/(app)";
const blocks = (html: string) => html.match(/<div aria-hidden="true" class="animate-pulse/g) ?? [];

function files(dir: string, match: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full, match) : match(e.name) ? [full] : [];
  });
}

describe("loading states", () => {
  it("announce 'Loading…' once, mark the region busy and hide the placeholders from assistive technology", () => {
    const html = renderToStaticMarkup(
      createElement(ListPageSkeleton, { label: "Loading reviews…", stats: 2, filters: 1, rows: 3 }),
    );
    expect(html).toMatch(/^<div role="status" aria-busy="true" aria-live="polite"/);
    expect(html.match(/role="status"/g)).toHaveLength(1);
    expect(html).toContain('<span class="sr-only">Loading reviews…</span>');
    expect(blocks(html)).toHaveLength(2 + 2 + 1 + 3);
    expect(renderToStaticMarkup(createElement(ListPageSkeleton))).toContain(
      '<span class="sr-only">Loading…</span>',
    );
  });

  it("leave out the title placeholders where the page shows its header outside the loading region", () => {
    expect(
      blocks(
        renderToStaticMarkup(
          createElement(ListPageSkeleton, { title: false, stats: 2, filters: 1, rows: 3 }),
        ),
      ),
    ).toHaveLength(2 + 1 + 3);
  });

  it("build smaller regions and the dashboard's from the same busy region", () => {
    const small = renderToStaticMarkup(
      LoadingRegion({
        label: "Loading your month…",
        children: createElement(Skeleton, { className: "h-9" }),
      }),
    );
    expect(small).toMatch(
      /^<div role="status" aria-busy="true" aria-live="polite"[^>]*><span class="sr-only">Loading your month…<\/span><div aria-hidden="true"/,
    );
    const dashboard = renderToStaticMarkup(
      createElement(DashboardSkeleton, { cards: 4, charts: 2 }),
    );
    expect(dashboard).toMatch(/^<div role="status" aria-busy="true" aria-live="polite"/);
    expect(dashboard).toContain('<span class="sr-only">Loading the figures…</span>');
    expect(blocks(dashboard)).toHaveLength(2 + 4 + 4 + 2);
  });

  // A loading.tsx wraps its segment's pages in a Suspense boundary, so Next sends the shell with
  // 200 before the page runs: a refusal (forbidden(), 403) or a missing record (notFound(), 404)
  // then renders its message under a 200. Pages stream with their own boundary instead
  // (<StreamedPart>: a <Suspense> with an error state of its own).
  it("are never a loading.tsx in the signed-in area", () => {
    expect(files(APP, (n) => n === "loading.tsx")).toEqual([]);
  });

  it("come after the page's own permission check and record lookups, which decide its status", () => {
    const streaming = files(APP, (n) => n === "page.tsx").filter((f) =>
      fs.readFileSync(f, "utf8").includes("<StreamedPart"),
    );
    expect(streaming.length).toBeGreaterThan(10);
    const late = streaming.filter((f) => {
      const src = fs.readFileSync(f, "utf8");
      const boundary = src.indexOf("<StreamedPart");
      const guard = src.search(/await require(Permission|Actor)\(/);
      const lastRefusal = Math.max(src.lastIndexOf("notFound("), src.lastIndexOf("forbidden("));
      return guard < 0 || guard > boundary || lastRefusal > boundary;
    });
    expect(late).toEqual([]);
  });

  it("stream only components that cannot refuse: refusals belong to the page, before its boundary", () => {
    const refusing = files("components", (n) => /\.tsx?$/.test(n)).filter((f) =>
      /\b(notFound|forbidden|unauthorized|redirect)\(/.test(fs.readFileSync(f, "utf8")),
    );
    expect(refusing).toEqual([]);
  });
});
