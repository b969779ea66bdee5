import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The CLI needs a URL even for commands that never connect (generate, validate);
// without one it falls back to native engines, which cannot be downloaded here.
const url = process.env.DATABASE_URL ?? "postgresql://guardians@127.0.0.1:54329/guardians";
process.env.DATABASE_URL = url;

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: url }),
});
