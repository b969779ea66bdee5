// The audit log page's reads: filters, pagination and who may read it.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { audit } from "@/lib/server/audit";
import { listAuditEntries, PAGE_SIZE } from "@/lib/server/audit-log/queries";
import { PermissionError } from "@/lib/server/errors";
import { auditFilterSchema } from "@/lib/url-state/lists";
import AuditPage from "@/app/(app)/admin/audit/page";
import { createOrg, createUser } from "../factories";
import { resetDatabase } from "../setup/db";
import { actAs } from "./action-harness";

vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
vi.mock("next/cache", async () => (await import("./action-harness")).nextCacheModule());

beforeEach(async () => {
  await resetDatabase();
  // next.config.ts enables forbidden() (experimental.authInterrupts); Next passes that on to its
  // code like this.
  vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
});

const at = (iso: string) => new Date(iso);

async function world() {
  const org = await createOrg();
  const admin = await createUser(["ADMIN"], { email: "admin@example.test" });
  const lead = await createUser(["LEAD"], { email: "Lead.Person@example.test" });
  const others = await Promise.all(
    (["SECURITY_ENGINEER", "GUARDIAN", "MANAGER", "BUILDER"] as const).map((r) =>
      createUser([r], { orgId: org.id }),
    ),
  );
  // Written as the app writes them: one row per change, with before and after.
  const entries = [
    {
      at: at("2026-03-01T09:00:00Z"),
      actorId: lead.id,
      action: "create",
      entity: "Team",
      entityId: "1",
      after: { name: "Cards" },
    },
    {
      at: at("2026-03-01T23:59:59Z"),
      actorId: lead.id,
      action: "update",
      entity: "Team",
      entityId: "1",
      before: { name: "Cards" },
      after: { name: "Card payments" },
    },
    {
      at: at("2026-03-02T00:00:00Z"),
      actorId: admin.id,
      action: "update",
      entity: "User",
      entityId: String(lead.id),
      before: { roles: ["BUILDER"] },
      after: { roles: ["LEAD"] },
    },
    {
      at: at("2026-03-05T12:00:00Z"),
      actorId: lead.id,
      action: "approve",
      entity: "GuardianMembership",
      entityId: "7",
      after: { status: "ACTIVE" },
    },
    {
      at: at("2026-03-06T08:00:00Z"),
      actorId: null,
      action: "award",
      entity: "BeltAward",
      entityId: "3",
      after: { belt: "WHITE" },
    },
  ];
  for (const e of entries) await db.auditLog.create({ data: e });
  const load = async (id: number) => (await loadActor(id))!;
  return {
    admin: await load(admin.id),
    lead: await load(lead.id),
    others: await Promise.all(others.map((o) => load(o.id))),
  };
}

const filter = (raw: Record<string, string>) => auditFilterSchema.parse(raw);
const ids = async (
  actor: Awaited<ReturnType<typeof world>>["admin"],
  raw: Record<string, string>,
  page = 1,
) =>
  (await listAuditEntries(actor, filter(raw), page)).entries.map((e) => `${e.entity}:${e.action}`);

describe("audit log filters", () => {
  it("lists every change newest first, with who made it and before/after, and the record types for the filter", async () => {
    const w = await world();
    const all = await listAuditEntries(w.admin, filter({}), 1);
    expect(all.total).toBe(5);
    expect(all.entries.map((e) => `${e.entity}:${e.action}`)).toEqual([
      "BeltAward:award",
      "GuardianMembership:approve",
      "User:update",
      "Team:update",
      "Team:create",
    ]);
    expect(all.entries[0].actor).toBeNull();
    expect(all.entries[3]).toMatchObject({
      actor: { email: "Lead.Person@example.test" },
      before: { name: "Cards" },
      after: { name: "Card payments" },
    });
    expect(all.entities).toEqual(["BeltAward", "GuardianMembership", "Team", "User"]);
  });

  it("by record type, action, person (part of the email, any case) and dates (both ends included), combined", async () => {
    const w = await world();
    expect(await ids(w.admin, { entity: "Team" })).toEqual(["Team:update", "Team:create"]);
    expect(await ids(w.admin, { action: "update" })).toEqual(["User:update", "Team:update"]);
    expect(await ids(w.admin, { entity: "Team", action: "update" })).toEqual(["Team:update"]);
    expect(await ids(w.admin, { actor: "LEAD.person" })).toEqual([
      "GuardianMembership:approve",
      "Team:update",
      "Team:create",
    ]);
    expect(await ids(w.admin, { actor: "admin@" })).toEqual(["User:update"]);
    expect(await ids(w.admin, { actor: "nobody@example.test" })).toEqual([]);
    expect(await ids(w.admin, { from: "2026-03-02" })).toEqual([
      "BeltAward:award",
      "GuardianMembership:approve",
      "User:update",
    ]);
    expect(await ids(w.admin, { to: "2026-03-01" })).toEqual(["Team:update", "Team:create"]);
    expect(await ids(w.admin, { from: "2026-03-02", to: "2026-03-05" })).toEqual([
      "GuardianMembership:approve",
      "User:update",
    ]);
    expect(await ids(w.admin, { from: "2026-03-02", to: "2026-03-05", actor: "lead" })).toEqual([
      "GuardianMembership:approve",
    ]);
  });

  it("ignores malformed filters from the URL instead of failing or matching nothing", async () => {
    const w = await world();
    const parsed = filter({
      entity: 'Team"; DROP TABLE "AuditLog',
      action: "UPDATE!",
      from: "2026-02-30",
      to: "yesterday",
    });
    expect(parsed).toEqual({
      entity: undefined,
      action: undefined,
      actor: undefined,
      from: undefined,
      to: undefined,
    });
    expect((await listAuditEntries(w.admin, parsed, 1)).total).toBe(5);
  });
});

