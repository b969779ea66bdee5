import { createHash } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-ip";
import { KIB, MIB } from "@/lib/http/body-limits";
import { createFront, type Refusal } from "@/lib/http/front";

// The real front on a real HTTP server; the handler stands in for Next.js and reports what it
// received. (tests/e2e/request-limits.spec.ts runs the same against the app itself.)
type Seen = { url: string; bytes: number; sha: string; headers: IncomingMessage["headers"] };
const seen: Seen[] = [];
const refused: Refusal[] = [];

async function handler(req: IncomingMessage, res: ServerResponse) {
  if (req.url === "/throws") throw new Error("boom");
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of req) {
    bytes += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  const entry = { url: req.url!, bytes, sha: hash.digest("hex"), headers: req.headers };
  seen.push(entry);
  const json = JSON.stringify(entry);
  res.writeHead(200, { "content-type": "application/json", "content-length": json.length });
  res.end(json);
}

function serve(hops: number) {
  const front = createFront({ handle: handler, hops, onRefused: (r) => refused.push(r) });
  const server = http.createServer(front.onRequest);
  server.on("checkContinue", front.onCheckContinue);
  return server;
}

const servers: Record<"direct" | "proxied", { server: http.Server; port: number }> = {} as never;
beforeAll(async () => {
  for (const [name, hops] of [
    ["direct", 0],
    ["proxied", 1],
  ] as const) {
    const server = serve(hops);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    servers[name] = { server, port: (server.address() as AddressInfo).port };
  }
});
afterAll(() => {
  for (const { server } of Object.values(servers)) server.close();
});
beforeEach(() => {
  seen.length = 0;
  refused.length = 0;
});

/**
 * Sends a request head over a raw socket, then lets `send` write (part of) a body, and resolves
 * with everything the server answered before closing, or after `waitMs` without closing.
 */
function raw(
  port: number,
  head: string[],
  send: (socket: net.Socket) => void = () => {},
  waitMs = 3000,
): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, waitMs);
    socket.on("data", (d) => {
      answer += d.toString("latin1");
      if (complete(answer)) done();
    });
    socket.on("close", done);
    socket.on("error", () => {}); // the server may close while we still write
    socket.write(head.join("\r\n") + "\r\n\r\n");
    send(socket);
  });
}

/** A whole response: its head and as many body bytes as its Content-Length says. */
function complete(answer: string) {
  const end = answer.indexOf("\r\n\r\n");
  const length = /content-length: (\d+)/i.exec(answer.slice(0, end));
  return end > 0 && length !== null && answer.length - end - 4 >= Number(length[1]);
}

const status = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

