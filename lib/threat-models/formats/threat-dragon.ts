import { createHash } from "node:crypto";
import type { MitigationStatus } from "@/lib/vocabulary";
import { SEVERITY, STRIDE_CATEGORY } from "@/lib/vocabulary";
import { pathText } from "@/lib/formats/json-file";
import { threatProblems, tooManyThreats } from "./checks";
import { severityWord, strideCategory, textOf } from "./stride";
import type { PortableModel, PortableThreat, ReadResult, Unmapped } from "./types";

// OWASP Threat Dragon 2.x models (td.vue/src/service/demo/v2-threat-model.json in
// OWASP/threat-dragon): { summary: { title, owner, description }, detail: { contributors,
// diagrams: [{ diagramType, cells: [{ shape, data: { name, threats: [...] } }] }] } }. A threat
// is { id, title, type, severity, status: Open | Mitigated | NA, description, mitigation,
// modelType }. Only STRIDE threats map onto the app's categories.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function looksLikeThreatDragon(value: unknown): boolean {
  return isObj(value) && isObj(value.summary) && isObj(value.detail);
}

/** Threat Dragon's status → the app's mitigation status (an open threat with a plan is planned). */
function statusOf(status: unknown, mitigation: string | null): MitigationStatus | null {
  const word = typeof status === "string" ? status.trim().toLowerCase() : "";
  if (word === "mitigated") return "IMPLEMENTED";
  if (word === "na" || word === "n/a" || word === "notapplicable") return "ACCEPTED";
  if (word === "open" || word === "") return mitigation ? "PLANNED" : "NONE";
  return null;
}

const STATUS_OUT: Record<MitigationStatus, string> = {
  NONE: "Open",
  PLANNED: "Open",
  IMPLEMENTED: "Mitigated",
  ACCEPTED: "NA",
};

export function readThreatDragon(value: unknown): ReadResult {
  const doc = value as Obj;
  const summary = doc.summary as Obj;
  const detail = doc.detail as Obj;
  const result: ReadResult = {
    format: "threat-dragon",
    model: { externalId: null, system: textOf(summary.title) ?? "", threats: [] },
    sources: [],
    unmapped: [],
    problems: [],
  };
  if (!result.model.system)
    result.problems.push({ where: "summary.title", message: "The model has no title." });
  if (!Array.isArray(detail.diagrams))
    result.problems.push({
      where: "detail.diagrams",
      message: "The file has no diagrams list: a Threat Dragon 2 model keeps its threats there.",
    });
  else if (detail.diagrams.some((d) => isObj(d) && "diagramJson" in d))
    result.problems.push({
      where: "detail.diagrams",
      message: "This is a Threat Dragon 1 model: open it in Threat Dragon 2 and save it first.",
    });
  const unmapped = new Map<string, Unmapped>();
  const note = (where: string, what: string) => unmapped.set(where, { where, what });
  if (textOf(summary.description)) note("summary.description", "The model's description");
  if (textOf(summary.owner)) note("summary.owner", "The model's owner");
  if (list(detail.contributors).length) note("detail.contributors", "Contributors");
  const seen = new Set<string>();
  list(detail.diagrams).forEach((diagram, d) => {
    if (!isObj(diagram)) return;
    const shapes = list(diagram.cells).filter(isObj);
    if (shapes.length)
      note(
        `detail.diagrams[${d}]`,
        `Diagram "${textOf(diagram.title) ?? d}": ${shapes.length} shapes and flows (the app keeps threats, not drawings)`,
      );
    list(diagram.cells).forEach((cell, c) => {
      if (!isObj(cell) || !isObj(cell.data)) return;
      list(cell.data.threats).forEach((raw, t) => {
        const where = pathText(["detail", "diagrams", d, "cells", c, "data", "threats", t]);
        readThreat(raw, where, seen, result);
      });
    });
  });
  result.unmapped.push(...unmapped.values());
  const tooMany = tooManyThreats(result.model.threats.length);
  if (tooMany) result.problems.push(tooMany);
  return result;
}

