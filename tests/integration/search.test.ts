// The search behind the record pickers and the header's search box: each kind of record within
// what the reader may see of it (another organisation's records are never found), ranked, paged,
// and the route validates and authorises.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as search } from "@/app/api/search/route";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { PermissionError } from "@/lib/server/errors";
import { searchEverything, searchRecords } from "@/lib/server/search/service";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { actAs } from "./action-harness";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());

beforeEach(async () => {
  await resetDatabase();
});

const named = (id: number, name: string) => db.user.update({ where: { id }, data: { name } });

async function world() {
  const orgA = await createOrg({ name: "Payments" });
  const orgB = await createOrg({ name: "Retail" });
  const ledger = await createTeam(orgA.id, { name: "Ledger Core" });
  const till = await createTeam(orgB.id, { name: "Till Ledger" });
  const guardian = await createUser(["GUARDIAN"], { orgId: orgA.id, teamId: ledger.id });
  const builderB = await createUser(["BUILDER"], { orgId: orgB.id, teamId: till.id });
  const lead = await createUser(["LEAD"]);
  // Two people of the same name, one per organisation.
  const maraA = await named(
    (await createUser(["BUILDER"], { orgId: orgA.id, teamId: ledger.id })).id,
    "Mara Jones",
  );
  const maraB = await named(
    (await createUser(["BUILDER"], { orgId: orgB.id, teamId: till.id })).id,
    "Mara Jones",
  );
  const requestedAt = new Date("2026-10-01T10:00:00Z");
  const reviewA = await db.review.create({
    data: { id: 123, key: "REV-000123", teamId: ledger.id, service: "Ledger payouts", requestedAt },
  });
  const reviewB = await db.review.create({
    data: { id: 124, key: "REV-000124", teamId: till.id, service: "Till payouts", requestedAt },
  });
  const tmB = await db.threatModel.create({
    data: { key: "TM-00007", teamId: till.id, system: "Till sync", createdOn: requestedAt },
  });
  const releaseA = await db.release.create({
    data: { key: "REL-000001", teamId: ledger.id, name: "Payouts v2", startedOn: requestedAt },
  });
  return {
    orgA,
    orgB,
    ledger,
    till,
    guardian,
    builderB,
    lead,
    maraA,
    maraB,
    reviewA,
    reviewB,
    tmB,
    releaseA,
  };
}

const actor = async (id: number) => (await loadActor(id))!;

