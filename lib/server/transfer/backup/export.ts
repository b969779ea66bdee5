// Writes program.json (and passwords.json, readable by its owner only) beside the CSV files,
// in the caller's snapshot so every file describes the same moment.
// No "server-only" here: the export CLI runs this under plain Node.
import { createWriteStream } from "node:fs";
import { chmod } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { backupChunks } from "@/lib/transfer/backup/format";
import {
  BACKUP_FILE,
  PASSWORDS_FILE,
  PROGRAM_SECTIONS,
  type SectionName,
} from "@/lib/transfer/backup/schema";
import { readSections } from "./read";

async function writeChunks(file: string, chunks: Iterable<string>, mode: number) {
  const out = createWriteStream(file, { encoding: "utf8", mode });
  for (const chunk of chunks)
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  out.end();
  await finished(out);
  await chmod(file, mode); // an existing file keeps its mode otherwise
}

/** Writes the JSON files into `folder`; returns how many records each holds. */
export async function exportBackup(
  c: pg.ClientBase,
  folder: string,
  opts: { passwords: boolean; now?: Date },
): Promise<Record<string, number>> {
  const exportedAt = opts.now ?? new Date();
  const order: SectionName[] = ["program", ...PROGRAM_SECTIONS];
  const sections = await readSections(c, order);
  await writeChunks(
    path.join(folder, BACKUP_FILE),
    backupChunks(sections, order, { exportedAt, single: ["program"] }),
    0o644,
  );
  const counts: Record<string, number> = {
    [BACKUP_FILE]: order.reduce((n, s) => n + sections[s].length, 0),
  };
  if (opts.passwords) {
    const secret = await readSections(c, ["passwords"]);
    await writeChunks(
      path.join(folder, PASSWORDS_FILE),
      backupChunks(secret, ["passwords"], { exportedAt }),
      0o600,
    );
    counts[PASSWORDS_FILE] = secret.passwords.length;
  }
  return counts;
}
