import { describe, expect, it } from "vitest";
import { teamOptions } from "@/lib/metrics/team-options";

describe("team filter options", () => {
  it("labels a team by name, adding the organisation (and the id) only where names repeat", () => {
    expect(
      teamOptions([
        { id: 1, name: "Ledger Core", orgName: "Payments Core" },
        { id: 2, name: "Ledger Core", orgName: "Retail Core" },
        { id: 3, name: "Search", orgName: "Retail Core" },
        { id: 4, name: "Sync", orgName: "Data" },
        { id: 5, name: "Sync", orgName: "Data" },
      ]).map((o) => o.label),
    ).toEqual([
      "Ledger Core (Payments Core)",
      "Ledger Core (Retail Core)",
      "Search",
      "Sync (Data, #4)",
      "Sync (Data, #5)",
    ]);
  });
});
