import { percent, type Figure } from "./stats";

// Metric 6: of the guardians active at the period's end, who completed what by that day.
export type CompletionFact = { userId: number; courseId: number; completedOn: Date };

export type TrainingMetrics = { guardians: number; allRequiredPct: Figure; anyOptionalPct: Figure };

export function trainingMetrics(input: {
  activeGuardians: number[];
  requiredCourseIds: number[];
  optionalCourseIds: number[];
  completions: CompletionFact[];
  lastDay: Date;
}): TrainingMetrics {
  const done = new Map<number, Set<number>>();
  for (const c of input.completions) {
    if (c.completedOn > input.lastDay) continue;
    if (!done.has(c.userId)) done.set(c.userId, new Set());
    done.get(c.userId)!.add(c.courseId);
  }
  const guardians = input.activeGuardians;
  const allRequired = guardians.filter((g) =>
    input.requiredCourseIds.every((c) => done.get(g)?.has(c)),
  ).length;
  const anyOptional = guardians.filter((g) =>
    input.optionalCourseIds.some((c) => done.get(g)?.has(c)),
  ).length;
  // Without any required (or optional) course there is nothing to complete: not enough data, not
  // 100% (or 0%).
  return {
    guardians: guardians.length,
    allRequiredPct:
      input.requiredCourseIds.length > 0 ? percent(allRequired, guardians.length) : null,
    anyOptionalPct:
      input.optionalCourseIds.length > 0 ? percent(anyOptional, guardians.length) : null,
  };
}
