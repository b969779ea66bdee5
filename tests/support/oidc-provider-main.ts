// Runs the test OpenID Connect provider (tests/support/oidc-provider.ts) with the demo people,
// for Playwright's webServer and `npm run sso:dev`:
//   node --import tsx tests/support/oidc-provider-main.ts --port 3190 --app http://localhost:3100
// The client is `guardians` / `guardians-dev-secret` unless --client-id / --client-secret say
// otherwise. Its redirect URI is the app's /api/auth/callback/oidc.
import { parseArgs } from "node:util";
import { demoSsoAccounts } from "../../lib/demo/sso";
import { startOidcProvider, type TestAccount } from "./oidc-provider";

export const DEV_CLIENT = { id: "guardians", secret: "guardians-dev-secret" };

// Besides the demo people: someone the app does not know, and someone whose email the
// provider has not verified.
const EXTRA_ACCOUNTS: TestAccount[] = [
  {
    sub: "newcomer",
    email: "newcomer@guardians.test",
    email_verified: true,
    name: "Nico Newcomer",
    groups: ["engineering"],
  },
  {
    sub: "unverified",
    email: "unverified@guardians.test",
    email_verified: false,
    name: "Una Unverified",
    groups: [],
  },
];

export async function startDevProvider(opts: {
  port: number;
  appUrl: string;
  clientId?: string;
  clientSecret?: string;
}) {
  return startOidcProvider({
    port: opts.port,
    clients: [
      {
        client_id: opts.clientId ?? DEV_CLIENT.id,
        client_secret: opts.clientSecret ?? DEV_CLIENT.secret,
        redirect_uris: [`${opts.appUrl.replace(/\/+$/, "")}/api/auth/callback/oidc`],
      },
    ],
    accounts: [...demoSsoAccounts(), ...EXTRA_ACCOUNTS],
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.E2E_OIDC_PORT ?? "3190" },
      app: { type: "string", default: "http://localhost:3000" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
    },
  });
  const provider = await startDevProvider({
    port: Number(values.port),
    appUrl: values.app!,
    clientId: values["client-id"],
    clientSecret: values["client-secret"],
  });
  console.log(
    `[oidc] test provider on ${provider.issuer} (password for every account: guardians-demo)`,
  );
  const stop = () => void provider.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
