import { inject } from "vitest";

// Server modules read DATABASE_URL when first imported; point them at the run's database.
process.env.DATABASE_URL = inject("databaseUrl");
// Unsubscribe links and the webhook URLs' encryption derive their keys from the app's secret.
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
