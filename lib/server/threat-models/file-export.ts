import "server-only";
import { can, queryScope } from "@/lib/auth/permissions";
import { tenantWhere } from "@/lib/auth/tenant";
import type { SessionActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { writeThreatModelFile } from "@/lib/threat-models/formats/read-file";
import type { ThreatModelFormat } from "@/lib/threat-models/formats/types";
import { NotFoundError, PermissionError } from "@/lib/server/errors";

/**
 * A threat model as a Threat Dragon v2 or OTM file. Threats keep the ids they were imported
 * with (or their keys), so the file imported again updates the same model and threats.
 */
export async function exportThreatModelFile(
  actor: SessionActor,
  id: number,
  format: ThreatModelFormat,
): Promise<{ fileName: string; text: string }> {
  if (!can(actor, "threatmodel.read")) throw new PermissionError();
  const tm = await db.threatModel.findFirst({
    where: { id, ...tenantWhere(queryScope(actor, "threatmodel.read"), "team.orgId") },
    include: { threats: { orderBy: { id: "asc" } } },
  });
  if (!tm) throw new NotFoundError("threat model");
  const text = writeThreatModelFile(format, {
    key: tm.key,
    externalId: tm.externalId ?? tm.key,
    system: tm.system,
    threats: tm.threats.map((t) => ({
      externalId: t.externalId ?? t.key,
      title: t.title ?? t.key,
      category: t.category,
      severity: t.severity,
      description: t.description,
      mitigation: t.mitigation,
      mitigationStatus: t.mitigationStatus,
    })),
  });
  const suffix = format === "otm" ? "otm.json" : "threat-dragon.json";
  return { fileName: `${tm.key}.${suffix}`, text };
}
