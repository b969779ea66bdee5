// The organisation tree is read once per request: every place that needs sub-orgs goes through
// orgTree() (lib/server/org-tree.ts). React's `cache` only memoises inside a server render, so
// here it is replaced by a memo that lasts until the next "request".
import { beforeEach, describe, expect, it, vi } from "vitest";
import { loadActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listPeople } from "@/lib/server/directory/people-queries";
import { resolveScope } from "@/lib/server/metrics/dashboard";
import { filterOptions, searchDashboardTeams } from "@/lib/server/metrics/filter-options";
import { teamOrganisation } from "@/lib/server/nominations/queries";
import { orgTree, subOrgIds } from "@/lib/server/org-tree";
import { completionByOrg, completionByTeam } from "@/lib/server/training/queries";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

const request = vi.hoisted(() => ({ memo: new Map<unknown, unknown>() }));
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache:
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      const key = JSON.stringify([fn.toString(), args]);
      if (!request.memo.has(key)) request.memo.set(key, fn(...args));
      return request.memo.get(key) as R;
    },
}));

const newRequest = () => request.memo.clear();

async function tree() {
  const payments = await createOrg({ name: "Payments" });
  const cards = await createOrg({ name: "Payments / Cards", parentId: payments.id });
  const vault = await createOrg({ name: "Payments / Cards / Vault", parentId: cards.id });
  const retail = await createOrg({ name: "Retail" });
  const team = await createTeam(vault.id, { name: "Vault Core" });
  await createTeam(retail.id, { name: "Shop" });
  const lead = (await loadActor((await createUser(["LEAD"])).id))!;
  return { payments, cards, vault, retail, team, lead };
}

beforeEach(async () => {
  await resetDatabase();
  newRequest();
});

describe("the organisation tree", () => {
  it("gives an organisation's sub-orgs at every depth, and only theirs", async () => {
    const { payments, cards, vault, retail } = await tree();
    expect(await subOrgIds([payments.id])).toEqual([payments.id, cards.id, vault.id]);
    expect(await subOrgIds([cards.id, retail.id])).toEqual(
      [cards.id, vault.id, retail.id].sort((a, b) => a - b),
    );
    expect((await orgTree()).map((o) => o.name)).toEqual([
      "Payments",
      "Payments / Cards",
      "Payments / Cards / Vault",
      "Retail",
    ]);
  });

  it("is read from the database once per request by every page part that needs it", async () => {
    const { payments, vault, team, lead } = await tree();
    newRequest();
    // db is a lazy proxy over the one client (lib/db/client.ts): spy on the client itself.
    const client = (globalThis as unknown as { prisma: typeof db }).prisma;
    const queryRaw = vi.spyOn(client, "$queryRaw");
    const treeReads = () =>
      queryRaw.mock.calls.filter(([sql]) =>
        (sql as TemplateStringsArray).join("?").includes('FROM "Org" ORDER BY'),
      ).length;
    const scope = await resolveScope(lead, { org: payments.id });
    const options = await filterOptions(lead, payments.id);
    await searchDashboardTeams(lead, payments.id, "vault");
    await completionByOrg(lead);
    await completionByTeam(lead, payments.id);
    const people = await listPeople(lead, { org: payments.id }, 1);
    const organisation = await teamOrganisation(vault.id);
    expect(treeReads()).toBe(1);
    // …and each got the right answer from it.
    expect(scope.scope.orgIds).toContain(vault.id);
    expect(options.teams.map((t) => t.value)).toEqual([String(team.id)]);
    expect(people.total).toBe(0);
    expect(organisation.name).toBe("Payments");
    newRequest();
    await resolveScope(lead, { org: payments.id });
    expect(treeReads()).toBe(2);
    queryRaw.mockRestore();
  });
});
