import { LIMITS, type FileProblem, type PortableThreat } from "./types";

/** The problems of one read threat: a blank title, text over the limits, a repeated id. */
export function threatProblems(
  where: string,
  threat: Pick<PortableThreat, "externalId" | "title" | "description" | "mitigation">,
  seen: Set<string>,
): FileProblem[] {
  const problems: FileProblem[] = [];
  const over = (field: keyof typeof LIMITS, text: string | null) => {
    if (text && text.length > LIMITS[field])
      problems.push({
        where,
        message: `The ${field} is ${text.length.toLocaleString("en")} characters long; at most ${LIMITS[field].toLocaleString("en")} are kept.`,
      });
  };
  if (!threat.externalId) problems.push({ where, message: "The threat has no id." });
  else if (seen.has(threat.externalId))
    problems.push({ where, message: `The threat id "${threat.externalId}" is used twice.` });
  else seen.add(threat.externalId);
  if (!threat.title || threat.title.length < 3)
    problems.push({ where, message: "The threat has no title (3 characters at least)." });
  over("title", threat.title);
  over("description", threat.description);
  over("mitigation", threat.mitigation);
  return problems;
}

export function tooManyThreats(count: number): FileProblem | null {
  return count > LIMITS.threats
    ? {
        where: "file",
        message: `The file holds ${count.toLocaleString("en")} threats; one import takes at most ${LIMITS.threats.toLocaleString("en")}.`,
      }
    : null;
}
