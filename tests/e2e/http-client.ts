// Raw HTTP for the browser tests that check the server's front (request limits, forwarded
// headers, sign-in throttling): requests from a chosen local address, raw sockets, and the
// server process's memory.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const ORIGIN = `http://localhost:${E2E_PORT}`;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request over HTTP/1.1 from `localAddress` (any 127.x.y.z reaches the server). */
export function request(
  path: string,
  opts: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    localAddress?: string;
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: E2E_PORT,
        path,
        method: opts.method ?? "GET",
        headers: { host: `localhost:${E2E_PORT}`, ...opts.headers },
        localAddress: opts.localAddress,
        agent: false,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

/**
 * A password sign-in as the sign-in form makes it (Auth.js: CSRF token, then credentials), from
 * `localAddress`; answers "ok" or Auth.js's error message.
 */
export async function passwordSignIn(email: string, password: string, localAddress: string) {
  const csrf = await request("/api/auth/csrf", { localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const res = await request("/api/auth/callback/credentials", {
    method: "POST",
    localAddress,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: ORIGIN },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const url = (JSON.parse(res.body) as { url: string }).url;
  return new URL(url).searchParams.get("error") ?? "ok";
}

/**
 * Sends a request head and then `send` writes (part of) a body; resolves with the status line's
 * code the server answered before closing, or 0 after `waitMs`.
 */
export function rawStatus(head: string[], send: (s: net.Socket) => void = () => {}, waitMs = 5000) {
  return new Promise<number>((resolve) => {
    const socket = net.connect(E2E_PORT, "127.0.0.1");
    let answer = "";
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0));
    };
    const timer = setTimeout(done, waitMs);
    socket.on("data", (d) => {
      answer += d.toString("latin1");
      if (/^HTTP\/1\.1 \d{3}/.test(answer)) done();
    });
    socket.on("close", done);
    socket.on("error", () => {});
    socket.write(`${head.join("\r\n")}\r\n\r\n`);
    send(socket);
  });
}

/** The id of the process listening on `port` (from /proc: the socket's inode, then its owner). */
export function listeningPid(port: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[1]?.endsWith(`:${hex}`) && f[3] === "0A") inodes.add(f[9]);
    }
  }
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        const link = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(/^socket:\[(\d+)\]$/.exec(link)?.[1] ?? "")) return Number(pid);
      }
    } catch {
      // another user's process, or gone
    }
  }
  throw new Error(`no process listens on port ${port}`);
}

/** Resident memory of a process, in bytes. */
export function rssBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb ?? 0) * 1024;
}

/** A signed-in session's cookie, for requests made outside the browser. */
export async function sessionCookie(email: string, password: string): Promise<string> {
  const csrf = await request("/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const jar = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const res = await request("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, origin: ORIGIN },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const session = (res.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return session;
}

/**
 * POSTs `total` bytes, written 1 MB at a time as the connection takes them, with a
 * Content-Length or chunked; resolves with the answer's status (0 when none came).
 */
export function postLarge(
  path: string,
  headers: Record<string, string>,
  total: number,
  chunked: boolean,
) {
  const block = Buffer.alloc(1024 * 1024, "a");
  return new Promise<number>((resolve) => {
    let status = 0;
    let closed = false;
    const req = http.request({
      host: "127.0.0.1",
      port: E2E_PORT,
      path,
      method: "POST",
      agent: false,
      headers: {
        host: `localhost:${E2E_PORT}`,
        ...headers,
        ...(!chunked && { "content-length": String(total) }),
      },
    });
    req.on("response", (res) => {
      status = res.statusCode!;
      res.resume();
      res.on("end", () => resolve(status));
      res.on("error", () => resolve(status));
    });
    req.on("error", () => {}); // a write after the answer; "close" follows
    req.on("close", () => {
      closed = true;
      resolve(status);
    });
    void (async () => {
      for (let sent = 0; sent < total && !closed; sent += block.length) {
        if (!req.write(block))
          await new Promise((r) => {
            req.once("drain", r);
            req.once("close", r);
          });
      }
      if (!closed) req.end();
    })();
  });
}
