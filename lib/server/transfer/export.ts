// Writes the 13 files of the spreadsheet format from the database, page by page, in the
// import's own format (same columns, dates, lists and enum spellings), so export → import
// gives the same records; then program.json with everything the CSV files do not carry.
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { SPECS } from "@/lib/transfer/spreadsheet/files";
import { FILE_NAMES, specCsv, type FileName } from "@/lib/transfer/spreadsheet/spec";
import { exportBackup } from "@/lib/server/transfer/backup/export";
import { readPage } from "./spreadsheet/readers";

const PAGE = 5_000;

/** The file as CSV text in chunks (a BOM first, so spreadsheet programs read it as UTF-8). */
export async function* exportCsv(c: pg.ClientBase, file: FileName): AsyncGenerator<string> {
  for await (const chunk of exportChunks(c, file)) yield chunk.text;
}

async function* exportChunks(
  c: pg.ClientBase,
  file: FileName,
): AsyncGenerator<{ text: string; rows: number }> {
  const spec = SPECS[file];
  yield { text: `\uFEFF${specCsv(spec, [], { header: true })}`, rows: 0 };
  let after = "0";
  for (;;) {
    const page = await readPage(c, file, after, PAGE);
    if (page.length === 0) return;
    const text = specCsv(
      spec,
      page.map((r) => spec.format(r.row)),
    );
    yield { text, rows: page.length };
    after = page[page.length - 1].id;
    if (page.length < PAGE) return;
  }
}

/**
 * Writes every CSV file and program.json (with `passwords`, also passwords.json) into
 * `folder`; returns the number of data rows or records of each.
 */
export async function exportAll(
  c: pg.ClientBase,
  folder: string,
  opts: { passwords?: boolean } = {},
): Promise<Record<string, number>> {
  await mkdir(folder, { recursive: true });
  const counts: Record<string, number> = {};
  // One snapshot for all files, so references between them agree.
  await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    for (const file of FILE_NAMES) {
      const out = createWriteStream(path.join(folder, file), { encoding: "utf8" });
      let rows = 0;
      for await (const chunk of exportChunks(c, file)) {
        rows += chunk.rows;
        if (!out.write(chunk.text))
          await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      }
      out.end();
      await finished(out);
      counts[file] = rows;
    }
    Object.assign(counts, await exportBackup(c, folder, { passwords: opts.passwords ?? false }));
  } finally {
    await c.query("COMMIT");
  }
  return counts;
}
