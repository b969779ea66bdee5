import type { FindingStatus } from "@/lib/vocabulary";
import { pathText } from "@/lib/formats/json-file";
import { severityWord, textOf } from "@/lib/threat-models/formats/stride";
import { dayOf, FINDING_LIMITS, titleOf, type FindingsReadResult } from "./types";

// DefectDojo's findings as its API v2 answers GET /api/v2/findings/: { count, next, previous,
// results: [{ id, title, severity: Critical | High | Medium | Low | Info, date, active,
// is_mitigated, mitigated, false_p, risk_accepted, duplicate, out_of_scope, ... }] }. A bare
// list of findings, or one finding (GET /api/v2/findings/{id}/), is read the same way.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isFinding = (v: unknown) => isObj(v) && "severity" in v && "title" in v && "id" in v;

export function looksLikeDefectDojo(value: unknown): boolean {
  if (isObj(value) && Array.isArray(value.results)) return true;
  if (Array.isArray(value)) return value.length > 0 && value.every(isFinding);
  return isFinding(value);
}

function statusOf(f: Obj): { status: FindingStatus; word: string } {
  if (f.false_p === true) return { status: "FALSE_POSITIVE", word: "false positive" };
  if (f.risk_accepted === true) return { status: "ACCEPTED", word: "risk accepted" };
  if (f.is_mitigated === true || f.mitigated) return { status: "MITIGATED", word: "mitigated" };
  if (f.active === false) return { status: "MITIGATED", word: "inactive" };
  return { status: "OPEN", word: "active" };
}

export function readDefectDojo(value: unknown): FindingsReadResult {
  const [list, base] =
    isObj(value) && Array.isArray(value.results)
      ? [value.results as unknown[], ["results"]]
      : Array.isArray(value)
        ? [value, []]
        : [[value], []];
  const result: FindingsReadResult = {
    format: "defectdojo",
    tool: "DefectDojo",
    findings: [],
    unmapped: [],
    problems: [],
  };
  if (isObj(value) && typeof value.next === "string" && value.next)
    result.unmapped.push({
      where: "next",
      what: "Further pages of the list: export each page (or raise the limit) and import them too",
    });
  const seen = new Set<string>();
  list.forEach((raw, i) => {
    const where = pathText([...base, i]);
    if (!isObj(raw))
      return result.problems.push({ where, message: "A finding must be an object." });
    const id =
      typeof raw.id === "number" || typeof raw.id === "string" ? String(raw.id).trim() : "";
    const title = textOf(raw.title);
    const problems: { where: string; message: string }[] = [];
    if (!id) problems.push({ where: `${where}.id`, message: "The finding has no id." });
    if (!title) problems.push({ where: `${where}.title`, message: "The finding has no title." });
    const word = textOf(raw.severity) ?? "";
    const info = /^info(rmational)?$/i.test(word);
    const severity = severityWord(word);
    if (!severity && !info)
      problems.push({
        where: `${where}.severity`,
        message: `"${word}" is not a DefectDojo severity. Use Critical, High, Medium, Low or Info.`,
      });
    if (problems.length) return result.problems.push(...problems);
    if (info)
      return result.unmapped.push({ where, what: `"${title}": informational, not a finding here` });
    if (raw.duplicate === true)
      return result.unmapped.push({ where, what: `"${title}": a duplicate in DefectDojo` });
    if (seen.has(id))
      return result.unmapped.push({ where, what: `"${title}": id ${id} again in the file` });
    seen.add(id);
    const { status, word: statusWord } = statusOf(raw);
    const openedOn = dayOf(raw.date);
    result.findings.push({
      externalId: id,
      title: titleOf(title!),
      severity: severity!,
      status,
      openedOn,
      closedOn:
        status === "OPEN" ? null : (dayOf(raw.mitigated) ?? dayOf(raw.last_status_update) ?? null),
      source: { severity: word, status: statusWord },
    });
  });
  if (result.findings.length > FINDING_LIMITS.findings)
    result.problems.push({
      where: "file",
      message: `The file holds ${result.findings.length.toLocaleString("en")} findings; one import takes at most ${FINDING_LIMITS.findings.toLocaleString("en")}.`,
    });
  return result;
}
