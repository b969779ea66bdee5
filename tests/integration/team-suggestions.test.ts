// Team suggestions for the review, release and threat-model team fields: searched as the person
// types, within what they may see, never the whole list; the route authorises and validates.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getTeams } from "@/app/api/teams/route";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/server/errors";
import {
  filterOptions,
  searchDashboardTeams,
  TEAM_LIST_LIMIT,
} from "@/lib/server/metrics/filter-options";
import { teamChoices } from "@/lib/server/teams/lookup";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { actAs } from "./action-harness";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());

beforeEach(async () => {
  await resetDatabase();
});

async function world() {
  const orgA = await createOrg();
  const orgB = await createOrg();
  const teams = [];
  for (let i = 1; i <= 25; i++)
    teams.push(await createTeam(orgA.id, { name: `Ledger ${String(i).padStart(2, "0")}` }));
  const percent = await createTeam(orgA.id, { name: "100% Uptime" });
  const core = await createTeam(orgA.id, { name: "Core Ledger" });
  const twin = await createTeam(orgB.id, { name: "Core Ledger" });
  const guardian = await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: teams[0].id });
  const manager = await createUser(["MANAGER"], { orgId: orgB.id });
  const lead = await createUser(["LEAD"]);
  return { orgA, orgB, teams, percent, core, twin, guardian, manager, lead };
}

const get = (query: string) => getTeams(new Request(`http://localhost:3000/api/teams?${query}`));

describe("team suggestions", () => {
  it("match name or key, names starting with the text first, at most 20, within the reader's scope", async () => {
    const w = await world();
    const lead = (await loadActor(w.lead.id))!;
    const guardian = (await loadActor(w.guardian.id))!;
    const ledger = await teamChoices(lead, "review.read", { q: "ledger" });
    expect(ledger).toHaveLength(20);
    expect(ledger.slice(0, 3).map((c) => c.value)).toEqual(["Ledger 01", "Ledger 02", "Ledger 03"]);
    // "Core Ledger" contains the text but does not start with it: after every "Ledger …".
    expect(
      (await teamChoices(lead, "review.read", { q: "ledger", limit: 40 }))
        .slice(-2)
        .map((c) => c.value),
    ).toEqual([w.core.key, w.twin.key].sort());
    // Two visible teams share a name: each is suggested by its key, with its organisation.
    expect(await teamChoices(lead, "review.read", { q: "core led" })).toEqual(
      [w.core, w.twin]
        .sort((a, b) => a.key.localeCompare(b.key))
        .map((t) => ({
          value: t.key,
          label: `Core Ledger · ${t.orgId === w.orgA.id ? w.orgA.name : w.orgB.name}`,
        })),
    );
    // The guardian sees org A only: the same name is unique there, so the name is suggested.
    expect(await teamChoices(guardian, "review.read", { q: "core" })).toEqual([
      { value: "Core Ledger", label: w.orgA.name },
    ]);
    expect(await teamChoices(lead, "review.read", { q: w.percent.key.toUpperCase() })).toEqual([
      { value: "100% Uptime", label: w.orgA.name },
    ]);
    // LIKE's wildcards are taken literally.
    expect((await teamChoices(lead, "review.read", { q: "%" })).map((c) => c.value)).toEqual([
      "100% Uptime",
    ]);
    expect(await teamChoices(lead, "review.read", { q: "_" })).toEqual([]);
  });

  it("the route answers the signed-in reader's matches, and refuses strangers and bad input", async () => {
    const w = await world();
    actAs(w.manager.id);
    const res = await get("for=review&q=core");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ value: "Core Ledger", label: w.orgB.name }]); // org B's only
    // managers do not write threat models
    expect((await get("for=threat-model-write&q=core")).status).toBe(403);
    expect((await get("for=everything&q=core")).status).toBe(422);
    expect((await get(`for=review&q=${"x".repeat(101)}`)).status).toBe(422);
    actAs(null);
    expect((await get("for=review&q=core")).status).toBe(401);
  });
});

describe("the dashboard's team filter", () => {
  it("lists every team of a small scope, labelled so each label picks one team", async () => {
    const w = await world();
    const lead = (await loadActor(w.lead.id))!;
    const all = await filterOptions(lead, undefined);
    expect(all.teamCount).toBe(28);
    expect(all.teams).toHaveLength(28);
    expect(
      all.teams
        .filter((t) => t.label.startsWith("Core Ledger"))
        .map((t) => t.label)
        .sort(),
    ).toEqual([`Core Ledger (${w.orgA.name})`, `Core Ledger (${w.orgB.name})`]);
    expect(all.selectedTeam).toBeNull();
    const b = await filterOptions(lead, w.orgB.id);
    expect(b.teams).toEqual([{ value: String(w.twin.id), label: "Core Ledger" }]); // unique within org B
  });

  it("sends only the count and the chosen team past the limit, and searches the rest", async () => {
    const w = await world();
    await db.team.createMany({
      data: Array.from({ length: TEAM_LIST_LIMIT }, (_, i) => ({
        key: `bulk-${i}`,
        name: `Bulk ${String(i).padStart(3, "0")}`,
        orgId: w.orgA.id,
        joinedOn: new Date("2025-01-01"),
      })),
    });
    const lead = (await loadActor(w.lead.id))!;
    const options = await filterOptions(lead, undefined, w.core.id);
    expect(options.teams).toEqual([]);
    expect(options.teamCount).toBe(TEAM_LIST_LIMIT + 28);
    expect(options.selectedTeam).toEqual({
      value: String(w.core.id),
      label: `Core Ledger (${w.orgA.name})`,
    });
    // Org B alone is small again: listed whole.
    expect((await filterOptions(lead, w.orgB.id)).teams).toHaveLength(1);
    const found = await searchDashboardTeams(lead, undefined, "core");
    expect(found.map((t) => t.label).sort()).toEqual([
      `Core Ledger (${w.orgA.name})`,
      `Core Ledger (${w.orgB.name})`,
    ]);
    expect(await searchDashboardTeams(lead, w.orgB.id, "core")).toEqual([
      { value: String(w.twin.id), label: "Core Ledger" },
    ]);
    expect(await searchDashboardTeams(lead, undefined, "bulk")).toHaveLength(20);
    expect(
      (await searchDashboardTeams(lead, undefined, "bulk 29", 40)).map((t) => t.label),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `Bulk 29${i}`));
    expect((await searchDashboardTeams(lead, undefined, "%")).map((t) => t.label)).toEqual([
      "100% Uptime",
    ]);
  });

  it("keeps a manager to their organisations, through the route too", async () => {
    const w = await world();
    const manager = (await loadActor(w.manager.id))!;
    expect((await filterOptions(manager, w.orgA.id)).teams).toEqual([
      { value: String(w.twin.id), label: "Core Ledger" },
    ]);
    expect(await searchDashboardTeams(manager, undefined, "")).toEqual([
      { value: String(w.twin.id), label: "Core Ledger" },
    ]);
    await expect(searchDashboardTeams(manager, w.orgA.id, "")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    actAs(w.manager.id);
    const res = await get("for=dashboard&q=led");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ value: String(w.twin.id), label: "Core Ledger" }]);
    expect((await get(`for=dashboard&org=${w.orgA.id}&q=`)).status).toBe(404);
    expect((await get("for=dashboard&org=abc")).status).toBe(422);
    actAs(w.guardian.id);
    expect((await get("for=dashboard&q=")).status).toBe(403); // guardians have no dashboard
  });
});
