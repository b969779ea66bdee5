import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/session";
import { mailerFromEnv } from "@/lib/server/mail";
import { deliver } from "@/lib/server/newsletters/deliver";
import { listNewsletters, newsletterOrgs } from "@/lib/server/newsletters/queries";
import {
  generateAllDrafts,
  generateDraft,
  newsletterContent,
  publish,
  updateDraft,
} from "@/lib/server/newsletters/service";
import { DomainError, PermissionError } from "@/lib/server/errors";
import { createOrg, createTeam, createUser } from "../factories";
import { resetDatabase } from "../setup/db";

// A real SMTP server inside the test; `failNext` makes it refuse messages.
const received: { to: string[]; raw: string }[] = [];
let failNext = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (c: Buffer) => (raw += c.toString()));
    stream.on("end", () => {
      if (failNext > 0) {
        failNext--;
        return callback(
          Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 }),
        );
      }
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(resolve)));

const mailer = () =>
  mailerFromEnv({
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(port),
    SMTP_TLS: "false",
    SMTP_FROM: "Guardians <guardians@example.test>",
  });
const Q = "2026-Q3";

async function world() {
  const leader = await createUser(["MANAGER"], { email: "leader@example.test" });
  const org = await createOrg({ name: "Payments", leaderId: leader.id });
  await db.org.update({
    where: { id: org.id },
    data: { newsletterRecipients: ["cto@example.test", "LEADER@example.test"] },
  });
  const team = await createTeam(org.id, { joinedOn: new Date("2025-01-01") });
  const g = await createUser(["GUARDIAN"], { orgId: org.id, teamId: team.id });
  await db.guardianMembership.create({
    data: {
      userId: g.id,
      teamId: team.id,
      status: "ACTIVE",
      nominatedOn: new Date("2025-05-01"),
      activeOn: new Date("2025-05-01"),
    },
  });
  await db.activityEntry.create({
    data: { userId: g.id, date: new Date("2026-08-03"), quarterHours: 10, type: "REVIEW" },
  });
  const lead = (await loadActor((await createUser(["LEAD"])).id))!;
  return { org, g, lead, leader: (await loadActor(leader.id))! };
}

beforeEach(async () => {
  await resetDatabase();
  received.length = 0;
  failNext = 0;
});

