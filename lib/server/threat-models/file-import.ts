import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readThreatModelFile } from "@/lib/threat-models/formats/read-file";
import type { PortableThreat, ReadResult } from "@/lib/threat-models/formats/types";
import { FORMAT_NAMES } from "@/lib/threat-models/formats/types";
import type { ThreatModelImportInput } from "@/lib/validations/tool-import";
import { audit } from "@/lib/server/audit";
import { DomainError, PermissionError } from "@/lib/server/errors";
import { findTeam } from "@/lib/server/teams/lookup";
import { readUpload } from "@/lib/server/tool-upload";
import { todayUtc } from "@/lib/period";

// Importing a Threat Dragon v2 or OTM file into a team's threat model: previewed first, then
// written in one transaction. The file's own ids decide what it updates: the model by its OTM
// project id (or the key a Guardians export wrote), each threat by its id in the file (or its
// key); anything new is created. Threats of the model that the file leaves out are kept.

type Tx = Prisma.TransactionClient;
type UploadedModelFile = { name: string; content: Uint8Array };

export type ThreatRowAction = "create" | "update" | "unchanged";
export type ThreatModelImportView = {
  mode: "preview" | "commit";
  committed: boolean;
  /** The file could not be read at all: its one problem says why. */
  unreadable?: boolean;
  file: string;
  format: string;
  system: string;
  team: string;
  target: { action: "create" } | { action: "update"; id: number; key: string; system: string };
  threats: (PortableThreat & { action: ThreatRowAction; source: ReadResult["sources"][number] })[];
  /** Threats of the model the file does not hold: kept as they are. */
  keptCount: number;
  unmapped: ReadResult["unmapped"];
  problems: ReadResult["problems"];
  /** The model written (after a commit). */
  modelId?: number;
};

const FIELDS = [
  "title",
  "category",
  "severity",
  "description",
  "mitigation",
  "mitigationStatus",
] as const;

type Existing = {
  id: number;
  key: string;
  system: string;
  status: string;
  threats: ({ id: number; key: string; externalId: string | null } & Record<
    (typeof FIELDS)[number],
    unknown
  >)[];
};

/** The team's model this file updates: by the file's model id, else by its threats' ids. */
async function matchModel(tx: Tx | typeof db, teamId: number, read: ReadResult) {
  const include = { threats: true } as const;
  const modelId = read.model.externalId;
  if (modelId) {
    const byId = await tx.threatModel.findFirst({
      where: {
        teamId,
        OR: [{ externalSource: read.format, externalId: modelId }, { key: modelId }],
      },
      include,
    });
    if (byId) return byId;
  }
  const ids = read.model.threats.map((t) => t.externalId);
  if (!ids.length) return null;
  const threat = await tx.threat.findFirst({
    where: { threatModel: { teamId }, OR: [{ externalId: { in: ids } }, { key: { in: ids } }] },
    select: { threatModelId: true },
    orderBy: { threatModelId: "asc" },
  });
  return threat
    ? tx.threatModel.findUnique({ where: { id: threat.threatModelId }, include })
    : null;
}

function plan(read: ReadResult, existing: Existing | null) {
  const byId = new Map<string, Existing["threats"][number]>();
  for (const t of existing?.threats ?? []) {
    byId.set(t.key, t);
    if (t.externalId) byId.set(t.externalId, t);
  }
  const matched = new Set<number>();
  const rows = read.model.threats.map((t, i) => {
    const current = byId.get(t.externalId);
    if (current) matched.add(current.id);
    const action: ThreatRowAction = !current
      ? "create"
      : FIELDS.every((f) => (current[f] ?? null) === (t[f] ?? null))
        ? "unchanged"
        : "update";
    return { row: { ...t, action, source: read.sources[i] }, current };
  });
  return { rows, keptCount: (existing?.threats.length ?? 0) - matched.size };
}

