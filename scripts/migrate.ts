// Applies pending migrations to DATABASE_URL (or the embedded database) and exits.
import { prepareDatabase } from "../lib/db/bootstrap";

try {
  const db = await prepareDatabase({ log: (l) => console.log(`[guardians] ${l}`) });
  await db.stop();
} catch (error) {
  console.error(`[guardians] ${(error as Error).message}`);
  process.exit(1);
}