describe("newsletters", () => {
  it("publishing freezes the content: later data changes do not alter it", async () => {
    const w = await world();
    const draft = await generateDraft(w.lead, w.org.id, Q);
    await updateDraft(w.lead, draft.id, { intro: "A strong quarter.", highlights: null });
    const live = await newsletterContent(draft);
    expect(live.sections[0].table!.rows[0]).toContain("2.5");
    const published = await publish(w.lead, draft.id);
    await db.activityEntry.create({
      data: { userId: w.g.id, date: new Date("2026-08-04"), quarterHours: 40, type: "OTHER" },
    });
    const frozen = await newsletterContent(published);
    expect(frozen.intro).toBe("A strong quarter.");
    expect(frozen.sections[0].table!.rows[0]).toContain("2.5");
    await expect(
      updateDraft(w.lead, draft.id, { intro: "changed", highlights: null }),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(publish(w.lead, draft.id)).rejects.toThrow("already published");
  });

  it("lists guardians who left during the quarter with their work, and recognition of anyone in the organisation", async () => {
    const w = await world();
    const team = await db.team.findFirstOrThrow({ where: { orgId: w.org.id } });
    const left = await createUser(["BUILDER"], { orgId: w.org.id, teamId: team.id });
    await db.guardianMembership.create({
      data: {
        userId: left.id,
        teamId: team.id,
        status: "ALUMNI",
        nominatedOn: new Date("2025-05-01"),
        activeOn: new Date("2025-05-01"),
        leftOn: new Date("2026-08-15"),
      },
    });
    await db.activityEntry.create({
      data: { userId: left.id, date: new Date("2026-07-10"), quarterHours: 8, type: "DEEP_DIVE" },
    });
    const before = await createUser(["BUILDER"], { orgId: w.org.id, teamId: team.id });
    await db.guardianMembership.create({
      data: {
        userId: before.id,
        teamId: team.id,
        status: "ALUMNI",
        nominatedOn: new Date("2025-05-01"),
        activeOn: new Date("2025-05-01"),
        leftOn: new Date("2026-06-30"),
      },
    });
    const builder = await createUser(["BUILDER"], { orgId: w.org.id, teamId: team.id });
    const elsewhere = await createUser(["BUILDER"], { orgId: (await createOrg()).id });
    await db.recognition.createMany({
      data: [
        {
          recipientId: builder.id,
          giverId: w.lead.id,
          kind: "KUDOS",
          title: "Fixed the XSS",
          reason: "Quick fix",
          createdAt: new Date("2026-08-10"),
        },
        {
          recipientId: elsewhere.id,
          giverId: w.lead.id,
          kind: "AWARD",
          title: "Not ours",
          reason: "Other org",
          createdAt: new Date("2026-08-11"),
        },
        {
          recipientId: w.g.id,
          giverId: w.lead.id,
          kind: "AWARD",
          title: "Guardian of the quarter",
          reason: "Reviews",
          createdAt: new Date("2026-09-01"),
        },
        {
          recipientId: builder.id,
          giverId: w.lead.id,
          kind: "KUDOS",
          title: "Last quarter",
          reason: "Old",
          createdAt: new Date("2026-06-10"),
        },
      ],
    });
    const draft = await generateDraft(w.lead, w.org.id, Q);
    const c = await newsletterContent(draft);
    const guardians = c.sections.find((s) => s.id === "guardians")!;
    expect(guardians.paragraphs[0]).toMatch(
      /^1 active guardian in Payments, and 1 guardian who left during the quarter\./,
    );
    expect(guardians.table!.rows.map((r) => [r[0], r[3]])).toEqual(
      [
        [`${w.g.name}`, "2.5"],
        [`${left.name} (left 15 Aug 2026)`, "2.0"],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
    expect(guardians.table!.rows.flat()).not.toContain(before.name);
    expect(c.sections.find((s) => s.id === "awards")!.paragraphs).toEqual([
      `${builder.name}: Fixed the XSS.`,
      `${w.g.name}: Guardian of the quarter (award).`,
    ]);
  });

  it("delivers exactly one message per recipient with the subject and both parts; resending sends nothing", async () => {
    const w = await world();
    const draft = await generateDraft(w.lead, w.org.id, Q);
    await publish(w.lead, draft.id);
    const report = await deliver(w.lead, draft.id, mailer());
    expect(report).toEqual({ sent: 2, failed: 0, alreadySent: 0 });
    expect(
      received
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual(["cto@example.test", "leader@example.test"]);
    const raw = received[0].raw;
    expect(raw).toContain("Subject: Payments security guardians: Q3 2026");
    expect(raw).toContain("Content-Type: text/plain");
    expect(raw).toContain("Content-Type: text/html");
    expect(await deliver(w.lead, draft.id, mailer())).toEqual({
      sent: 0,
      failed: 0,
      alreadySent: 2,
    });
    expect(received).toHaveLength(2);
    const rows = await db.newsletterDelivery.findMany({ where: { newsletterId: draft.id } });
    expect(rows.every((r) => r.status === "SENT" && r.messageId && r.attempts === 1)).toBe(true);
  });

  it("records a failing server's error and a retry succeeds without duplicates", async () => {
    const w = await world();
    const draft = await generateDraft(w.lead, w.org.id, Q);
    await publish(w.lead, draft.id);
    failNext = 1;
    const first = await deliver(w.lead, draft.id, mailer());
    expect(first).toEqual({ sent: 1, failed: 1, alreadySent: 0 });
    const failed = await db.newsletterDelivery.findFirstOrThrow({
      where: { newsletterId: draft.id, status: "FAILED" },
    });
    expect(failed.lastError).toContain("Mailbox temporarily unavailable");
    const retry = await deliver(w.lead, draft.id, mailer());
    expect(retry).toEqual({ sent: 1, failed: 0, alreadySent: 1 });
    expect(received.map((m) => m.to[0]).sort()).toEqual([
      "cto@example.test",
      "leader@example.test",
    ]);
    const concurrent = await Promise.all([
      deliver(w.lead, draft.id, mailer()),
      deliver(w.lead, draft.id, mailer()),
    ]);
    expect(concurrent.map((r) => r.sent)).toEqual([0, 0]);
    expect(received).toHaveLength(2);
  });

  it("recipients added after publishing get the issue on the next send; nobody ever gets it twice", async () => {
    const w = await world();
    const draft = await generateDraft(w.lead, w.org.id, Q);
    await publish(w.lead, draft.id);
    expect(await deliver(w.lead, draft.id, mailer())).toEqual({
      sent: 2,
      failed: 0,
      alreadySent: 0,
    });
    // A new leader and one more extra address (plus the old one again, in capitals).
    const newLeader = await createUser(["MANAGER"], { email: "new-leader@example.test" });
    await db.org.update({
      where: { id: w.org.id },
      data: {
        leaderId: newLeader.id,
        newsletterRecipients: ["CTO@example.test", "ciso@example.test"],
      },
    });
    const concurrent = await Promise.all([
      deliver(w.lead, draft.id, mailer()),
      deliver(w.lead, draft.id, mailer()),
    ]);
    expect(concurrent.reduce((n, r) => n + r.sent, 0)).toBe(2);
    expect(concurrent.every((r) => r.failed === 0)).toBe(true);
    expect(
      received
        .slice(2)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(["ciso@example.test", "new-leader@example.test"]);
    expect(await deliver(w.lead, draft.id, mailer())).toEqual({
      sent: 0,
      failed: 0,
      alreadySent: 4,
    });
    const everyone = received.flatMap((m) => m.to);
    expect(everyone).toHaveLength(4);
    expect(new Set(everyone).size).toBe(4);
    const rows = await db.newsletterDelivery.findMany({
      where: { newsletterId: draft.id },
      orderBy: { email: "asc" },
    });
    expect(rows.map((r) => [r.email, r.status, r.attempts])).toEqual([
      ["ciso@example.test", "SENT", 1],
      ["cto@example.test", "SENT", 1],
      ["leader@example.test", "SENT", 1],
      ["new-leader@example.test", "SENT", 1],
    ]);
    const audits = await db.auditLog.findMany({
      where: { entity: "Newsletter", entityId: String(draft.id), action: "deliver" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => (a.after as { added: number }).added).reduce((x, y) => x + y, 0)).toBe(
      2,
    );
  });

  it("an address removed before sending is not sent; its row stays as a record", async () => {
    const w = await world();
    const draft = await generateDraft(w.lead, w.org.id, Q);
    await publish(w.lead, draft.id);
    await db.org.update({ where: { id: w.org.id }, data: { newsletterRecipients: [] } });
    expect(await deliver(w.lead, draft.id, mailer())).toEqual({
      sent: 1,
      failed: 0,
      alreadySent: 0,
    });
    expect(received.map((m) => m.to[0])).toEqual(["leader@example.test"]);
    expect(
      (
        await db.newsletterDelivery.findUniqueOrThrow({
          where: { newsletterId_email: { newsletterId: draft.id, email: "cto@example.test" } },
        })
      ).status,
    ).toBe("PENDING");
  });

  it("the archive filters by organisation and status; a leader filtering on another organisation sees nothing", async () => {
    const w = await world();
    const otherLeader = await createUser(["MANAGER"]);
    const other = await createOrg({ name: "Logistics", leaderId: otherLeader.id });
    const mine = await generateDraft(w.lead, w.org.id, Q);
    await generateDraft(w.lead, w.org.id, "2026-Q2");
    const theirs = await generateDraft(w.lead, other.id, Q);
    await publish(w.lead, mine.id);
    await publish(w.lead, theirs.id);
    const ids = async (actor: typeof w.lead, filter: Parameters<typeof listNewsletters>[2]) =>
      (await listNewsletters(actor, 1, filter)).rows.map((r) => r.id).sort();
    expect(await ids(w.lead, {})).toHaveLength(3);
    expect((await ids(w.lead, { org: w.org.id })).length).toBe(2);
    expect(await ids(w.lead, { org: w.org.id, status: "PUBLISHED" })).toEqual([mine.id]);
    expect(await ids(w.lead, { status: "DRAFT" })).toHaveLength(1);
    expect(await ids(w.leader, {})).toEqual([mine.id]);
    expect(await ids(w.leader, { org: other.id })).toEqual([]);
    expect((await listNewsletters(w.leader, 1, { org: other.id })).total).toBe(0);
    expect((await newsletterOrgs(w.leader)).map((o) => o.id)).toEqual([w.org.id]);
  });

  it("without SMTP settings a delivery fails with a clear error", async () => {
    const w = await world();
    const draft = await generateDraft(w.lead, w.org.id, Q);
    await publish(w.lead, draft.id);
    expect(await deliver(w.lead, draft.id, null)).toMatchObject({ sent: 0, failed: 2 });
    expect(
      (await db.newsletterDelivery.findFirstOrThrow({ where: { newsletterId: draft.id } }))
        .lastError,
    ).toContain("Email is not configured");
  });

  it("only leads manage newsletters; bulk generation creates one draft per led org, once", async () => {
    const w = await world();
    await expect(generateDraft(w.leader, w.org.id, Q)).rejects.toBeInstanceOf(PermissionError);
    await expect(generateDraft(w.lead, w.org.id, "2099-Q1")).rejects.toThrow("has not started");
    expect(await generateAllDrafts(w.lead, Q)).toEqual({ created: 1, existing: 0 });
    expect(await generateAllDrafts(w.lead, Q)).toEqual({ created: 0, existing: 1 });
  });
});
