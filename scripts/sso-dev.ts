// Single sign-on on your machine in one command: the local OpenID Connect provider the tests
// use (tests/support/oidc-provider.ts) with the demo people and their groups, and the app
// configured against it.
//   npm run sso:dev                          app on :3000, provider on :3190
//   npm run sso:dev -- --dev                 the app's development server (hot reload)
//   npm run sso:dev -- --port 3001 --provider-port 3191
// Sign in with "Sign in with Local test provider" as any demo email, password guardians-demo.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { DEV_CLIENT, startDevProvider } from "../tests/support/oidc-provider-main";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "provider-port": { type: "string", default: process.env.OIDC_PORT ?? "3190" },
    dev: { type: "boolean", default: false },
  },
});
const log = (line: string) => console.log(`[sso:dev] ${line}`);

async function main() {
  const appUrl = `http://localhost:${values.port}`;
  const provider = await startDevProvider({
    port: Number(values["provider-port"]),
    appUrl,
  });
  log(`identity provider on ${provider.issuer}`);
  log(
    `accounts: ${[...provider.accounts.values()].map((a) => `${a.email} [${a.groups.join(", ")}]`).join("; ")}`,
  );
  log("password for every account: guardians-demo");
  const app = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/serve.ts",
      "--port",
      values.port!,
      ...(values.dev ? ["--dev"] : []),
    ],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        NEXTAUTH_URL: appUrl,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: DEV_CLIENT.id,
        OIDC_CLIENT_SECRET: DEV_CLIENT.secret,
        OIDC_NAME: process.env.OIDC_NAME ?? "Local test provider",
      },
    },
  );
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((r) => app.once("exit", r));
    }
    await provider.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  app.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error: Error) => {
  console.error(`[sso:dev] ${error.message}`);
  process.exit(1);
});
