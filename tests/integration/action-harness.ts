// Drives server actions and route handlers as real people of a two-organisation world.
// vi.mock is hoisted per test file, so each file declares the mocks itself with the module
// factories below:
//   vi.mock("@/lib/auth/session", async () => (await import("./action-harness")).sessionModule());
//   vi.mock("next/cache", async () => (await import("./action-harness")).nextCacheModule());
// This module must not import "@/lib/auth/session" itself (it is what the mock replaces).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { loadActor, type SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { ActionState } from "@/lib/server/action-state";
import { createOrg, createTeam, createUser } from "../factories";
import { fastTrackWorld } from "./fast-track-world";

// ---- session and cache stand-ins; a real SMTP server --------------------------------------------------

const session: { userId: number | null } = { userId: null };

/**
 * Signs in as a person (the actor is loaded fresh from the database on every call, as in the app),
 * or signs out.
 */
export function actAs(userId: number | null) {
  session.userId = userId;
}

export function sessionModule() {
  return {
    loadActor,
    getActor: async (): Promise<SessionActor | null> =>
      session.userId == null ? null : loadActor(session.userId),
  };
}

export function nextCacheModule() {
  const noop = () => {};
  return {
    revalidatePath: noop,
    revalidateTag: noop,
    updateTag: noop,
    refresh: noop,
    unstable_noStore: noop,
    unstable_cache: <T>(fn: T) => fn,
  };
}

/**
 * A real SMTP server on a free port for the run; the app's mailer reaches it through the
 * SMTP_* settings, as in production. Returns what it received and how to stop it.
 */
export async function startSmtp() {
  const { SMTPServer } = await import("smtp-server");
  const received: string[][] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received.push(session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as import("node:net").AddressInfo;
  Object.assign(process.env, {
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(port),
    SMTP_TLS: "false",
    SMTP_FROM: "Guardians <guardians@example.test>",
  });
  return { received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// ---- calling actions ---------------------------------------------------------------------

export type ServerAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

export type Outcome =
  | { kind: "ok"; state: ActionState }
  | { kind: "redirect"; to: string }
  | { kind: "not-found" }
  | { kind: "error"; state: ActionState }
  | { kind: "threw"; error: unknown };

export function formData(fields: Record<string, string | Blob | undefined>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined) form.append(key, value);
  return form;
}

/** A same-origin JSON POST to an API route of the app at localhost:3000, with `body` as sent. */
export function jsonPost(path: string, body: string): Request {
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: {
      host: "localhost:3000",
      origin: "http://localhost:3000",
      "content-type": "application/json",
    },
    body,
  });
}

/** Calls an action like a form post; redirects and not-found are what Next.js would do with them. */
export async function invoke(action: ServerAction, form: FormData): Promise<Outcome> {
  try {
    const state = await action({ status: "idle" }, form);
    return state.status === "ok" ? { kind: "ok", state } : { kind: "error", state };
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT"))
      return { kind: "redirect", to: digest.split(";")[2] ?? "" };
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404"))
      return { kind: "not-found" };
    return { kind: "threw", error };
  }
}

/** Every message an answer carries (the form message and each field's), for content checks. */
export function messagesOf(state: ActionState): string[] {
  return [state.message ?? "", ...Object.values(state.fieldErrors ?? {}).flatMap((m) => m ?? [])];
}

// ---- database fingerprint ----------------------------------------------------------------

let tableNames: string[] | null = null;

/**
 * Row count and a hash of every row of every table: any insert, update or delete changes it.
 * The dashboards' data versions are left out: the triggers bump them with every write.
 */
export async function fingerprint(): Promise<Record<string, string>> {
  tableNames ??= (
    await db.$queryRaw<
      { name: string }[]
    >`SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'MetricsVersion') ORDER BY tablename`
  ).map((r) => r.name);
  const sql = tableNames
    .map(
      (t) =>
        `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${t}" x`,
    )
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ t: string; h: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

export const rowCount = (print: Record<string, string>, table: string) =>
  Number(print[table]?.split(":")[0] ?? NaN);

/** Tables whose content differs between two fingerprints. */
export function changedTables(
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t])
    .sort();
}

// ---- the two-organisation world ----------------------------------------------------------

export const ACTORS = [
  "admin",
  "lead",
  "securityEngineer",
  "guardianA",
  "managerA",
  "builderA",
  "guardianB",
  "managerB",
  "builderB",
] as const;
export type ActorKey = (typeof ACTORS)[number];

const day = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * The UTC calendar day `n` days before today, as "YYYY-MM-DD" (fixture dates stay in the past
 * whenever the tests run).
 */
export function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One organisation: root org led by its manager, a sub-org with a team, a guardian (active) and a
 * builder.
 */
