// Plans the JSON part of an import without writing: parse and validate, check that every
// person, org, team, review… a record names is in the CSV files or the database, and sort each
// section's records into new / changed / unchanged against the database.
// No "server-only" here: the import CLI runs this under plain Node.
import type pg from "pg";
import { KEY_KINDS, keyLookupSql } from "@/lib/server/transfer/key-lookup";
import { diffSection, type Change } from "@/lib/transfer/backup/diff";
import { KEYS, keyOf, recordKeys, type BackupRefKind } from "@/lib/transfer/backup/keys";
import { parseBackupFiles } from "@/lib/transfer/backup/parse";
import {
  BACKUP_FILE,
  PASSWORDS_FILE,
  SECTION_NAMES,
  type SectionName,
  type SectionRow,
  type Sections,
} from "@/lib/transfer/backup/schema";
import type { ParsedFile } from "@/lib/transfer/spreadsheet/parse";
import { definedKeys, REF_NAMES } from "@/lib/transfer/spreadsheet/refs";
import {
  issue,
  type ImportIssue,
  type ImportReport,
  type UploadedFile,
} from "@/lib/transfer/types";
import { backupPeopleIssues, isRestricted, type ImportActor } from "@/lib/transfer/role-grants";
import { readAccountRoles } from "../spreadsheet/readers";
import { readSection } from "./read";

export type BackupChanges = { [S in SectionName]?: Change<S>[] };
export type BackupPlan = {
  changes: BackupChanges;
  files: ImportReport["files"];
  errors: ImportIssue[];
  warnings: ImportIssue[];
};

const WHAT: Record<BackupRefKind, string> = { ...REF_NAMES, finding: "finding", threat: "threat" };
const fileOf = (s: SectionName) => (s === "passwords" ? PASSWORDS_FILE : BACKUP_FILE);

/** Keys the CSV files of the same import define: they exist by the time the JSON is applied. */
function csvKeys(csv: ParsedFile[]): Record<BackupRefKind, Set<string>> {
  const keysOf = (name: string) => {
    const file = csv.find((f) => f.spec.name === name);
    return new Set<string>(file ? file.rows.map((r) => file.spec.key(r.row)) : []);
  };
  return { ...definedKeys(csv), finding: keysOf("findings.csv"), threat: keysOf("threats.csv") };
}

async function checkReferences(
  c: pg.ClientBase,
  sections: Partial<Sections>,
  csv: ParsedFile[],
): Promise<ImportIssue[]> {
  const known = csvKeys(csv);
  const refs: { section: SectionName; at: string; kind: BackupRefKind; key: string }[] = [];
  for (const s of SECTION_NAMES) {
    (sections[s] ?? []).forEach((row, i) => {
      for (const [field, kind, key] of (
        KEYS[s].refs as (r: typeof row) => [string, BackupRefKind, string | null][]
      )(row))
        if (key !== null) refs.push({ section: s, at: `${s}[${i}].${field}`, kind, key });
    });
  }
  for (const kind of KEY_KINDS) {
    const wanted = [
      ...new Set(refs.filter((r) => r.kind === kind && !known[kind].has(r.key)).map((r) => r.key)),
    ];
    if (wanted.length)
      for (const r of (await c.query(keyLookupSql(kind), [wanted])).rows) known[kind].add(r.k);
  }
  return refs
    .filter((r) => !known[r.kind].has(r.key))
    .map((r) =>
      issue(
        fileOf(r.section),
        null,
        r.at,
        `No ${WHAT[r.kind]} “${r.key}” in the CSV files or the database`,
      ),
    );
}

/** People whose deactivation the actor may not change (lib/transfer/role-grants.ts). */
async function deactivationIssues(
  c: pg.ClientBase,
  actor: ImportActor,
  rows: SectionRow<SectionName>[],
  changes: { row: unknown }[],
): Promise<ImportIssue[]> {
  if (!isRestricted(actor) || changes.length === 0) return [];
  const index = new Map((rows as SectionRow<"people">[]).map((p, i) => [p.email, i]));
  const changed = (changes as Change<"people">[]).map(({ row }) => ({
    email: row.email,
    index: index.get(row.email) ?? 0,
  }));
  const accounts = await readAccountRoles(
    c,
    changed.map((p) => p.email),
  );
  return backupPeopleIssues(actor, changed, accounts);
}

export async function planBackup(
  c: pg.ClientBase,
  uploads: UploadedFile[],
  csv: ParsedFile[],
  opts: { passwords: boolean; actor: ImportActor },
): Promise<BackupPlan> {
  const plan: BackupPlan = { changes: {}, files: [], errors: [], warnings: [] };
  if (uploads.length === 0) return plan;
  const parsed = parseBackupFiles(uploads);
  plan.errors.push(...parsed.errors);
  if (parsed.sections.passwords && !opts.passwords) {
    plan.errors.push(
      issue(
        PASSWORDS_FILE,
        null,
        null,
        `${PASSWORDS_FILE} holds password hashes: it is only imported with npm run import`,
      ),
    );
  }
  if (plan.errors.length === 0)
    plan.errors.push(...(await checkReferences(c, parsed.sections, csv)));
  for (const s of SECTION_NAMES) {
    const rows = parsed.sections[s];
    if (!rows?.length) continue;
    const counts = { rows: rows.length, create: 0, update: 0, unchanged: 0 };
    plan.files.push({ file: `${fileOf(s)}: ${s}`, counts });
    if (plan.errors.length) continue;
    const stored = await readSection(c, s);
    const diff = diffSection(s, rows, stored);
    if (s === "passwords" && diff.update > 0) {
      // An import never replaces a password someone has set (the writer only fills empty ones).
      plan.warnings.push(
        issue(
          PASSWORDS_FILE,
          null,
          null,
          `${diff.update} people already have another password: theirs are left as they are`,
        ),
      );
      diff.unchanged += diff.update;
      diff.update = 0;
    }
    if (s === "auditLog" && diff.update > 0) {
      // The audit log is append-only: a stored record that reads differently stays as it is.
      plan.warnings.push(
        issue(
          BACKUP_FILE,
          null,
          "auditLog",
          `${diff.update} audit records differ from the stored ones of the same time, person and record: the stored ones are kept`,
        ),
      );
      const storedKeys = new Set(recordKeys("auditLog", stored as SectionRow<"auditLog">[]).keys);
      diff.write = diff.write.filter(
        (w) => !storedKeys.has(keyOf("auditLog", w.row as SectionRow<"auditLog">, w.n)),
      );
      diff.unchanged += diff.update;
      diff.update = 0;
    }
    if (s === "people")
      plan.errors.push(...(await deactivationIssues(c, opts.actor, rows, diff.write)));
    Object.assign(counts, { create: diff.create, update: diff.update, unchanged: diff.unchanged });
    (plan.changes as Record<string, unknown>)[s] = diff.write;
  }
  return plan;
}
