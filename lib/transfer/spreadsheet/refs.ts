// Cross-file checks: every key a row points at must be defined by an uploaded file or exist
// in the database; organisations must not form a cycle. Pure: the caller looks the keys up.
import type { ParsedFile } from "./parse";
import { REF_SOURCE, type RefKind } from "./spec";
import { issue, type ImportIssue } from "@/lib/transfer/types";

export const REF_KINDS: RefKind[] = ["org", "team", "user", "review", "threatModel", "course"];
export type KeySets = Record<RefKind, Set<string>>;

export const emptyKeySets = (): KeySets => ({
  org: new Set(),
  team: new Set(),
  user: new Set(),
  review: new Set(),
  threatModel: new Set(),
  course: new Set(),
});

/** Keys the files define (including rows that failed, so they are not reported twice). */
export function definedKeys(files: ParsedFile[]): KeySets {
  const sets = emptyKeySets();
  for (const f of files) {
    if (!f.spec.defines) continue;
    for (const r of f.rows) sets[f.spec.defines].add(f.spec.key(r.row));
    for (const k of f.failedKeys) sets[f.spec.defines].add(k);
  }
  return sets;
}

/** Every key the files define or point at: what the database must be asked about. */
export function wantedKeys(files: ParsedFile[]): KeySets {
  const sets = definedKeys(files);
  for (const f of files)
    for (const r of f.rows) for (const ref of f.spec.refs(r.row)) sets[ref.kind].add(ref.key);
  // A failed row's key with a NUL (already reported) cannot be in the database, which refuses to be asked about it.
  for (const kind of REF_KINDS)
    for (const key of sets[kind]) if (key.includes("\u0000")) sets[kind].delete(key);
  return sets;
}

/** What each kind of record is called in error messages. */
export const REF_NAMES: Record<RefKind, string> = {
  org: "org",
  team: "team",
  user: "person",
  review: "review",
  threatModel: "threat model",
  course: "course",
};

/** Errors for references to nothing; `inDatabase` holds the wanted keys that exist. */
export function checkReferences(files: ParsedFile[], inDatabase: KeySets): ImportIssue[] {
  const defined = definedKeys(files);
  const errors: ImportIssue[] = [];
  for (const f of files) {
    for (const r of f.rows) {
      for (const ref of f.spec.refs(r.row)) {
        if (defined[ref.kind].has(ref.key) || inDatabase[ref.kind].has(ref.key)) continue;
        errors.push(
          issue(
            f.spec.name,
            r.line,
            ref.column,
            `No ${REF_NAMES[ref.kind]} “${ref.key}” in ${REF_SOURCE[ref.kind]} or the database`,
          ),
        );
      }
    }
  }
  return errors;
}

/** Errors for orgs whose parent chain comes back to them. `dbParents`: org key → parent key. */
export function checkOrgCycles(
  files: ParsedFile[],
  dbParents: Map<string, string | null>,
): ImportIssue[] {
  const orgs = files.find((f) => f.spec.name === "orgs.csv");
  if (!orgs || !orgs.present.includes("parent_org")) return [];
  const parents = new Map(dbParents);
  for (const r of orgs.rows) parents.set(r.row.org, r.row.parent_org);
  const errors: ImportIssue[] = [];
  for (const r of orgs.rows) {
    const chain = [r.row.org as string];
    let at = parents.get(r.row.org) ?? null;
    while (at && chain.length <= parents.size) {
      chain.push(at);
      if (at === r.row.org) {
        errors.push(
          issue(
            "orgs.csv",
            r.line,
            "parent_org",
            `These parents form a cycle: ${chain.join(" → ")}`,
          ),
        );
        break;
      }
      at = parents.get(at) ?? null;
    }
  }
  return errors;
}