function readThreat(raw: unknown, where: string, seen: Set<string>, result: ReadResult) {
  if (!isObj(raw)) {
    result.problems.push({ where, message: "A threat must be an object." });
    return;
  }
  const id = typeof raw.id === "number" ? String(raw.id) : (textOf(raw.id) ?? "");
  const title = textOf(raw.title) ?? "";
  const description = textOf(raw.description);
  const mitigation = textOf(raw.mitigation);
  const problems = threatProblems(where, { externalId: id, title, description, mitigation }, seen);
  const modelType = textOf(raw.modelType);
  const category = strideCategory(raw.type);
  if (!category)
    problems.push({
      where: `${where}.type`,
      message: `"${String(raw.type ?? "")}" is not a STRIDE category${modelType && modelType.toUpperCase() !== "STRIDE" ? ` (a ${modelType} threat)` : ""}. Use Spoofing, Tampering, Repudiation, Information disclosure, Denial of service or Elevation of privilege.`,
    });
  const blankSeverity = !textOf(raw.severity) || /^tbd$/i.test(String(raw.severity).trim());
  const severity = blankSeverity ? "MEDIUM" : severityWord(raw.severity);
  if (!severity)
    problems.push({
      where: `${where}.severity`,
      message: `"${String(raw.severity)}" is not a severity. Use Critical, High, Medium or Low.`,
    });
  if (blankSeverity)
    result.unmapped.push({
      where: `${where}.severity`,
      what: "No severity given: imported as Medium",
    });
  const mitigationStatus = statusOf(raw.status, mitigation);
  if (!mitigationStatus)
    problems.push({
      where: `${where}.status`,
      message: `"${String(raw.status)}" is not a Threat Dragon status. Use Open, Mitigated or NA.`,
    });
  if (raw.score !== undefined && raw.score !== "" && raw.score !== null)
    result.unmapped.push({ where: `${where}.score`, what: "The threat's score" });
  if (problems.length || !category || !severity || !mitigationStatus) {
    result.problems.push(...problems);
    return;
  }
  const threat: PortableThreat = {
    externalId: id,
    title,
    category,
    severity,
    description,
    mitigation,
    mitigationStatus,
  };
  result.model.threats.push(threat);
  result.sources.push({
    externalId: id,
    category: String(raw.type),
    severity: blankSeverity ? "(none)" : String(raw.severity),
    status: String(raw.status ?? "Open"),
  });
}

/** A stable UUID-shaped id from a text (Threat Dragon gives its shapes UUIDs). */
function uuidOf(text: string): string {
  const h = createHash("sha256").update(text).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A Threat Dragon 2.x model: one STRIDE diagram with one process (the system) carrying the
 * threats. Threat Dragon opens it as it opens its own files.
 */
export function writeThreatDragon(model: PortableModel & { key: string }): unknown {
  const threats = model.threats.map((t, i) => ({
    id: t.externalId,
    title: t.title,
    status: STATUS_OUT[t.mitigationStatus],
    severity: SEVERITY.label(t.severity),
    type: STRIDE_CATEGORY.label(t.category),
    description: t.description ?? "",
    mitigation: t.mitigation ?? "",
    modelType: "STRIDE",
    number: i + 1,
    score: "",
  }));
  const hasOpen = model.threats.some((t) => STATUS_OUT[t.mitigationStatus] === "Open");
  return {
    version: "2.2.0",
    summary: { title: model.system, owner: "", description: "", id: 0 },
    detail: {
      contributors: [],
      diagrams: [
        {
          id: 0,
          title: model.system,
          diagramType: "STRIDE",
          placeholder: "New STRIDE diagram description",
          thumbnail: "./public/content/images/thumbnail.stride.jpg",
          version: "2.2.0",
          cells: [
            {
              position: { x: 300, y: 200 },
              size: { width: 160, height: 160 },
              attrs: {
                text: { text: model.system },
                body: {
                  stroke: hasOpen ? "red" : "#333333",
                  strokeWidth: hasOpen ? 2.5 : 1,
                  strokeDasharray: null,
                },
              },
              visible: true,
              shape: "process",
              zIndex: 1,
              id: uuidOf(`${model.key}/system`),
              data: {
                name: model.system,
                description: `Exported from Guardians (${model.key}).`,
                type: "tm.Process",
                isTrustBoundary: false,
                outOfScope: false,
                reasonOutOfScope: "",
                threats,
                hasOpenThreats: hasOpen,
                handlesCardPayment: false,
                handlesGoodsOrServices: false,
                isWebApplication: false,
                privilegeLevel: "",
              },
            },
          ],
        },
      ],
      diagramTop: 1,
      reviewer: "",
      threatTop: threats.length,
    },
  };
}
