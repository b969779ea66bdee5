import type { MitigationStatus, Severity } from "@/lib/vocabulary";
import { STRIDE_CATEGORY } from "@/lib/vocabulary";
import { pathText } from "@/lib/formats/json-file";
import { threatProblems, tooManyThreats } from "./checks";
import { strideCategory, textOf } from "./stride";
import type { PortableModel, ReadResult, Unmapped } from "./types";

// Open Threat Model (iriusrisk/OpenThreatModel, otm_schema.json 0.2.0): { otmVersion, project:
// { name, id }, trustZones, components, dataflows, threats: [{ id, name, description,
// categories, risk: { likelihood, impact } }], mitigations: [{ id, name, description,
// riskReduction }] }. Components and dataflows hold threat instances: { threat, state,
// mitigations: [{ mitigation, state }] }, which carry the mitigation status.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function looksLikeOtm(value: unknown): boolean {
  return isObj(value) && "otmVersion" in value;
}

/** OTM risk impact (0–100) → severity; the writer's values (100, 75, 50, 25) read back the same. */
function severityOfImpact(impact: number): Severity {
  return impact >= 90 ? "CRITICAL" : impact >= 65 ? "HIGH" : impact >= 40 ? "MEDIUM" : "LOW";
}
const IMPACT: Record<Severity, number> = { CRITICAL: 100, HIGH: 75, MEDIUM: 50, LOW: 25 };

type Instance = { state: string; mitigations: { id: string; state: string }[] };

/** The instances' states → one status: accepted, else mitigated, else planned, else none. */
function statusOf(instances: Instance[]): MitigationStatus {
  const states = instances.map((i) => i.state.toLowerCase());
  const mitigations = instances.flatMap((i) => i.mitigations.map((m) => m.state.toLowerCase()));
  if (states.some((s) => s === "accepted" || s === "not-applicable")) return "ACCEPTED";
  if (states.length && states.every((s) => s === "mitigated")) return "IMPLEMENTED";
  if (mitigations.length && mitigations.every((s) => s === "implemented")) return "IMPLEMENTED";
  if (
    states.includes("partly-mitigated") ||
    mitigations.some((s) => s === "required" || s === "recommended" || s === "implemented")
  )
    return "PLANNED";
  return "NONE";
}

