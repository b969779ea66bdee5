import "server-only";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readFindingsFile } from "@/lib/findings/formats/read-file";
import type { FindingsReadResult, PortableFinding } from "@/lib/findings/formats/types";
import { FINDINGS_FORMAT_NAMES } from "@/lib/findings/formats/types";
import { isoDay, parseIsoDay } from "@/lib/period";
import { audit } from "@/lib/server/audit";
import { DomainError, NotFoundError, PermissionError } from "@/lib/server/errors";
import { readUpload } from "@/lib/server/tool-upload";

// Importing a review's findings from DefectDojo or SARIF: previewed first, then written in one
// transaction. Each finding keeps the tool's id (Finding.externalSource/externalId, unique per
// review), so a second import of the same file skips what is already there.

type Tx = Prisma.TransactionClient;

export type FindingsImportView = {
  mode: "preview" | "commit";
  committed: boolean;
  /** The file could not be read at all: its one problem says why. */
  unreadable?: boolean;
  file: string;
  format: string;
  tool: string;
  review: { id: number; key: string; service: string };
  findings: (PortableFinding & { action: "create" | "skip" })[];
  unmapped: FindingsReadResult["unmapped"];
  problems: FindingsReadResult["problems"];
  created: number;
};

/** Dates the file gives, kept within what a finding allows: not before 2000, not in the future. */
function days(f: PortableFinding, today: string) {
  const openedOn =
    f.openedOn && f.openedOn >= "2000-01-01" && f.openedOn <= today ? f.openedOn : today;
  const closedOn =
    f.status === "OPEN"
      ? null
      : f.closedOn && f.closedOn >= openedOn && f.closedOn <= today
        ? f.closedOn
        : today;
  return { openedOn, closedOn };
}

export async function importFindingsFile(
  actor: SessionActor,
  reviewId: number,
  mode: "preview" | "commit",
  file: { name: string; content: Uint8Array },
): Promise<FindingsImportView> {
  if (!can(actor, "review.conduct")) throw new PermissionError();
  const scope = queryScope(actor, "review.conduct");
  const review = await db.review.findFirst({
    where: { id: reviewId, ...tenantWhere(scope, "team.orgId") },
    select: { id: true, key: true, service: true, teamId: true, team: { select: { orgId: true } } },
  });
  if (!review) throw new NotFoundError("review");
  const { read, unreadable } = readUpload(mode, () => readFindingsFile(file.name, file.content));
  if (unreadable !== undefined)
    return {
      mode,
      committed: false,
      unreadable: true,
      file: file.name,
      format: "",
      tool: "",
      review: { id: review.id, key: review.key, service: review.service },
      findings: [],
      unmapped: [],
      problems: [{ where: "file", message: unreadable }],
      created: 0,
    };
  const work = async (tx: Tx | typeof db) => {
    if (mode === "commit")
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('findings-import'), ${review.id})`;
    const ids = read.findings.map((f) => f.externalId);
    const existing = new Set(
      (
        await tx.finding.findMany({
          where: { reviewId: review.id, externalSource: read.format, externalId: { in: ids } },
          select: { externalId: true },
        })
      ).map((f) => f.externalId),
    );
    const view: FindingsImportView = {
      mode,
      committed: false,
      file: file.name,
      format: FINDINGS_FORMAT_NAMES[read.format],
      tool: read.tool,
      review: { id: review.id, key: review.key, service: review.service },
      findings: read.findings.map((f) => ({
        ...f,
        action: existing.has(f.externalId) ? "skip" : "create",
      })),
      unmapped: read.unmapped,
      problems: read.problems,
      created: 0,
    };
    if (mode === "preview" || view.problems.length) return view;
    const fresh = read.findings.filter((f) => !existing.has(f.externalId));
    if (fresh.length) {
      const rows = await tx.$queryRaw<{ id: bigint }[]>`
        SELECT nextval(pg_get_serial_sequence('"Finding"', 'id')) AS id
        FROM generate_series(1, ${fresh.length}::int)`;
      const today = isoDay(new Date());
      const data = fresh.map((f, i) => {
        const id = Number(rows[i].id);
        const d = days(f, today);
        return {
          id,
          key: `FND-${String(id).padStart(6, "0")}`,
          reviewId: review.id,
          teamId: review.teamId,
          title: f.title,
          severity: f.severity,
          status: f.status,
          openedOn: parseIsoDay(d.openedOn),
          closedOn: d.closedOn ? parseIsoDay(d.closedOn) : null,
          externalSource: read.format,
          externalId: f.externalId,
        };
      });
      await tx.finding.createMany({ data });
      await audit(tx, {
        actorId: actor.id,
        action: "import-findings",
        entity: "Review",
        entityId: review.id,
        orgId: review.team.orgId,
        after: {
          file: file.name,
          format: read.format,
          tool: read.tool,
          created: data.map((d) => d.key),
        },
      });
    }
    view.committed = true;
    view.created = fresh.length;
    return view;
  };
  if (mode === "preview") return work(db);
  const view = await db.$transaction(work, { timeout: 60_000 });
  if (view.problems.length)
    throw new DomainError(
      `${file.name} has ${view.problems.length} problem(s): nothing was imported.`,
    );
  return view;
}
