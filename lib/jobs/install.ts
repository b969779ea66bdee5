// Installs (or upgrades) the job queue's tables in the database and creates the app's queues,
// under pg-boss's own advisory lock, so concurrent starts do it once. Called by the migration
// runner (lib/db/migrate.ts) after the app's migrations: every database the app runs on has its
// queue, and a service can add a job in the same transaction as its change.
import { PgBoss } from "./pg-boss";
import { QUEUE_NAMES, QUEUE_SCHEMA, QUEUES } from "./queues";

export async function installQueue(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: QUEUE_SCHEMA,
    max: 2,
    supervise: false,
    schedule: false,
    migrate: true,
  });
  boss.on("error", () => {}); // reported by start() itself
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of QUEUE_NAMES) {
      const policy = { ...QUEUES[name], retryBackoff: true };
      if (existing.has(name)) await boss.updateQueue(name, { name, ...policy });
      else await boss.createQueue(name, { name, ...policy });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true, close: true });
  }
}
