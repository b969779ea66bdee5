import { createHash } from "node:crypto";
import type { FindingStatus, Severity } from "@/lib/vocabulary";
import { pathText } from "@/lib/formats/json-file";
import { textOf } from "@/lib/threat-models/formats/stride";
import { FINDING_LIMITS, titleOf, type FindingsReadResult } from "./types";

// SARIF 2.1.0 (OASIS; sarif-schema-2.1.0.json): { version: "2.1.0", runs: [{ tool: { driver: {
// name, rules: [{ id, shortDescription, defaultConfiguration: { level }, properties }] } },
// results: [{ ruleId, ruleIndex, level, kind, message: { text }, locations, guid,
// fingerprints, partialFingerprints, suppressions }] }] }.
//
// Severity: the rule's "security-severity" property when the tool gives one (a CVSS-like score,
// as GitHub code scanning reads it: 9+ critical, 7+ high, 4+ medium, above 0 low), otherwise
// the result's level (error high, warning medium, note low; absent: the rule's default level,
// else warning, as the specification says). The finding's id is the result's guid, else its
// fingerprints, else its rule and location, so the same file imported twice gives the same ids.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function looksLikeSarif(value: unknown): boolean {
  return (
    isObj(value) &&
    (Array.isArray(value.runs) ||
      (typeof value.version === "string" && String(value.$schema ?? "").includes("sarif")))
  );
}

const LEVELS: Record<string, Severity | null> = {
  error: "HIGH",
  warning: "MEDIUM",
  note: "LOW",
  none: null,
};

function scoreSeverity(score: number): Severity | null {
  return score >= 9
    ? "CRITICAL"
    : score >= 7
      ? "HIGH"
      : score >= 4
        ? "MEDIUM"
        : score > 0
          ? "LOW"
          : null;
}

const firstValue = (v: unknown) =>
  isObj(v)
    ? Object.keys(v)
        .sort()
        .map((k) => `${k}=${String(v[k])}`)
        .join(";") || null
    : null;

export function readSarif(value: unknown): FindingsReadResult {
  const doc = value as Obj;
  const result: FindingsReadResult = {
    format: "sarif",
    tool: "",
    findings: [],
    unmapped: [],
    problems: [],
  };
  if (doc.version !== "2.1.0")
    result.problems.push({
      where: "version",
      message: `This is SARIF ${JSON.stringify(doc.version ?? null)}; the import reads SARIF 2.1.0.`,
    });
  if (!Array.isArray(doc.runs)) {
    result.problems.push({ where: "runs", message: "The file has no runs." });
    return result;
  }
  const tools = new Set<string>();
  const seen = new Set<string>();
  doc.runs.forEach((run, r) => {
    if (!isObj(run))
      return result.problems.push({ where: `runs[${r}]`, message: "A run must be an object." });
    const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : {};
    const tool = textOf(driver.name);
    if (!tool)
      return result.problems.push({
        where: `runs[${r}].tool.driver.name`,
        message: "The run does not name its tool.",
      });
    tools.add(tool);
    const rules = list(driver.rules).filter(isObj);
    const ruleById = new Map(rules.map((rule) => [String(rule.id), rule]));
    list(run.results).forEach((raw, i) => {
      const where = pathText(["runs", r, "results", i]);
      if (!isObj(raw))
        return result.problems.push({ where, message: "A result must be an object." });
      const kind = textOf(raw.kind) ?? "fail";
      if (kind !== "fail" && kind !== "open" && kind !== "review")
        return result.unmapped.push({ where, what: `A result of kind "${kind}": not a finding` });
      const ruleId = textOf(raw.ruleId) ?? (isObj(raw.rule) ? textOf(raw.rule.id) : null);
      const rule =
        (ruleId ? ruleById.get(ruleId) : undefined) ??
        (typeof raw.ruleIndex === "number" ? (rules[raw.ruleIndex] as Obj | undefined) : undefined);
      const message = isObj(raw.message) ? textOf(raw.message.text) : null;
      if (!message)
        return result.problems.push({
          where: `${where}.message.text`,
          message: "The result has no message.",
        });
      const props = isObj(rule?.properties) ? rule.properties : {};
      const score = Number(props["security-severity"]);
      const defaultLevel = isObj(rule?.defaultConfiguration)
        ? textOf(rule.defaultConfiguration.level)
        : null;
      const level = textOf(raw.level) ?? defaultLevel ?? "warning";
      if (!(level in LEVELS))
        return result.problems.push({
          where: `${where}.level`,
          message: `"${level}" is not a SARIF level. Use error, warning, note or none.`,
        });
      const severity =
        Number.isFinite(score) && props["security-severity"] !== undefined
          ? scoreSeverity(score)
          : LEVELS[level];
      const severityWord =
        Number.isFinite(score) && props["security-severity"] !== undefined
          ? `security-severity ${score}`
          : level;
      if (!severity)
        return result.unmapped.push({
          where,
          what: `"${message.slice(0, 80)}": ${severityWord}, not a finding here`,
        });
      const location = list(raw.locations).find(isObj);
      const physical = isObj(location?.physicalLocation) ? location.physicalLocation : {};
      const uri = isObj(physical.artifactLocation) ? textOf(physical.artifactLocation.uri) : null;
      const line = isObj(physical.region) ? physical.region.startLine : undefined;
      const own =
        textOf(raw.guid) ??
        firstValue(raw.fingerprints) ??
        firstValue(raw.partialFingerprints) ??
        createHash("sha256")
          .update(JSON.stringify([ruleId, uri, line, message]))
          .digest("hex")
          .slice(0, 32);
      const externalId = `${tool}:${ruleId ?? "-"}:${own}`;
      if (seen.has(externalId))
        return result.unmapped.push({
          where,
          what: `"${message.slice(0, 80)}": the same result again in the file`,
        });
      seen.add(externalId);
      const suppressions = list(raw.suppressions).filter(isObj);
      const accepted = suppressions.some((s) => (textOf(s.status) ?? "accepted") === "accepted");
      const status: FindingStatus = accepted ? "ACCEPTED" : "OPEN";
      const short = isObj(rule?.shortDescription) ? textOf(rule.shortDescription.text) : null;
      const place = uri ? ` (${uri}${typeof line === "number" ? `:${line}` : ""})` : "";
      result.findings.push({
        externalId,
        title: titleOf(`${short ?? ruleId ?? tool}: ${message.split("\n", 1)[0]}${place}`),
        severity,
        status,
        openedOn: null,
        closedOn: null,
        source: { severity: severityWord, status: accepted ? "suppressed" : "open" },
      });
    });
  });
  result.tool = [...tools].join(", ");
  if (result.findings.length > FINDING_LIMITS.findings)
    result.problems.push({
      where: "file",
      message: `The file holds ${result.findings.length.toLocaleString("en")} findings; one import takes at most ${FINDING_LIMITS.findings.toLocaleString("en")}.`,
    });
  return result;
}
