import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type Column } from "@/components/ui/data-table";
import { teamsList } from "@/lib/url-state/lists";

type Team = { id: number; name: string; guardians: number };
const rows: Team[] = [
  { id: 1, name: "Ledger Core", guardians: 2 },
  { id: 2, name: "Payments API", guardians: 0 },
];
const columns: Column<Team>[] = [
  { header: "Team", sortKey: "name", cell: (t) => t.name },
  { header: "Organisation", sortKey: "org", cell: () => "Payments" },
  { header: "Guardians", align: "right", cell: (t) => t.guardians },
];
const render = (props: Partial<Parameters<typeof DataTable<Team>>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(DataTable<Team>, {
      caption: "Teams",
      columns,
      rows,
      rowKey: (t) => t.id,
      ...props,
    }),
  );

describe("DataTable markup", () => {
  it("has a hidden caption, column headers with scope, and one row per record", () => {
    const html = render();
    expect(html).toContain('<caption class="sr-only">Teams</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html.match(/<tr /g)).toHaveLength(2);
    expect(html).toContain("Payments API");
    expect(html).toMatch(/<td class="[^"]*text-right tabular-nums[^"]*">0<\/td>/);
    // The table scrolls sideways inside its own box (components/ui/scroll-region.tsx), never the page.
    expect(html).toMatch(/<div class="[^"]*overflow-x-auto[^"]*"><table/);
  });

  it("shows the empty state instead of an empty table", () => {
    const html = render({ rows: [], empty: createElement("p", null, "No teams match") });
    expect(html).toBe("<p>No teams match</p>");
  });

  it("marks the sorted column with aria-sort and links each sortable header to the other order", () => {
    const state = teamsList.parse({ q: "core", sort: "-name" });
    const html = render({ sort: teamsList.tableSort("/directory", state) });
    expect(html).toContain('aria-sort="descending"');
    expect(html.match(/aria-sort=/g)).toHaveLength(1);
    expect(html).toContain('href="/directory?q=core"'); // name ascending: the default order
    expect(html).toContain('href="/directory?q=core&amp;sort=org"');
    expect(html).not.toContain("Guardians</a>"); // not sortable
  });

  it("renders row headers and cells that span columns", () => {
    const html = render({
      columns: [
        { header: "Team", rowHeader: true, cell: (t) => t.name },
        { header: "A", colSpan: (t) => (t.guardians ? undefined : 2), cell: () => "a" },
        { header: "B", cell: () => "b" },
      ],
    });
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(html).toContain('colSpan="2"');
    expect(html.match(/>b</g)).toHaveLength(1);
  });
});
