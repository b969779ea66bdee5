// One fresh database per test run, on DATABASE_URL's server or on an embedded PostgreSQL
// kept apart from the development one; dropped at the end.
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabase } from "../../lib/db/embedded";
import { prepareDatabase } from "../../lib/db/bootstrap";
import { withDatabase } from "../../lib/db/url";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = `guardians_test_${process.pid}_${Date.now()}`;
  const db = await prepareDatabase({
    database,
    dataDir: path.resolve(process.env.TEST_PG_DIR ?? ".data/pg-test"),
    port: Number(process.env.TEST_PG_PORT ?? 54330),
  });
  project.provide("databaseUrl", db.url);
  return async () => {
    await dropDatabase(withDatabase(db.url, "postgres"), database);
    await db.stop();
  };
}
