import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3190);

// A real OpenID Connect provider with the demo people (tests/support/oidc-provider.ts); the
// app signs in through it. Password sign-in stays on, so the password tests run as before.
const oidc = {
  command: `node --import tsx tests/support/oidc-provider-main.ts --port ${OIDC_PORT} --app http://localhost:${PORT}`,
  url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
  timeout: 60_000,
  reuseExistingServer: !process.env.CI,
  stdout: "pipe" as const,
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
};

const SMTP_PORT = process.env.E2E_SMTP_PORT ?? "2525";
const MAIL_PORT = process.env.E2E_MAIL_PORT ?? "3191";

// Everything the app under test writes (its JSON log lines and Next.js's own output) is also
// kept in this file, which tests/e2e/secrets-in-logs.spec.ts searches for secrets.
export const SERVER_LOG = process.env.E2E_SERVER_LOG ?? `.data/e2e-server-${PORT}.log`;

// The app under test, and the real services it talks to (each started by the tests).
const app = {
  command: `sh -c 'mkdir -p .data && node --import tsx scripts/serve.ts --port ${PORT} --database guardians_e2e --fresh 2>&1 | tee ${SERVER_LOG}'`,
  env: {
    LOG_LEVEL: "debug",
    EMBEDDED_PG_DIR: ".data/pg-test",
    EMBEDDED_PG_PORT: process.env.TEST_PG_PORT ?? "54330",
    OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
    OIDC_CLIENT_ID: "guardians",
    OIDC_CLIENT_SECRET: "guardians-dev-secret",
    OIDC_NAME: "Test IdP",
    // Invitations and reset links go to the mail sink below (tests/support/mail-sink.ts).
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT,
    SMTP_TLS: "false",
    SMTP_FROM: "Guardians <guardians@e2e.test>",
    // Slack and Teams webhooks may point at the local stand-in a test starts
    // (tests/support/chat-sink.ts; docs/chat-channels.md). Never set in production.
    CHAT_WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
    JIRA_WEBHOOK_SECRET: "e2e-jira-secret",
  } as Record<string, string>,
  url: `http://localhost:${PORT}/healthz`,
  timeout: 240_000,
  reuseExistingServer: !process.env.CI,
  stdout: "pipe" as const,
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
};

// A real SMTP server keeping messages in memory; tests read them on GET /messages?to=….
const mailSink = {
  command: "node --import tsx tests/support/mail-sink-main.ts",
  env: { E2E_SMTP_PORT: SMTP_PORT, E2E_MAIL_PORT: MAIL_PORT },
  url: `http://127.0.0.1:${MAIL_PORT}/healthz`,
  timeout: 30_000,
  reuseExistingServer: !process.env.CI,
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
};

// Browser tests run the production build against their own freshly seeded database.
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // Tests that break the database on purpose (*.isolated.spec.ts: a table held locked) run
  // after all the others, so no other test's page stalls behind them.
  projects: [
    { name: "browser", testIgnore: /\.isolated\.spec\.ts$/ },
    { name: "isolated", testMatch: /\.isolated\.spec\.ts$/, dependencies: ["browser"] },
  ],
  webServer: [oidc, app, mailSink],
});
