// The app's server: Next.js behind the app's own HTTP front (lib/http/front.ts: body limits,
// forwarded headers, the client's address), in one Node.js process. scripts/serve.ts
// (npm start, npm run dev) prepares the database and starts it:
//   node --import tsx scripts/server.ts --port 3000 [--dev]
// Alone (`npm run server -- --port 3000`, after `npm run build` and `npm run db:migrate`) it
// needs DATABASE_URL, NEXTAUTH_SECRET and NEXTAUTH_URL set.
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { createFront } from "../lib/http/front";
import { createRenderGate, gateOptionsFromEnv, publishRenderGate } from "../lib/http/render-gate";
import { createLogger } from "../lib/logger";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    dev: { type: "boolean", default: false },
  },
});
const port = Number(values.port);
// As `next start` and `next dev` would (serve.ts sets it too).
(process.env as Record<string, string>).NODE_ENV ??= values.dev ? "development" : "production";
// The app's log format, secrets censored (lib/logger.ts).
const log = createLogger();

const server = http.createServer();
// httpServer: in development Next.js attaches its hot-reload websocket to it.
const app = next({ dev: values.dev, dir: process.cwd(), port, httpServer: server });
await app.prepare();
const front = createFront({
  handle: app.getRequestHandler(),
  // In development a first render compiles the page for seconds: no admission there.
  gate: values.dev ? undefined : publishRenderGate(createRenderGate(gateOptionsFromEnv())),
  onRefused: (r) =>
    log.warn(
      {
        route: r.route,
        status: 413,
        code: "payload_too_large",
        limit: r.limit,
        length: r.declared,
      },
      "request",
    ),
  onError: (err) => log.error({ err }, "request failed"),
});
server.on("request", front.onRequest);
server.on("checkContinue", front.onCheckContinue);
server.on("error", (error) => {
  console.error(`[guardians] ${error.message}`);
  process.exit(1);
});
server.listen(port, () => console.log(`[guardians] ready on http://localhost:${port}`));

// SIGTERM (serve.ts, Playwright): finish the requests in flight, then stop Next.js.
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 10_000).unref();
  server.close(() => void app.close().finally(() => process.exit(0)));
  server.closeIdleConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
