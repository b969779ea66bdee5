// A local HTTP server standing in for Slack's and Teams' incoming webhooks: it keeps every POST
// (path, headers, JSON body) and answers 200 "ok", or, when told, fails the next requests with
// a status, or holds them without an answer (for timeouts). Integration and browser tests start
// it on a free port and save webhook URLs pointing at it (CHAT_WEBHOOK_ALLOW_HOSTS=127.0.0.1).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type SunkPost = {
  path: string;
  contentType: string;
  body: unknown;
  /** The answer the sink gave. */
  status: number;
  at: string;
};

type Failure = { status: number; body: string; stall: boolean; path?: string };

export type ChatSink = {
  port: number;
  /** An address on the sink, e.g. url("/services/T1/B1/x") */
  url: (path: string) => string;
  /** POSTs received (on `path`, or all), oldest first; failed ones too, with their status. */
  posts: (path?: string) => SunkPost[];
  /** Answer the next `count` requests (on `path`, or any) with `status` and `body`. */
  failNext: (count: number, status: number, opts?: { body?: string; path?: string }) => void;
  /** Hold the next `count` requests without answering (the client's timeout ends them). */
  stallNext: (count: number) => void;
  clear: () => void;
  close: () => Promise<void>;
};

export async function startChatSink(
  opts: { port?: number; host?: string } = {},
): Promise<ChatSink> {
  const host = opts.host ?? "127.0.0.1";
  const posts: SunkPost[] = [];
  const failures: Failure[] = [];
  const held = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://sink").pathname;
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // kept as text
      }
      const i = failures.findIndex((f) => !f.path || f.path === path);
      const failure = i >= 0 ? failures.splice(i, 1)[0] : null;
      posts.push({
        path,
        contentType: req.headers["content-type"] ?? "",
        body,
        status: failure ? (failure.stall ? 0 : failure.status) : 200,
        at: new Date().toISOString(),
      });
      if (req.method !== "POST") {
        res.writeHead(405).end("method not allowed");
        return;
      }
      if (failure?.stall) {
        held.add(res);
        res.on("close", () => held.delete(res));
        return;
      }
      res.writeHead(failure?.status ?? 200, { "content-type": "text/plain" });
      res.end(failure ? failure.body : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: (path) => `http://${host}:${port}${path}`,
    posts: (path) => posts.filter((p) => !path || p.path === path),
    failNext: (count, status, o = {}) => {
      for (let i = 0; i < count; i++)
        failures.push({ status, body: o.body ?? `error ${status}`, stall: false, path: o.path });
    },
    stallNext: (count) => {
      for (let i = 0; i < count; i++) failures.push({ status: 0, body: "", stall: true });
    },
    clear: () => {
      posts.splice(0, posts.length);
      failures.splice(0, failures.length);
    },
    close: async () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