describe("search", () => {
  it("finds only what the reader may see: a guardian never finds another organisation's records", async () => {
    const w = await world();
    const guardian = await actor(w.guardian.id);
    const people = await searchRecords(guardian, { q: "mara", type: "person" });
    expect(people.hits.map((h) => h.id)).toEqual([w.maraA.id]);
    expect(
      (await searchRecords(guardian, { q: "payouts", type: "review" })).hits.map((h) => h.key),
    ).toEqual(["REV-000123"]);
    expect(
      (await searchRecords(guardian, { q: "ledger", type: "team" })).hits.map((h) => h.id),
    ).toEqual([w.ledger.id]);
    // The other organisation's review, threat model and people, even by exact key or email.
    expect((await searchRecords(guardian, { q: "REV-000124", type: "review" })).total).toBe(0);
    expect((await searchRecords(guardian, { q: "tm-7", type: "threat-model" })).total).toBe(0);
    expect((await searchRecords(guardian, { q: w.builderB.email, type: "person" })).total).toBe(0);
    const everything = await searchEverything(guardian, "payouts");
    expect(everything.map((g) => [g.type, g.hits.map((h) => h.key)])).toEqual([
      ["review", ["REV-000123"]],
      ["release", ["REL-000001"]],
    ]);
    // The other organisation's builder sees theirs, not the guardian's.
    const other = await searchEverything(await actor(w.builderB.id), "payouts");
    expect(other.flatMap((g) => g.hits.map((h) => h.key))).toEqual(["REV-000124"]);
  });

  it("tells namesakes apart, reads loosely typed keys, ranks and pages", async () => {
    const w = await world();
    const lead = await actor(w.lead.id);
    const maras = await searchRecords(lead, { q: "Mara Jones", type: "person" });
    expect(maras.hits.map((h) => h.detail).sort()).toEqual([
      `Ledger Core · Payments · ${w.maraA.email}`,
      `Till Ledger · Retail · ${w.maraB.email}`,
    ]);
    expect(maras.hits[0]).toMatchObject({ type: "person", href: `/people/${maras.hits[0].id}` });
    // "rev 124" is the key REV-000124, found first; "tm-7" is TM-00007.
    const byKey = await searchRecords(lead, { q: "rev 124", type: "review" });
    expect(byKey.hits.map((h) => h.title)).toEqual(["REV-000124 · Till payouts"]);
    expect(byKey.hits[0].detail).toBe("Till Ledger · requested");
    expect((await searchRecords(lead, { q: "TM-7", type: "threat-model" })).hits[0]).toMatchObject({
      id: w.tmB.id,
      detail: "Till Ledger · Draft",
      href: `/threat-models/${w.tmB.id}`,
    });
    // A name starting with the text comes before one containing it.
    expect(
      (await searchRecords(lead, { q: "ledger", type: "team" })).hits.map((h) => h.title),
    ).toEqual(["Ledger Core", "Till Ledger"]);
    // LIKE's wildcards are literal; one letter is too little to search.
    expect((await searchRecords(lead, { q: "%%", type: "team" })).total).toBe(0);
    expect((await searchRecords(lead, { q: "l", type: "team" })).total).toBe(0);
    // Pages: 25 matching people, 10 a page.
    for (let i = 0; i < 25; i++) {
      const u = await createUser(["BUILDER"], { orgId: w.orgA.id });
      await named(u.id, `Zed ${String(i).padStart(2, "0")}`);
    }
    const page3 = await searchRecords(lead, { q: "zed", type: "person", page: 3, perPage: 10 });
    expect(page3.total).toBe(25);
    expect(page3.hits.map((h) => h.title)).toEqual([
      "Zed 20",
      "Zed 21",
      "Zed 22",
      "Zed 23",
      "Zed 24",
    ]);
    // Pickers leave out deactivated people.
    await db.user.update({ where: { id: w.maraB.id }, data: { deactivatedAt: new Date() } });
    expect(
      (await searchRecords(lead, { q: "mara", type: "person", activeOnly: true })).hits.map(
        (h) => h.id,
      ),
    ).toEqual([w.maraA.id]);
  });

  it("refuses a kind the reader may not read", async () => {
    const w = await world();
    const nobody = await createUser([], { orgId: w.orgA.id });
    await expect(
      searchRecords(await actor(nobody.id), { q: "ledger", type: "review" }),
    ).rejects.toThrow(PermissionError);
    expect(await searchEverything(await actor(nobody.id), "ledger")).toEqual([]);
  });

  it("the route validates, authorises and answers within the reader's scope", async () => {
    const w = await world();
    const get = (query: string) => search(new Request(`http://localhost:3000/api/search?${query}`));
    actAs(null);
    expect((await get("q=ledger")).status).toBe(401);
    actAs(w.guardian.id);
    const grouped = await (await get("q=ledger")).json();
    expect(grouped.groups.map((g: { type: string }) => g.type)).toEqual(["team", "review"]);
    const people = await (await get("type=person&q=mara&active=1")).json();
    expect(people.hits.map((h: { id: number }) => h.id)).toEqual([w.maraA.id]);
    for (const bad of [
      "type=planet&q=x",
      "type=person&page=0",
      "type=person&page=abc",
      `q=${"x".repeat(101)}`,
      "q=a%00b",
      "type=person&active=yes",
    ]) {
      const res = await get(bad);
      expect(res.status, bad).toBe(422);
      expect((await res.json()).code).toBe("invalid_input");
    }
    const nobody = await createUser([], { orgId: w.orgA.id });
    actAs(nobody.id);
    expect((await get("type=review&q=ledger")).status).toBe(403);
  });
});
