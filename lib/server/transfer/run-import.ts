// Runs an import on one connection: preview (read-only, rolled back) or commit (all files in
// one transaction, serialised with other imports, one audit entry, nothing written on error).
// A backup's program.json (and passwords.json) is applied after the CSV files, in the same
// transaction. No "server-only" here: the import CLI runs this under plain Node.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { isBackupFile } from "@/lib/transfer/backup/parse";
import type { ImportActor } from "@/lib/transfer/role-grants";
import type { ImportReport, UploadedFile } from "@/lib/transfer/types";
import { applyBackup } from "@/lib/server/transfer/backup/apply";
import { planBackup, type BackupPlan } from "@/lib/server/transfer/backup/plan";
import { DomainError } from "@/lib/server/errors";
import { planImport, sortIssues, type Plan } from "./spreadsheet/plan";
import { writeActivities, writeCompletions, writeFeedback } from "./spreadsheet/write-activity";
import {
  writeCourses,
  writeGuardians,
  writeOrgLinks,
  writeOrgs,
  writeTeams,
  type WriteContext,
} from "./spreadsheet/write-people";
import { writePeople } from "./spreadsheet/write-accounts";
import {
  writeFindings,
  writeReleases,
  writeReviews,
  writeThreatModels,
  writeThreats,
} from "./spreadsheet/write-work";

export type ImportResult = ImportReport & { committed: boolean; auditId: string | null };

const IMPORT_LOCK = 7_008_001;

// Tables each file writes. After a large import their planner statistics are stale until
// autovacuum catches up, which makes the next import's lookups slow; ANALYZE fixes that.
const TABLES: Record<string, string[]> = {
  "orgs.csv": ["Org"],
  "teams.csv": ["Team"],
  "people.csv": ["User"],
  "guardians.csv": ["GuardianMembership", "GuardianStatusChange"],
  "reviews.csv": ["Review", "ReviewParticipant"],
  "findings.csv": ["Finding"],
  "releases.csv": ["Release"],
  "threat_models.csv": ["ThreatModel", "ThreatModelAuthor"],
  "threats.csv": ["Threat"],
  "activities.csv": ["ActivityEntry", "ActivityEntryVersion"],
  "courses.csv": ["Course"],
  "completions.csv": ["CourseCompletion"],
  "feedback.csv": ["Feedback"],
  "program.json: memberships": ["GuardianMembership", "GuardianStatusChange"],
  "program.json: reviews": ["ReviewParticipant", "ReviewChecklistItem"],
};
const ANALYZE_AFTER = 1_000;

async function refreshStatistics(c: pg.ClientBase, report: ImportReport) {
  const tables = report.files
    .filter((f) => f.counts.create + f.counts.update >= ANALYZE_AFTER)
    .flatMap((f) => TABLES[f.file] ?? []);
  if (tables.length)
    await c.query(`ANALYZE ${tables.map((t) => `"${t}"`).join(", ")}`).catch(() => {});
}

const changes = (report: ImportReport) =>
  report.files.some((f) => f.counts.create > 0 || f.counts.update > 0);

async function applyPlan(
  c: pg.ClientBase,
  plan: Plan,
  backup: BackupPlan,
  report: ImportReport,
  actorId: number | null,
): Promise<string> {
  const auditId = randomUUID();
  const ctx: WriteContext = { c, ids: plan.ids, actorId, importId: auditId };
  const f = (name: Parameters<typeof plan.files.get>[0]) => plan.files.get(name);
  await writeOrgs(ctx, f("orgs.csv"));
  await writeTeams(ctx, f("teams.csv"));
  await writeCourses(ctx, f("courses.csv"));
  await writePeople(ctx, f("people.csv"));
  await writeOrgLinks(ctx, f("orgs.csv"));
  await writeGuardians(ctx, f("guardians.csv"));
  await writeReviews(ctx, f("reviews.csv"));
  await writeFindings(ctx, f("findings.csv"));
  await writeReleases(ctx, f("releases.csv"));
  await writeThreatModels(ctx, f("threat_models.csv"));
  await writeThreats(ctx, f("threats.csv"));
  await writeActivities(ctx, f("activities.csv"));
  await writeCompletions(ctx, f("completions.csv"));
  await writeFeedback(ctx, f("feedback.csv"));
  await applyBackup(c, backup);
  const after = { files: Object.fromEntries(report.files.map((x) => [x.file, x.counts])) };
  await c.query(
    `INSERT INTO "AuditLog" ("actorId", action, entity, "entityId", after) VALUES ($1, 'import', 'Import', $2, $3::jsonb)`,
    [actorId, auditId, JSON.stringify(after)],
  );
  return auditId;
}

/**
 * `actor`: who runs the import (null: the command line, the system, which may do anything);
 * the role-grant rule refuses rows they may not write (lib/transfer/role-grants.ts).
 * `passwords`: whether passwords.json may be applied (only the command line: an upload must not
 * be able to set someone's password).
 */
export async function runImport(
  c: pg.ClientBase,
  uploads: UploadedFile[],
  opts: { commit: boolean; actor: ImportActor; now?: Date; passwords?: boolean },
): Promise<ImportResult> {
  const now = opts.now ?? new Date();
  await c.query(opts.commit ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    if (opts.commit) await c.query("SELECT pg_advisory_xact_lock($1)", [IMPORT_LOCK]);
    const plan = await planImport(
      c,
      uploads.filter((u) => !isBackupFile(u.name)),
      now,
      opts.actor,
    );
    const backup = await planBackup(
      c,
      uploads.filter((u) => isBackupFile(u.name)),
      [...plan.files.values()].map((f) => f.parsed),
      { passwords: opts.passwords ?? false, actor: opts.actor },
    );
    const report: ImportReport = {
      files: [...plan.report.files, ...backup.files],
      errors: sortIssues([...plan.report.errors, ...backup.errors]),
      warnings: [...plan.report.warnings, ...backup.warnings],
    };
    // Nothing to change writes nothing, not even an audit entry: a re-import is a no-op.
    if (!opts.commit || report.errors.length > 0 || !changes(report)) {
      await c.query("ROLLBACK");
      return { ...report, committed: false, auditId: null };
    }
    const auditId = await applyPlan(c, plan, backup, report, opts.actor?.id ?? null);
    await c.query("COMMIT");
    await refreshStatistics(c, report);
    return { ...report, committed: true, auditId };
  } catch (error) {
    await c.query("ROLLBACK").catch(() => {});
    // A database rule the checks above do not cover (e.g. one open membership per person
    // and team): the transaction is gone, so say so plainly.
    const e = error as { code?: string; constraint?: string; detail?: string };
    if (e.code?.startsWith("23")) {
      throw new DomainError(
        `Nothing was imported: a row breaks a rule of the database (${e.constraint ?? e.code})${e.detail ? `: ${e.detail}` : "."}`,
      );
    }
    throw error;
  }
}
