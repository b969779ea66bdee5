// npm run import -- <folder> [--dry-run]
// Imports the CSV files of a folder (docs/spreadsheet-format.md), and the program.json and
// passwords.json of a backup made by `npm run export`, into DATABASE_URL or the embedded
// database, all-or-nothing, as the system (no person in the audit log).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareDatabase } from "../lib/db/bootstrap";
import { jobClient } from "../lib/db/connections";
import { isBackupFile } from "../lib/transfer/backup/parse";
import type { ImportIssue } from "../lib/transfer/types";
import { runImport } from "../lib/server/transfer/run-import";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "dry-run": { type: "boolean", default: false } },
});
const log = (line: string) => console.log(`[import] ${line}`);
const SHOWN = 200;

const where = (i: ImportIssue) =>
  [i.file, i.line === null ? null : `line ${i.line}`, i.column].filter(Boolean).join(", ");

async function main(): Promise<number> {
  const folder = positionals[0];
  if (!folder) throw new Error("Usage: npm run import -- <folder> [--dry-run]");
  const started = Date.now();
  const names = (await readdir(folder))
    .filter((n) => n.toLowerCase().endsWith(".csv") || isBackupFile(n))
    .sort();
  if (names.length === 0) throw new Error(`No .csv files or program.json in ${folder}`);
  const files = await Promise.all(
    names.map(async (name) => ({
      name,
      content: new Uint8Array(await readFile(path.join(folder, name))),
    })),
  );
  log(`read ${names.length} files in ${Date.now() - started} ms`);
  const db = await prepareDatabase({ log });
  const client = jobClient(db.url);
  try {
    await client.connect();
    const t = Date.now();
    const result = await runImport(client, files, {
      commit: !values["dry-run"],
      actor: null,
      passwords: true,
    });
    for (const f of result.files) {
      const c = f.counts;
      log(
        `${f.file.padEnd(18)} ${String(c.rows).padStart(8)} rows: ${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged`,
      );
    }
    for (const w of result.warnings) log(`warning: ${where(w)}: ${w.message}`);
    for (const e of result.errors.slice(0, SHOWN)) log(`error: ${where(e)}: ${e.message}`);
    if (result.errors.length > SHOWN) log(`… and ${result.errors.length - SHOWN} more errors`);
    const seconds = ((Date.now() - t) / 1000).toFixed(1);
    if (result.errors.length)
      log(`${result.errors.length} errors: nothing was imported (${seconds} s)`);
    else if (values["dry-run"]) log(`dry run: no errors, nothing written (${seconds} s)`);
    else
      log(
        result.committed
          ? `imported in ${seconds} s (audit entry ${result.auditId})`
          : `nothing to change: the database already holds these rows (${seconds} s)`,
      );
    return result.errors.length ? 1 : 0;
  } finally {
    await client.end().catch(() => {});
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[import] ${(error as Error).message}`);
    process.exit(1);
  },
);
