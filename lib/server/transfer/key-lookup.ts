// Where each kind of record keeps its natural key, so the CSV and the program.json plans look
// keys up in bulk the same way. No "server-only" here: the import CLI runs this under plain Node.
import type { BackupRefKind } from "@/lib/transfer/backup/keys";

const KEY_COLUMN: Record<BackupRefKind, [table: string, column: string]> = {
  org: ["Org", "key"],
  team: ["Team", "key"],
  user: ["User", "email"],
  review: ["Review", "key"],
  threatModel: ["ThreatModel", "key"],
  course: ["Course", "key"],
  finding: ["Finding", "key"],
  threat: ["Threat", "key"],
};

export const KEY_KINDS = Object.keys(KEY_COLUMN) as BackupRefKind[];

/** `k` (the key) and `id` of the records of `kind` whose keys are in the text array $1. */
export function keyLookupSql(kind: BackupRefKind): string {
  const [table, column] = KEY_COLUMN[kind];
  return `SELECT ${column} AS k, id FROM "${table}" WHERE ${column} = ANY($1::text[])`;
}
