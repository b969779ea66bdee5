// npm run export -- <folder> [--without-passwords]
// Backs the whole program up from DATABASE_URL or the embedded database: the 13 CSV files of
// docs/spreadsheet-format.md, program.json (everything they do not carry) and
// passwords.json (password hashes, readable by the owner only), all from one snapshot.
import { parseArgs } from "node:util";
import { prepareDatabase } from "../lib/db/bootstrap";
import { jobClient } from "../lib/db/connections";
import { exportAll } from "../lib/server/transfer/export";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "without-passwords": { type: "boolean", default: false } },
});
const log = (line: string) => console.log(`[export] ${line}`);

async function main() {
  const folder = positionals[0];
  if (!folder) throw new Error("Usage: npm run export -- <folder> [--without-passwords]");
  const db = await prepareDatabase({ log });
  const client = jobClient(db.url);
  try {
    await client.connect();
    const started = Date.now();
    const counts = await exportAll(client, folder, { passwords: !values["without-passwords"] });
    for (const [file, n] of Object.entries(counts))
      log(
        `${file.padEnd(18)} ${String(n).padStart(8)} ${file.endsWith(".json") ? "records" : "rows"}`,
      );
    log(`written to ${folder} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end().catch(() => {});
    await db.stop();
  }
}

main().catch((error) => {
  console.error(`[export] ${(error as Error).message}`);
  process.exit(1);
});