function post(port: number, path: string, body: Buffer, chunked = false, headers = {}) {
  return new Promise<{ status: number; json: Seen }>((resolve, reject) => {
    const req = http.request(
      {
        port,
        host: "127.0.0.1",
        method: "POST",
        path,
        headers: { ...(chunked ? {} : { "content-length": body.length }), ...headers },
      },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    if (chunked)
      for (let i = 0; i < body.length; i += 16 * KIB) req.write(body.subarray(i, i + 16 * KIB));
    req.end(chunked ? undefined : body);
  });
}

describe("request body limits at the front", () => {
  it("refuses a Content-Length over the route's limit before a byte of the body is sent", async () => {
    const answer = await raw(servers.direct.port, [
      "POST /api/activities HTTP/1.1",
      "Host: localhost",
      "Content-Type: application/json",
      `Content-Length: ${60 * MIB}`,
    ]);
    expect(status(answer)).toBe(413);
    expect(answer).toMatch(/connection: close/i);
    expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toEqual({
      error: "The request is too large: hour logging accepts at most 64 KB.",
      code: "payload_too_large",
    });
    expect(seen).toEqual([]);
    expect(refused).toEqual([
      { route: "POST /api/activities", rule: "hour logging", limit: 64 * KIB, declared: 60 * MIB },
    ]);
  });

  it("cuts off a body without a length as soon as it passes the limit", async () => {
    const chunk = Buffer.alloc(16 * KIB, "x");
    let sent = 0;
    const answer = await raw(
      servers.direct.port,
      ["POST /api/activities HTTP/1.1", "Host: localhost", "Transfer-Encoding: chunked"],
      (socket) => {
        // 80 KB in 16 KB chunks, and never the last chunk: the server must not wait for the end.
        for (let i = 0; i < 5; i++) {
          socket.write(`${chunk.length.toString(16)}\r\n`);
          socket.write(chunk);
          socket.write("\r\n");
          sent += chunk.length;
        }
      },
    );
    expect(sent).toBeGreaterThan(64 * KIB);
    expect(status(answer)).toBe(413);
    expect(seen).toEqual([]);
    expect(refused).toMatchObject([{ rule: "hour logging", declared: null }]);
  });

  it("a client still sending a too-large body reads the 413 (the connection is not reset under it)", async () => {
    const block = Buffer.alloc(MIB, "a");
    const send = (chunked: boolean) =>
      new Promise<number>((resolve) => {
        let status = 0;
        let closed = false;
        const req = http.request({
          port: servers.direct.port,
          host: "127.0.0.1",
          method: "POST",
          path: "/api/activities",
          agent: false,
          headers: chunked ? {} : { "content-length": String(20 * MIB) },
        });
        req.on("response", (res) => {
          status = res.statusCode!;
          res.resume();
        });
        req.on("error", () => {});
        req.on("close", () => {
          closed = true;
          resolve(status);
        });
        void (async () => {
          for (let i = 0; i < 20 && !closed; i++)
            if (!req.write(block)) await new Promise((r) => req.once("drain", r));
          if (!closed) req.end();
        })();
      });
    const statuses = await Promise.all([false, true, false, true, false, true].map(send));
    expect(statuses).toEqual(Array(6).fill(413));
    expect(seen).toEqual([]);
  });

  it("answers a client waiting on 100-continue with 413 instead of asking for the body", async () => {
    const answer = await raw(servers.direct.port, [
      "POST /api/activities HTTP/1.1",
      "Host: localhost",
      "Expect: 100-continue",
      `Content-Length: ${60 * MIB}`,
    ]);
    expect(answer).not.toContain("100 Continue");
    expect(status(answer)).toBe(413);
    expect(answer).toMatch(/connection: close/i);
  });

  it("passes bodies within the limit whole, with or without a length", async () => {
    const body = Buffer.alloc(64 * KIB, "a");
    const sha = createHash("sha256").update(body).digest("hex");
    for (const chunked of [false, true]) {
      const res = await post(servers.direct.port, "/api/activities", body, chunked);
      expect(res).toMatchObject({ status: 200, json: { bytes: 64 * KIB, sha } });
    }
    // The import takes what its files need; a server action up to 1 MB.
    const upload = Buffer.alloc(5 * MIB, "b");
    expect((await post(servers.direct.port, "/api/transfer/import", upload, true)).status).toBe(
      200,
    );
    expect((await post(servers.direct.port, "/log", Buffer.alloc(MIB))).status).toBe(200);
    expect(
      status(
        await raw(servers.direct.port, [
          "POST /log HTTP/1.1",
          "Host: x",
          `Content-Length: ${MIB + 1}`,
        ]),
      ),
    ).toBe(413);
    expect(seen.map((s) => s.bytes)).toEqual([64 * KIB, 64 * KIB, 5 * MIB, MIB]);
  });

  it("keeps the connection usable for the next request after a body within the limit", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < 3; i++) {
      const res = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          {
            port: servers.direct.port,
            host: "127.0.0.1",
            method: "POST",
            path: "/api/activities",
            agent,
          },
          (r) => {
            r.resume();
            r.on("end", () => resolve(r.statusCode!));
          },
        );
        req.on("error", reject);
        req.write("{}");
        req.end();
      });
      expect(res).toBe(200);
    }
    agent.destroy();
  });

  it("answers 500 when the handler itself throws", async () => {
    const answer = await raw(
      servers.direct.port,
      ["GET /throws HTTP/1.1", "Host: x"],
      () => {},
      1000,
    );
    expect(status(answer)).toBe(500);
  });
});

describe("forwarded headers and the client's address", () => {
  const forged = [
    "X-Forwarded-Host: evil.example",
    "X-Forwarded-Proto: https",
    "X-Forwarded-For: 1.1.1.1",
    "X-Forwarded-Port: 443",
    "Forwarded: for=1.1.1.1;host=evil.example;proto=https",
    `${CLIENT_ADDRESS_HEADER}: 9.9.9.9`,
  ];
  const headersSeen = async (port: number) => {
    const answer = await raw(
      port,
      ["GET /page HTTP/1.1", "Host: localhost", ...forged],
      () => {},
      1000,
    );
    expect(status(answer)).toBe(200);
    return seen.at(-1)!.headers;
  };

  it("without a trusted proxy drops them and records the connection's own address", async () => {
    const headers = await headersSeen(servers.direct.port);
    for (const name of [
      "x-forwarded-host",
      "x-forwarded-proto",
      "x-forwarded-for",
      "x-forwarded-port",
      "forwarded",
    ])
      expect(headers[name], name).toBeUndefined();
    expect(headers[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(headers.host).toBe("localhost");
  });

  it("behind a trusted proxy keeps them and takes the address the proxy appended", async () => {
    const headers = await headersSeen(servers.proxied.port);
    expect(headers["x-forwarded-host"]).toBe("evil.example");
    expect(headers["x-forwarded-proto"]).toBe("https");
    expect(headers[CLIENT_ADDRESS_HEADER]).toBe("1.1.1.1");
  });
});
