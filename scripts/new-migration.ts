// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
// schema as of the last committed migration and prisma/schema.prisma (see README, "Migrations").
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase } from "../lib/db/bootstrap";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run migration:new -- <snake_case_name>");
  process.exit(2);
}
const dir = path.resolve("prisma/migrations");
const existing = fs.existsSync(dir)
  ? fs
      .readdirSync(dir)
      .filter((d) => /^\d{14}_/.test(d))
      .sort()
  : [];
let from = ["--from-empty"];
if (existing.length > 0) {
  // The last commit on this branch's own line (--first-parent) that changed the migrations: a
  // merge that brought another branch's migration counts, with the merged schema, so the diff
  // never repeats what a merged branch's migration already does.
  const commit = execFileSync("git", [
    "log",
    "-1",
    "--first-parent",
    "--format=%H",
    "--",
    "prisma/migrations",
  ])
    .toString()
    .trim();
  if (!commit)
    throw new Error(
      `Commit the migration ${existing.at(-1)} (with its schema) before creating the next one.`,
    );
  const old = path.join(os.tmpdir(), `schema-${commit}.prisma`);
  fs.writeFileSync(old, execFileSync("git", ["show", `${commit}:prisma/schema.prisma`]));
  from = ["--from-schema-datamodel", old];
}
const db = await prepareDatabase({ log: console.log });
try {
  const sql = execFileSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      ...from,
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    {
      env: { ...process.env, DATABASE_URL: db.url },
    },
  ).toString();
  if (/^-- This is an empty migration/m.test(sql) || sql.trim() === "") {
    console.log("schema.prisma has no changes since the last migration");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const target = path.join(dir, `${stamp}_${name}`);
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, "migration.sql"), sql);
    console.log(`wrote ${path.relative(process.cwd(), target)}/migration.sql`);
  }
} finally {
  await db.stop();
}