export async function importThreatModelFile(
  actor: SessionActor,
  input: ThreatModelImportInput,
  file: UploadedModelFile,
): Promise<ThreatModelImportView> {
  if (!can(actor, "threatmodel.write")) throw new PermissionError();
  const team = await findTeam(actor, "threatmodel.write", input.team);
  const { read, unreadable } = readUpload(input.mode, () =>
    readThreatModelFile(file.name, file.content),
  );
  if (unreadable !== undefined)
    return {
      mode: input.mode,
      committed: false,
      unreadable: true,
      file: file.name,
      format: "",
      system: "",
      team: team.name,
      target: { action: "create" },
      threats: [],
      keptCount: 0,
      unmapped: [],
      problems: [{ where: "file", message: unreadable }],
    };
  const work = async (tx: Tx | typeof db) => {
    // One import per team at a time: a double submit finds the model the first one wrote.
    if (input.mode === "commit")
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('threat-model-import'), ${team.id})`;
    const existing = await matchModel(tx, team.id, read);
    const { rows, keptCount } = plan(read, existing);
    const view: ThreatModelImportView = {
      mode: input.mode,
      committed: false,
      file: file.name,
      format: FORMAT_NAMES[read.format],
      system: read.model.system,
      team: team.name,
      target: existing
        ? { action: "update", id: existing.id, key: existing.key, system: existing.system }
        : { action: "create" },
      threats: rows.map((r) => r.row),
      keptCount,
      unmapped: read.unmapped,
      problems: read.problems,
    };
    if (existing?.status === "APPROVED")
      view.problems = [
        ...view.problems,
        {
          where: "file",
          message: `${existing.key} is approved: an approved threat model cannot be changed.`,
        },
      ];
    if (input.mode === "preview" || view.problems.length) return view;
    view.modelId = await write(tx as Tx, actor, team, read, existing, rows);
    view.committed = true;
    return view;
  };
  if (input.mode === "preview") return work(db);
  const view = await db.$transaction(work, { timeout: 60_000 });
  if (view.problems.length)
    throw new DomainError(
      `${file.name} has ${view.problems.length} problem(s): nothing was imported.`,
    );
  return view;
}

async function nextId(tx: Tx, table: "ThreatModel" | "Threat"): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT nextval(pg_get_serial_sequence('"${table}"', 'id')) AS id`,
  );
  return Number(rows[0].id);
}

async function write(
  tx: Tx,
  actor: SessionActor,
  team: { id: number; orgId: number },
  read: ReadResult,
  existing: Existing | null,
  rows: ReturnType<typeof plan>["rows"],
): Promise<number> {
  const base = { actorId: actor.id, orgId: team.orgId };
  let modelId: number;
  if (existing) {
    modelId = existing.id;
    if (existing.system !== read.model.system) {
      await tx.threatModel.update({ where: { id: modelId }, data: { system: read.model.system } });
      await audit(tx, {
        ...base,
        action: "import-update",
        entity: "ThreatModel",
        entityId: modelId,
        before: { system: existing.system },
        after: { system: read.model.system },
      });
    }
  } else {
    modelId = await nextId(tx, "ThreatModel");
    const tm = await tx.threatModel.create({
      data: {
        id: modelId,
        key: `TM-${String(modelId).padStart(5, "0")}`,
        teamId: team.id,
        system: read.model.system,
        createdOn: todayUtc(),
        externalSource: read.format,
        externalId: read.model.externalId,
        authors: { create: [{ userId: actor.id }] },
      },
    });
    await audit(tx, {
      ...base,
      action: "import-create",
      entity: "ThreatModel",
      entityId: modelId,
      after: tm,
    });
  }
  for (const { row, current } of rows) {
    const data = Object.fromEntries(FIELDS.map((f) => [f, row[f]])) as Pick<
      PortableThreat,
      (typeof FIELDS)[number]
    >;
    if (row.action === "update" && current) {
      const after = await tx.threat.update({ where: { id: current.id }, data });
      await audit(tx, {
        ...base,
        action: "import-update",
        entity: "Threat",
        entityId: current.id,
        before: current,
        after,
      });
    } else if (row.action === "create") {
      const id = await nextId(tx, "Threat");
      const threat = await tx.threat.create({
        data: {
          ...data,
          id,
          key: `THR-${String(id).padStart(6, "0")}`,
          threatModelId: modelId,
          externalId: row.externalId,
        },
      });
      await audit(tx, {
        ...base,
        action: "import-create",
        entity: "Threat",
        entityId: id,
        after: threat,
      });
    }
  }
  return modelId;
}
