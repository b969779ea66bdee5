// A real OpenID Connect provider (the `oidc-provider` package) for browser tests and for trying
// single sign-on locally (`npm run sso:dev`). Not a mock: discovery, the authorisation code flow
// with PKCE, signed ID tokens with its own keys, sessions and consent are the package's.
// Beside it, on the same server:
//   GET/POST /interaction/:uid   a plain login form (login = the account's email, and password)
//   POST /__control/accounts     replace or add an account's claims (JSON body, by `sub`)
//   POST /__control/down|up      make every provider route answer 503 (a provider that is down)
//   POST /__control/hold         the next answer to the app is shown as a link instead of a
//                                redirect, so a test can read, alter or replay the callback URL
// Dev and tests only: the control routes have no authentication; listen on localhost.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

export type TestAccount = {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
  /** Defaults to the provider's `password`. */
  password?: string;
};

type TestClient = {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post";
};

type TestProvider = {
  issuer: string;
  accounts: Map<string, TestAccount>;
  setAccount(account: TestAccount): void;
  setDown(down: boolean): void;
  close(): Promise<void>;
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, clientName: string, error?: string, login = "") {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to the test provider</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:3rem auto;padding:0 1rem}
label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1rem}.error{color:#b91c1c}</style></head><body>
<h1>Test identity provider</h1><p>Sign in to continue to ${escape(clientName)}.</p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">Email</label><input id="login" name="login" autocomplete="username" value="${escape(login)}" autofocus required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Continue</button></form></body></html>`;
}

async function formBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

async function jsonBody(req: http.IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
}

function send(res: http.ServerResponse, status: number, body: string, type = "application/json") {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

/** Starts the provider on `port` (0: any free port) at http://localhost:<port>. */
export async function startOidcProvider(opts: {
  port: number;
  clients: TestClient[];
  accounts: TestAccount[];
  password?: string;
}): Promise<TestProvider> {
  const password = opts.password ?? "guardians-demo";
  const accounts = new Map(opts.accounts.map((a) => [a.sub, { ...a }]));
  const byLogin = (login: string) =>
    [...accounts.values()].find((a) => a.email.toLowerCase() === login.trim().toLowerCase());
  let down = false;
  let hold = false;
  const redirectUris = opts.clients.flatMap((c) => c.redirect_uris);

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(opts.port, "localhost", resolve));
  const port = (server.address() as import("node:net").AddressInfo).port;
  const issuer = `http://localhost:${port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: "jwk" }),
    kid: "test-key",
    alg: "RS256",
    use: "sig",
  };

  const configuration: Configuration = {
    clients: opts.clients.map((c) => ({
      ...c,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: c.token_endpoint_auth_method ?? "client_secret_basic",
    })),
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    // Groups travel with the profile scope, so the app's default scopes bring them.
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    // Every claim of the granted scopes in the ID token itself (the app reads the ID token).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        // Read at each token: a claim changed through the control API shows at the next sign-in.
        async claims() {
          const now = accounts.get(sub) ?? account;
          return {
            sub,
            email: now.email,
            email_verified: now.email_verified,
            name: now.name,
            groups: now.groups,
          };
        },
      };
    },
    // Consent is granted at once for the scopes asked (a first-party application).
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? "openid"));
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const handle = provider.callback();

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, path: string) {
    const details = await provider.interactionDetails(req, res);
    const client = await provider.Client.find(String(details.params.client_id));
    const clientName = client?.clientName ?? String(details.params.client_id);
    if (req.method === "POST" && path.endsWith("/login")) {
      const form = await formBody(req);
      const login = form.get("login") ?? "";
      const account = byLogin(login);
      if (!account || form.get("password") !== (account.password ?? password)) {
        return send(
          res,
          200,
          loginPage(details.uid, clientName, "Unknown email or wrong password.", login),
          "text/html",
        );
      }
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub } },
        { mergeWithLastSubmission: false },
      );
    }
    if (details.prompt.name === "login")
      return send(res, 200, loginPage(details.uid, clientName), "text/html");
    // Consent was granted by loadExistingGrant; anything else finishes as is.
    return provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
  }

  // Replaces the provider's redirect to the app (set by the time the body is written) with a page.
  function holdCallback(res: http.ServerResponse) {
    const end = res.end.bind(res) as (body?: unknown) => http.ServerResponse;
    res.end = ((...args: unknown[]) => {
      const location = String(res.getHeader("location") ?? "");
      if (!res.headersSent && redirectUris.some((u) => location.startsWith(`${u}?`))) {
        hold = false;
        res.statusCode = 200;
        const page =
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Held</title></head>` +
          `<body><a id="callback" href="${escape(location)}">Continue to the app</a></body></html>`;
        res.removeHeader("location");
        res.setHeader("content-type", "text/html");
        res.setHeader("content-length", Buffer.byteLength(page));
        return end(page);
      }
      return end(...(args as []));
    }) as typeof res.end;
  }

  async function control(req: http.IncomingMessage, res: http.ServerResponse, path: string) {
    if (req.method === "GET" && path === "/__control/accounts")
      return send(res, 200, JSON.stringify([...accounts.values()]));
    if (req.method !== "POST") return send(res, 405, '{"error":"method"}');
    if (path === "/__control/hold") {
      hold = true;
      return send(res, 200, JSON.stringify({ hold }));
    }
    if (path === "/__control/down" || path === "/__control/up") {
      down = path.endsWith("down");
      return send(res, 200, JSON.stringify({ down }));
    }
    if (path === "/__control/accounts") {
      const a = (await jsonBody(req)) as TestAccount;
      if (typeof a?.sub !== "string" || typeof a.email !== "string")
        return send(res, 422, '{"error":"an account needs sub and email"}');
      accounts.set(a.sub, { ...accounts.get(a.sub), ...a, groups: a.groups ?? [] });
      return send(res, 200, JSON.stringify(accounts.get(a.sub)));
    }
    return send(res, 404, '{"error":"not found"}');
  }

  server.on("request", (req, res) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    const run = async () => {
      if (path.startsWith("/__control/")) return control(req, res, path);
      if (down) return send(res, 503, '{"error":"temporarily_unavailable"}');
      if (path.startsWith("/interaction/")) return interaction(req, res, path);
      if (hold) holdCallback(res);
      return handle(req, res);
    };
    run().catch((error: Error) => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: error.message }));
    });
  });

  return {
    issuer,
    accounts,
    setAccount: (a) => void accounts.set(a.sub, { ...a }),
    setDown: (d) => void (down = d),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