describe("audit log pagination", () => {
  it("pages of 50, newest first, with no entry on two pages and none lost", async () => {
    const w = await world();
    const base = Date.parse("2026-04-01T00:00:00Z");
    await db.auditLog.createMany({
      data: Array.from({ length: PAGE_SIZE + 7 }, (_, i) => ({
        at: new Date(base + i * 60_000),
        actorId: w.admin.id,
        action: "update",
        entity: "Goal",
        entityId: String(i),
      })),
    });
    const first = await listAuditEntries(w.admin, filter({ entity: "Goal" }), 1);
    const second = await listAuditEntries(w.admin, filter({ entity: "Goal" }), 2);
    expect([first.total, first.pages, first.entries.length, second.entries.length]).toEqual([
      PAGE_SIZE + 7,
      2,
      PAGE_SIZE,
      7,
    ]);
    const seen = [...first.entries, ...second.entries].map((e) => Number(e.entityId));
    expect(seen).toEqual(Array.from({ length: PAGE_SIZE + 7 }, (_, i) => PAGE_SIZE + 6 - i));
    expect((await listAuditEntries(w.admin, filter({ entity: "Goal" }), 3)).entries).toEqual([]);
  });
});

describe("who may read the audit log", () => {
  it("only admins: a lead and every other role are refused, by the query and by the page", async () => {
    const w = await world();
    for (const actor of [w.lead, ...w.others]) {
      await expect(listAuditEntries(actor, filter({}), 1)).rejects.toBeInstanceOf(PermissionError);
      actAs(actor.id);
      await expect(AuditPage({ searchParams: Promise.resolve({}) })).rejects.toMatchObject({
        digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;403/),
      });
    }
    actAs(null);
    await expect(AuditPage({ searchParams: Promise.resolve({}) })).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/sign-in/),
    });
    actAs(w.admin.id);
    await expect(
      AuditPage({ searchParams: Promise.resolve({ entity: "Team" }) }),
    ).resolves.toBeTruthy();
  });

  it("the log is append-only: an entry cannot be changed or deleted", async () => {
    await world();
    const entry = await db.auditLog.findFirstOrThrow();
    await expect(
      db.auditLog.update({ where: { id: entry.id }, data: { action: "tampered" } }),
    ).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow();
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({
      action: entry.action,
    });
  });
});

describe("what an audit record keeps", () => {
  it("leaves secret fields out of before and after, at any depth", async () => {
    const admin = await createUser(["ADMIN"]);
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$ZGlnZXN0";
    await db.$transaction((tx) =>
      audit(tx, {
        actorId: admin.id,
        action: "update",
        entity: "User",
        entityId: admin.id,
        before: { name: "Old", passwordHash: hash, links: [{ tokenHash: "abc", kind: "RESET" }] },
        after: { name: "New", password: "typed-secret", id: 7n },
      }),
    );
    const row = await db.auditLog.findFirstOrThrow({ where: { entity: "User" } });
    expect(row.before).toEqual({ name: "Old", links: [{ kind: "RESET" }] });
    expect(row.after).toEqual({ name: "New", id: "7" });
  });
});
