import { inject } from "vitest";

// Server modules read DATABASE_URL when first imported; point them at the run's database.
process.env.DATABASE_URL = inject("databaseUrl");