export function readOtm(value: unknown): ReadResult {
  const doc = value as Obj;
  const project = isObj(doc.project) ? doc.project : {};
  const result: ReadResult = {
    format: "otm",
    model: { externalId: textOf(project.id), system: textOf(project.name) ?? "", threats: [] },
    sources: [],
    unmapped: [],
    problems: [],
  };
  if (!isObj(doc.project))
    result.problems.push({ where: "project", message: "The file has no project." });
  else {
    if (!result.model.system)
      result.problems.push({ where: "project.name", message: "The project has no name." });
    if (!result.model.externalId)
      result.problems.push({ where: "project.id", message: "The project has no id." });
  }
  const unmapped: Unmapped[] = [];
  for (const part of ["representations", "assets", "trustZones", "components", "dataflows"]) {
    const n = list(doc[part]).length;
    if (n)
      unmapped.push({
        where: part,
        what: `${part}: ${n} (the app keeps threats, not the architecture)`,
      });
  }
  if (textOf(project.description))
    unmapped.push({ where: "project.description", what: "The project's description" });
  if (textOf(project.owner)) unmapped.push({ where: "project.owner", what: "The project's owner" });

  const mitigationText = new Map<string, string>();
  for (const m of list(doc.mitigations))
    if (isObj(m) && textOf(m.id))
      mitigationText.set(String(m.id), textOf(m.description) ?? textOf(m.name) ?? "");
  const instances = new Map<string, Instance[]>();
  for (const holder of [...list(doc.components), ...list(doc.dataflows)]) {
    if (!isObj(holder)) continue;
    for (const i of list(holder.threats)) {
      if (!isObj(i) || !textOf(i.threat)) continue;
      const entry: Instance = {
        state: textOf(i.state) ?? "",
        mitigations: list(i.mitigations)
          .filter(isObj)
          .map((m) => ({ id: String(m.mitigation ?? ""), state: textOf(m.state) ?? "" })),
      };
      instances.set(String(i.threat), [...(instances.get(String(i.threat)) ?? []), entry]);
    }
  }

  const seen = new Set<string>();
  list(doc.threats).forEach((raw, t) => {
    const where = pathText(["threats", t]);
    if (!isObj(raw)) return result.problems.push({ where, message: "A threat must be an object." });
    const id = textOf(raw.id) ?? "";
    const title = textOf(raw.name) ?? "";
    const own = instances.get(id) ?? [];
    const ids = [...new Set(own.flatMap((i) => i.mitigations.map((m) => m.id)))];
    const mitigation =
      ids
        .map((m) => mitigationText.get(m))
        .filter(Boolean)
        .join("\n\n") || null;
    const description = textOf(raw.description);
    const problems = threatProblems(
      where,
      { externalId: id, title, description, mitigation },
      seen,
    );
    const words = list(raw.categories).filter((c): c is string => typeof c === "string");
    const category = words.map(strideCategory).find(Boolean) ?? null;
    if (!category)
      problems.push({
        where: `${where}.categories`,
        message: `${words.length ? `"${words.join('", "')}" is not` : "No categories: the threat needs"} a STRIDE category (Spoofing, Tampering, Repudiation, Information disclosure, Denial of service or Elevation of privilege).`,
      });
    else if (words.length > 1)
      unmapped.push({
        where: `${where}.categories`,
        what: `Categories after the first STRIDE one (${words.join(", ")})`,
      });
    const impact = isObj(raw.risk) ? raw.risk.impact : undefined;
    if (typeof impact !== "number" || !Number.isFinite(impact) || impact < 0 || impact > 100)
      problems.push({
        where: `${where}.risk.impact`,
        message: `The threat's risk impact must be a number from 0 to 100 (found ${JSON.stringify(impact ?? null)}).`,
      });
    if (list(raw.cwes).length) unmapped.push({ where: `${where}.cwes`, what: "CWE references" });
    if (problems.length || !category || typeof impact !== "number") {
      result.problems.push(...problems);
      return;
    }
    const mitigationStatus = statusOf(own);
    result.model.threats.push({
      externalId: id,
      title,
      category,
      severity: severityOfImpact(impact),
      description,
      mitigation,
      mitigationStatus,
    });
    result.sources.push({
      externalId: id,
      category: words.join(", "),
      severity: `impact ${impact}`,
      status: own.map((i) => i.state).join(", ") || "(no instance)",
    });
  });
  result.unmapped.push(...unmapped);
  const tooMany = tooManyThreats(result.model.threats.length);
  if (tooMany) result.problems.push(tooMany);
  return result;
}

/** Instance and mitigation states the reader turns back into the same status. */
const STATES: Record<MitigationStatus, { threat: string; mitigation: string }> = {
  NONE: { threat: "exposed", mitigation: "proposed" },
  PLANNED: { threat: "partly-mitigated", mitigation: "required" },
  IMPLEMENTED: { threat: "mitigated", mitigation: "implemented" },
  ACCEPTED: { threat: "accepted", mitigation: "proposed" },
};

/**
 * An OTM 0.2.0 document: the system as one component in one trust zone, every threat
 * instanced on it with its mitigation (when it has one).
 */
export function writeOtm(model: PortableModel & { key: string }): unknown {
  const componentId = `${model.externalId ?? model.key}-system`;
  return {
    otmVersion: "0.2.0",
    project: {
      name: model.system,
      id: model.externalId ?? model.key,
      description: `Exported from Guardians (${model.key}).`,
    },
    representations: [],
    trustZones: [{ id: "guardians-default-zone", name: "Default", risk: { trustRating: 50 } }],
    components: [
      {
        id: componentId,
        name: model.system,
        type: "generic",
        parent: { trustZone: "guardians-default-zone" },
        threats: model.threats.map((t) => ({
          threat: t.externalId,
          state: STATES[t.mitigationStatus].threat,
          mitigations: t.mitigation
            ? [
                {
                  mitigation: `${t.externalId}-mitigation`,
                  state: STATES[t.mitigationStatus].mitigation,
                },
              ]
            : [],
        })),
      },
    ],
    dataflows: [],
    threats: model.threats.map((t) => ({
      id: t.externalId,
      name: t.title,
      description: t.description,
      categories: [STRIDE_CATEGORY.label(t.category)],
      risk: { likelihood: null, impact: IMPACT[t.severity] },
    })),
    mitigations: model.threats
      .filter((t) => t.mitigation)
      .map((t) => ({
        id: `${t.externalId}-mitigation`,
        name: t.mitigation!.split("\n", 1)[0].slice(0, 120),
        description: t.mitigation,
        riskReduction: 50,
      })),
  };
}
