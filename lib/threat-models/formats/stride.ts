import type { Severity, StrideCategory } from "@/lib/vocabulary";

// The STRIDE and severity words of other tools, read loosely ("Information disclosure",
// "information-disclosure", "InformationDisclosure"). Written back with the vocabulary's labels,
// which are Threat Dragon's own words.

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");

const CATEGORY_WORDS: Record<string, StrideCategory> = {
  spoofing: "SPOOFING",
  tampering: "TAMPERING",
  repudiation: "REPUDIATION",
  informationdisclosure: "INFORMATION_DISCLOSURE",
  denialofservice: "DENIAL_OF_SERVICE",
  elevationofprivilege: "ELEVATION_OF_PRIVILEGE",
  elevationofprivileges: "ELEVATION_OF_PRIVILEGE",
};

export function strideCategory(word: unknown): StrideCategory | null {
  return typeof word === "string" ? (CATEGORY_WORDS[squash(word)] ?? null) : null;
}

const SEVERITY_WORDS: Record<string, Severity> = {
  critical: "CRITICAL",
  high: "HIGH",
  medium: "MEDIUM",
  moderate: "MEDIUM",
  low: "LOW",
};

export function severityWord(word: unknown): Severity | null {
  return typeof word === "string" ? (SEVERITY_WORDS[squash(word)] ?? null) : null;
}

/** A string field of a file, trimmed; null when absent, blank or not a string. */
export const textOf = (v: unknown): string | null =>
  typeof v === "string" && v.trim() ? v.trim() : null;
