import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assembleNewsletter, type NewsletterContent } from "@/lib/newsletter/assemble";
import { newsletterRecipients } from "@/lib/newsletter/recipients";
import { addQuarters, parseQuarterKey, quarterKey, quarterOf } from "@/lib/period";
import { EARLIEST_DAY } from "@/lib/validations/fields";
import { audit } from "@/lib/server/audit";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { newsletterFacts } from "./facts";
import { noticePublished } from "./notices";

/** The organisation fields that decide who receives its newsletter. */
export const RECIPIENTS_SELECT = {
  newsletterRecipients: true,
  leader: { select: { email: true, deactivatedAt: true } },
} as const;

export const lastQuarterKey = (today = new Date()) => quarterKey(addQuarters(quarterOf(today), -1));

function quarterOrThrow(key: string) {
  const q = parseQuarterKey(key);
  if (!q) throw new DomainError("Choose a quarter like 2026-Q3.");
  if (key < EARLIEST_DAY.slice(0, 4))
    throw new DomainError(`Choose a quarter from ${EARLIEST_DAY.slice(0, 4)} on.`);
  if (key > quarterKey(quarterOf(new Date())))
    throw new DomainError("That quarter has not started yet.");
  return q;
}

/** Creates the draft for an organisation and quarter (once); its numbers stay live until publication. */
export async function generateDraft(actor: SessionActor, orgId: number, quarter: string) {
  if (!can(actor, "newsletter.manage")) throw new PermissionError();
  quarterOrThrow(quarter);
  const org = await db.org.findUnique({ where: { id: orgId }, select: { id: true } });
  if (!org) throw new NotFoundError("organisation");
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.newsletter.create({ data: { orgId, quarter } });
      await audit(tx, {
        actorId: actor.id,
        action: "create",
        entity: "Newsletter",
        entityId: row.id,
        orgId,
        after: row,
      });
      return row;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return db.newsletter.findUniqueOrThrow({ where: { orgId_quarter: { orgId, quarter } } });
    }
    throw error;
  }
}

/** Drafts for every organisation with a leader, for one quarter (last quarter by default). */
export async function generateAllDrafts(actor: SessionActor, quarter = lastQuarterKey()) {
  if (!can(actor, "newsletter.manage")) throw new PermissionError();
  quarterOrThrow(quarter);
  const orgs = await db.org.findMany({ where: { leaderId: { not: null } }, select: { id: true } });
  const existing = new Set(
    (await db.newsletter.findMany({ where: { quarter }, select: { orgId: true } })).map(
      (n) => n.orgId,
    ),
  );
  const missing = orgs.filter((o) => !existing.has(o.id));
  await db.$transaction(async (tx) => {
    await tx.newsletter.createMany({
      data: missing.map((o) => ({ orgId: o.id, quarter })),
      skipDuplicates: true,
    });
    await audit(tx, {
      actorId: actor.id,
      action: "generate-all",
      entity: "Newsletter",
      entityId: quarter,
      after: { quarter, created: missing.length },
    });
  });
  return { created: missing.length, existing: existing.size };
}

export async function updateDraft(
  actor: SessionActor,
  id: number,
  edits: { intro: string | null; highlights: string | null },
) {
  if (!can(actor, "newsletter.manage")) throw new PermissionError();
  return db.$transaction(async (tx) => {
    const before = await tx.newsletter.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("newsletter");
    if (before.status === "PUBLISHED")
      throw new DomainError("A published newsletter cannot be edited.");
    const after = await tx.newsletter.update({ where: { id }, data: edits });
    await audit(tx, {
      actorId: actor.id,
      action: "update",
      entity: "Newsletter",
      entityId: id,
      orgId: before.orgId,
      before: { intro: before.intro, highlights: before.highlights },
      after: edits,
    });
    return after;
  });
}

/** The content a reader sees: frozen once published, computed from live data while a draft. */
export async function newsletterContent(
  n: {
    orgId: number;
    quarter: string;
    intro: string | null;
    highlights: string | null;
    content: unknown;
    status: string;
  },
  opts: { fresh?: boolean } = {},
): Promise<NewsletterContent> {
  if (n.status === "PUBLISHED" && n.content) return n.content as NewsletterContent;
  const facts = await newsletterFacts(n.orgId, parseQuarterKey(n.quarter)!, { fresh: opts.fresh });
  return assembleNewsletter(facts, { intro: n.intro, highlights: n.highlights });
}

/**
 * Freezes the content and lines up one delivery per recipient (the leader and the org's extra
 * addresses); sending adds later ones.
 */
export async function publish(actor: SessionActor, id: number) {
  if (!can(actor, "newsletter.manage")) throw new PermissionError();
  const draft = await db.newsletter.findUnique({
    where: { id },
    include: { org: { select: { ...RECIPIENTS_SELECT, name: true } } },
  });
  if (!draft) throw new NotFoundError("newsletter");
  // frozen: figures of the current data
  const content = await newsletterContent({ ...draft, status: "DRAFT" }, { fresh: true });
  const recipients = newsletterRecipients(draft.org);
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text FROM "Newsletter" WHERE id = ${id} FOR UPDATE`;
    if (locked[0]?.status === "PUBLISHED")
      throw new DomainError("This newsletter is already published.");
    const after = await tx.newsletter.update({
      where: { id },
      data: {
        status: "PUBLISHED",
        content: content as unknown as Prisma.InputJsonValue,
        publishedAt: new Date(),
        publishedById: actor.id,
      },
    });
    await tx.newsletterDelivery.createMany({
      data: recipients.map((email) => ({ newsletterId: id, email })),
      skipDuplicates: true,
    });
    await audit(tx, {
      actorId: actor.id,
      action: "publish",
      entity: "Newsletter",
      entityId: id,
      orgId: draft.orgId,
      after: { recipients },
    });
    await noticePublished(tx, actor, { ...draft, orgName: draft.org.name }, recipients);
    return after;
  });
}
