import "server-only";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { newsletterRecipients } from "@/lib/newsletter/recipients";
import { newsletterContent, RECIPIENTS_SELECT } from "./service";

export const PAGE_SIZE = 30;

export type NewsletterFilter = { org?: number; status?: "DRAFT" | "PUBLISHED" };

/** The archive: leads see every issue; leaders see the published issues of their organisations. */
export async function listNewsletters(
  actor: SessionActor,
  page: number,
  filter: NewsletterFilter = {},
) {
  const scope = queryScope(actor, "newsletter.read");
  const manage = can(actor, "newsletter.manage");
  const where = {
    AND: [
      tenantWhere(scope, "orgId"),
      manage ? {} : { status: "PUBLISHED" as const },
      filter.org ? { orgId: filter.org } : {},
      filter.status ? { status: filter.status } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.newsletter.count({ where }),
    db.newsletter.findMany({
      where,
      orderBy: [{ quarter: "desc" }, { org: { name: "asc" } }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        quarter: true,
        status: true,
        publishedAt: true,
        org: { select: { name: true } },
        _count: { select: { deliveries: { where: { status: "SENT" } } } },
      },
    }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** One issue for reading; another organisation's issue, or a draft for a reader, answers as missing. */
export async function getNewsletter(actor: SessionActor, id: number) {
  const n = await db.newsletter.findUnique({
    where: { id },
    include: {
      org: { select: { name: true, ...RECIPIENTS_SELECT } },
      deliveries: { orderBy: { email: "asc" } },
    },
  });
  if (!n || !can(actor, "newsletter.read", { orgId: n.orgId })) return null;
  const manage = can(actor, "newsletter.manage");
  if (n.status !== "PUBLISHED" && !manage) return null;
  // Who a send would reach is for those who send; readers get no addresses.
  const recipients = manage ? newsletterRecipients(n.org) : [];
  return {
    ...n,
    org: { name: n.org.name },
    deliveries: manage ? n.deliveries : [],
    recipients,
    rendered: await newsletterContent(n),
  };
}

/** The organisations whose newsletters the actor may read, for the archive's filter. */
export async function newsletterOrgs(actor: SessionActor) {
  const scope = queryScope(actor, "newsletter.read");
  return db.org.findMany({
    where: tenantWhere(scope, "id"),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
