// Plans an import without writing: parse, look up every referenced key, check references,
// and sort each file's rows into create / update / unchanged against the database.
// No "server-only" here: the import CLI runs this under plain Node.
import type pg from "pg";
import { keyLookupSql } from "@/lib/server/transfer/key-lookup";
import {
  readAccountRoles,
  readMatching,
  readOrgParents,
} from "@/lib/server/transfer/spreadsheet/readers";
import { reviewCompletionIssues } from "@/lib/server/transfer/spreadsheet/review-completion";
import { isRestricted, peopleRowIssues, type ImportActor } from "@/lib/transfer/role-grants";
import { matchActivities } from "@/lib/transfer/spreadsheet/activity-match";
import { diffRows, type Existing, type Update } from "@/lib/transfer/spreadsheet/diff";
import {
  parseImportFiles,
  type ParsedFile,
  type ParsedRow,
} from "@/lib/transfer/spreadsheet/parse";
import {
  checkOrgCycles,
  checkReferences,
  REF_KINDS,
  wantedKeys,
  type KeySets,
} from "@/lib/transfer/spreadsheet/refs";
import { FILE_NAMES, type FileName, type RefKind } from "@/lib/transfer/spreadsheet/spec";
import type { ImportIssue, ImportReport, UploadedFile } from "@/lib/transfer/types";

export type Ids = Record<RefKind, Map<string, number>>;
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of differently typed files */
type AnyRow = any;
export type FilePlan = {
  parsed: ParsedFile;
  diff: {
    create: (ParsedRow<AnyRow> & { occurrence?: number })[];
    update: Update<AnyRow>[];
    unchanged: number;
  };
};
export type Plan = { files: Map<FileName, FilePlan>; ids: Ids; report: ImportReport };

async function lookupIds(c: pg.ClientBase, wanted: KeySets): Promise<Ids> {
  const ids = {} as Ids;
  for (const kind of REF_KINDS) {
    const keys = [...wanted[kind]];
    const { rows } = keys.length ? await c.query(keyLookupSql(kind), [keys]) : { rows: [] };
    ids[kind] = new Map(rows.map((r) => [r.k as string, r.id as number]));
  }
  return ids;
}

/** What the database is filtered on for a file: its keys, or the people of keyless files. */
function filterValues(f: ParsedFile): string[] {
  const name = f.spec.name;
  if (name === "guardians.csv" || name === "activities.csv" || name === "completions.csv")
    return f.rows.map((r) => r.row.email);
  if (name === "feedback.csv") return f.rows.map((r) => r.row.guardian_email);
  return f.rows.map((r) => f.spec.key(r.row));
}

const fileOrder = new Map<string, number>(FILE_NAMES.map((n, i) => [n, i]));
export function sortIssues(list: ImportIssue[]): ImportIssue[] {
  return list
    .map((x, i) => ({ x, i }))
    .sort(
      (a, b) =>
        (fileOrder.get(a.x.file) ?? -1) - (fileOrder.get(b.x.file) ?? -1) ||
        (a.x.line ?? 0) - (b.x.line ?? 0) ||
        a.i - b.i,
    )
    .map(({ x }) => x);
}

/** people.csv rows the actor may not write (lib/transfer/role-grants.ts). */
async function roleGrantIssues(
  c: pg.ClientBase,
  actor: ImportActor,
  people: FilePlan | undefined,
): Promise<ImportIssue[]> {
  if (!people || !isRestricted(actor)) return [];
  const { create, update } = people.diff;
  const accounts = await readAccountRoles(
    c,
    update.map((u) => u.row.email),
  );
  return peopleRowIssues(actor, { create, update }, people.parsed.present, accounts);
}

export async function planImport(
  c: pg.ClientBase,
  uploads: UploadedFile[],
  now: Date,
  actor: ImportActor,
): Promise<Plan> {
  const parsed = parseImportFiles(uploads);
  const errors = [...parsed.errors];
  const ids = await lookupIds(c, wantedKeys(parsed.files));
  const inDatabase = Object.fromEntries(
    REF_KINDS.map((k) => [k, new Set(ids[k].keys())]),
  ) as KeySets;
  errors.push(...checkReferences(parsed.files, inDatabase));
  if (parsed.files.some((f) => f.spec.name === "orgs.csv"))
    errors.push(...checkOrgCycles(parsed.files, await readOrgParents(c)));
  // Rows with a reference error are left out of the counts, as rows that failed parsing are.
  const failed = new Set(errors.map((e) => `${e.file} ${e.line}`));
  const files = new Map<FileName, FilePlan>();
  for (const parsedFile of parsed.files) {
    const f = {
      ...parsedFile,
      rows: parsedFile.rows.filter((r) => !failed.has(`${parsedFile.spec.name} ${r.line}`)),
    };
    const stored = await readMatching(c, f.spec.name, [...new Set(filterValues(f))]);
    if (f.spec.name === "activities.csv") {
      const matched = matchActivities(
        f.rows,
        stored.map((s) => ({ row: s.row, deleted: s.deleted === true })),
        now,
      );
      errors.push(...matched.errors);
      files.set(f.spec.name, {
        parsed: f,
        diff: { create: matched.create, update: [], unchanged: matched.unchanged },
      });
      continue;
    }
    const existing = new Map<string, Existing<unknown>>(stored.map((s) => [f.spec.key(s.row), s]));
    files.set(f.spec.name, { parsed: f, diff: diffRows(f.spec, f.present, f.rows, existing) });
  }
  errors.push(...(await roleGrantIssues(c, actor, files.get("people.csv"))));
  errors.push(...(await reviewCompletionIssues(c, files.get("reviews.csv"))));
  const report: ImportReport = {
    files: [...files.values()].map(({ parsed: p, diff }) => ({
      file: p.spec.name,
      counts: {
        rows: p.total,
        create: diff.create.length,
        update: diff.update.length,
        unchanged: diff.unchanged,
      },
    })),
    errors: sortIssues(errors),
    warnings: parsed.warnings,
  };
  return { files, ids, report };
}