async function organisation(name: string) {
  const manager = await createUser(["MANAGER"]);
  const org = await createOrg({ name, leaderId: manager.id });
  const sub = await createOrg({ name: `${name} / Core`, parentId: org.id });
  await db.user.update({ where: { id: manager.id }, data: { orgId: org.id } });
  const team = await createTeam(sub.id, { name: `${name} Core` });
  const guardian = await createUser(["GUARDIAN"], { orgId: sub.id, teamId: team.id });
  const builder = await createUser(["BUILDER"], { orgId: sub.id, teamId: team.id });
  const membership = await db.guardianMembership.create({
    data: {
      userId: guardian.id,
      teamId: team.id,
      status: "ACTIVE",
      nominatedOn: day(daysAgo(700)),
      activeOn: day(daysAgo(700)),
    },
  });
  return { org, sub, team, manager, guardian, builder, membership };
}

/**
 * Everyone of the matrix, and in organisation A the records every action targets. Every
 * record an action changes exists once, so an allowed call has something to change.
 */
export async function buildWorld() {
  const A = await organisation("Payments");
  const B = await organisation("Retail");
  const admin = await createUser(["ADMIN"]);
  const lead = await createUser(["LEAD"]);
  const securityEngineer = await createUser(["SECURITY_ENGINEER"]);
  // Two more people of org A: one to nominate, one already nominated.
  const candidate = await createUser(["BUILDER"], { orgId: A.sub.id, teamId: A.team.id });
  const nominee = await createUser(["BUILDER"], { orgId: A.sub.id, teamId: A.team.id });
  const nomination = await db.guardianMembership.create({
    data: {
      userId: nominee.id,
      teamId: A.team.id,
      status: "NOMINATED",
      reason: "Knows the card flows well",
      nominatedById: A.manager.id,
      nominatedOn: day(daysAgo(50)),
    },
  });

  const activity = await db.activityEntry.create({
    data: {
      userId: A.guardian.id,
      date: day(daysAgo(20)),
      quarterHours: 8,
      type: "QUESTION",
      note: "Answered questions",
      idempotencyKey: randomUUID(),
    },
  });
  await db.activityEntryVersion.create({
    data: {
      entryId: activity.id,
      version: 1,
      date: activity.date,
      quarterHours: 8,
      type: "QUESTION",
      note: activity.note,
      changedById: A.guardian.id,
    },
  });

  const runbook = [
    await db.runbookItem.create({ data: { label: "Threat model reviewed", position: 0 } }),
    await db.runbookItem.create({ data: { label: "Dependencies scanned", position: 1 } }),
  ];
  const requested = await db.review.create({
    data: {
      key: "REV-A-1",
      teamId: A.team.id,
      service: "Cards API",
      requestedAt: day(daysAgo(50)),
      requestedById: A.guardian.id,
    },
  });
  const started = await db.review.create({
    data: {
      key: "REV-A-2",
      teamId: A.team.id,
      service: "Vault",
      requestedAt: day(daysAgo(80)),
      startedAt: day(daysAgo(79)),
      securityEngineerId: securityEngineer.id,
      participants: {
        create: [{ userId: securityEngineer.id }, { userId: A.guardian.id, effortQuarterHours: 4 }],
      },
      checklist: { create: runbook.map((r) => ({ label: r.label, position: r.position })) },
    },
    include: { checklist: { orderBy: { position: "asc" } } },
  });
  const finding = await db.finding.create({
    data: {
      key: "FND-A-1",
      reviewId: started.id,
      teamId: A.team.id,
      title: "IDOR on card lookup",
      severity: "HIGH",
      openedOn: day(daysAgo(78)),
    },
  });
  const completed = await db.review.create({
    data: {
      key: "REV-A-3",
      teamId: A.team.id,
      service: "Ledger",
      requestedAt: day(daysAgo(170)),
      startedAt: day(daysAgo(169)),
      completedAt: day(daysAgo(150)),
      outcome: "APPROVED",
      securityEngineerId: securityEngineer.id,
      participants: {
        create: [{ userId: securityEngineer.id }, { userId: A.guardian.id, effortQuarterHours: 8 }],
      },
    },
  });

  const tm = (key: string, system: string, status: "DRAFT" | "IN_REVIEW" | "APPROVED") =>
    db.threatModel.create({
      data: {
        key,
        teamId: A.team.id,
        system,
        status,
        createdOn: day(daysAgo(110)),
        approvedOn: status === "APPROVED" ? day(daysAgo(80)) : null,
        authors: { create: [{ userId: A.guardian.id }] },
        threats: {
          create: [
            {
              key: `THR-${key}`,
              title: "Token replay",
              category: "SPOOFING",
              severity: "HIGH",
              mitigation: "Short-lived tokens",
              mitigationStatus: "IMPLEMENTED",
            },
          ],
        },
      },
    });
  const tmDraft = await tm("TM-A-1", "Card vault", "DRAFT");
  const tmInReview = await tm("TM-A-2", "Payouts", "IN_REVIEW");
  const tmApproved = await tm("TM-A-3", "Ledger", "APPROVED");
  const draftThreat = await db.threat.findFirstOrThrow({ where: { threatModelId: tmDraft.id } });
  const release = await db.release.create({
    data: {
      key: "REL-A-1",
      teamId: A.team.id,
      name: "Cards v1",
      startedOn: day(daysAgo(60)),
      reviewId: completed.id,
    },
  });

  const course = await db.course.create({
    data: { key: "secure-coding", title: "Secure coding", required: true, quarterHours: 8 },
  });
  const award = await db.beltAward.create({
    data: {
      userId: A.guardian.id,
      belt: "WHITE",
      awardedOn: day(daysAgo(300)),
      evidence: { rule: [] },
    },
  });
  await db.program.create({
    data: {
      id: 1,
      name: "Security Guardians",
      vision: "Security ownership in every team.",
      mission: "Train, empower and recognise guardians.",
    },
  });
  const goal = await db.goal.create({
    data: { title: "Train 3 new guardians a quarter", metric: "NEW_GUARDIANS", target: 3 },
  });
  const draft = await db.newsletter.create({ data: { orgId: A.org.id, quarter: "2025-Q2" } });
  const published = await db.newsletter.create({
    data: {
      orgId: A.org.id,
      quarter: "2025-Q1",
      status: "PUBLISHED",
      publishedAt: new Date(),
      publishedById: lead.id,
      content: {
        title: "Payments: Q1 2025",
        subtitle: "Guardians",
        intro: null,
        highlights: null,
        sections: [],
      },
      deliveries: { create: [{ email: A.manager.email }] },
    },
  });

  // Surveys in each phase a lead acts on, and a mentoring a lead may end.
  const surveyQuestions = {
    create: [{ position: 1, text: "How useful is the program?", kind: "RATING" as const }],
  };
  const surveyDraft = await db.survey.create({
    data: {
      title: "Next pulse",
      status: "DRAFT",
      opensOn: day(daysAgo(0)),
      closesOn: day(daysAgo(-30)),
      questions: surveyQuestions,
    },
  });
  const surveyOpen = await db.survey.create({
    data: {
      title: "This pulse",
      status: "OPEN",
      opensOn: day(daysAgo(5)),
      closesOn: day(daysAgo(-25)),
      questions: surveyQuestions,
    },
    include: { questions: true },
  });
  const mentorship = await db.mentorship.create({
    data: { mentorId: A.guardian.id, menteeId: nominee.id, startedOn: day(daysAgo(40)) },
  });
  const fastTrack = await fastTrackWorld(A, B, securityEngineer.id);

  // Events (docs/events.md), for organisation A: one nobody has joined, one A's people hold
  // places at, and a game day that took place yesterday with A's guardian registered.
  const event = (days: number, kind: "WORKSHOP" | "GAME_DAY" = "WORKSHOP") => ({
    kind,
    title: kind === "WORKSHOP" ? "Secrets workshop" : "Incident game day",
    quarterHours: 8,
    capacity: 20,
    orgId: A.org.id,
    createdById: lead.id,
    startsAt: new Date(day(daysAgo(-days)).getTime() + 9 * 3_600_000),
  });
  const eventOpen = await db.event.create({ data: event(10) });
  const eventHeld = await db.event.create({
    data: {
      ...event(12),
      registrations: {
        create: [A.guardian, A.manager, A.builder].map((u) => ({ userId: u.id })),
      },
    },
  });
  const eventPast = await db.event.create({
    data: { ...event(-1, "GAME_DAY"), registrations: { create: [{ userId: A.guardian.id }] } },
    include: { registrations: true },
  });

  // A groups-to-roles mapping (single sign-on), for the admin's /admin/sso actions.
  const groupMapping = await db.groupRoleMapping.create({
    data: { group: "security-guardians", role: "GUARDIAN", createdById: admin.id },
  });

  const users: Record<ActorKey, { id: number; email: string }> = {
    admin,
    lead,
    securityEngineer,
    guardianA: A.guardian,
    managerA: A.manager,
    builderA: A.builder,
    guardianB: B.guardian,
    managerB: B.manager,
    builderB: B.builder,
  };
  return {
    users,
    A,
    B,
    candidate,
    nomination,
    activity,
    runbook,
    course,
    award,
    goal,
    draft,
    published,
    reviews: { requested, started, completed },
    fastTrack,
    checklistItem: started.checklist[0],
    finding,
    threatModels: { draft: tmDraft, inReview: tmInReview, approved: tmApproved },
    draftThreat,
    release,
    groupMapping,
    surveys: { draft: surveyDraft, open: surveyOpen },
    mentorship,
    events: { open: eventOpen, held: eventHeld, past: eventPast },
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** Every file of the app that declares server actions ("use server"), without its extension. */
export function serverActionModules(dir = "lib"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : serverActionModules(file);
    if (!/\.tsx?$/.test(e.name) || !/^"use server";/m.test(fs.readFileSync(file, "utf8")))
      return [];
    return [file.replace(/\.tsx?$/, "")];
  });
}
