// The browser tests' own database (the one the app under test serves), for setting up people
// and checking what a journey wrote. Same server and name as playwright.config.ts's app.
import { hash } from "@node-rs/argon2";
import pg from "pg";

export const E2E_DATABASE_URL =
  process.env.E2E_DATABASE_URL ??
  `postgresql://guardians:guardians@localhost:${process.env.TEST_PG_PORT ?? "54330"}/guardians_e2e`;

export async function withE2eDb<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/** A person of their own for a test that changes their account; returns their id and email. */
export async function createPerson(opts: {
  name: string;
  roles?: string[];
  password?: string;
}): Promise<{ id: number; email: string }> {
  const email = `${opts.name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}.${Date.now()}@e2e.test`;
  const passwordHash = opts.password ? await hash(opts.password) : null;
  return withE2eDb(async (c) => {
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO "User" (email, name, roles, "passwordHash", "orgId")
       VALUES ($1, $2, $3::"Role"[], $4, (SELECT id FROM "Org" ORDER BY id LIMIT 1)) RETURNING id`,
      [email, opts.name, opts.roles ?? ["BUILDER"], passwordHash],
    );
    return { id: rows[0]!.id, email };
  });
}
