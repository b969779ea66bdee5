// The app's own HTTP front: every request passes here, on the same Node.js server, before Next.js
// sees it (scripts/server.ts). It
// - answers 413 to a body over its route's limit (lib/http/body-limits.ts) before reading it:
//   a Content-Length over the limit at once (even before a client waiting on
//   "Expect: 100-continue" sends anything), a body without one (chunked) as soon as it passes;
// - drops the X-Forwarded-* headers unless the app is configured as being behind proxies
//   (TRUSTED_PROXY_HOPS), so a client cannot pose as another host (Next.js compares a server
//   action's Origin with X-Forwarded-Host) or as HTTPS;
// - records the client's address in CLIENT_ADDRESS_HEADER, replacing whatever the client sent;
// - admits page renders a few at a time when given a gate (lib/http/render-gate.ts).
// Plain module (no "server-only", no Next.js): tests run it with a handler of their own.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import {
  CLIENT_ADDRESS_HEADER,
  connectionClientIp,
  markFrontActive,
  trustedProxyHops,
} from "../auth/client-ip";
import { bodyLimitFor, describeBytes, normalisePath, type BodyLimit } from "./body-limits";
import { isPageRender, type RenderGate } from "./render-gate";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export type Refusal = { route: string; rule: string; limit: number; declared: number | null };

type FrontOptions = {
  /** Next.js's request handler (or a test's). */
  handle: Handler;
  /** Proxies in front of the app; TRUSTED_PROXY_HOPS by default. */
  hops?: number;
  /** Told of every 413, for the log. */
  onRefused?: (refusal: Refusal) => void;
  /** Told when the handler itself throws (Next.js normally answers its own errors). */
  onError?: (error: unknown) => void;
  /** Admission for page renders (lib/http/render-gate.ts); none: every request at once. */
  gate?: RenderGate;
};

const FORWARDED = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-port",
  "x-forwarded-proto",
];

/** Headers the app may trust, in place: forwarded ones only behind our proxies, and the address. */
function adoptHeaders(req: IncomingMessage, hops: number): void {
  const address = connectionClientIp(req.headers, req.socket.remoteAddress, hops);
  if (hops === 0) for (const name of FORWARDED) delete req.headers[name];
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete req.headers[CLIENT_ADDRESS_HEADER];
}

/** The declared body length; null when there is none (Node's parser refuses a malformed one). */
function declaredLength(req: IncomingMessage): number | null {
  const value = req.headers["content-length"];
  return value === undefined ? null : Number(value);
}

function refuse(req: IncomingMessage, res: ServerResponse, rule: BodyLimit, opts: FrontOptions) {
  opts.onRefused?.({
    route: `${req.method} ${normalisePath(req.url ?? "/")}`,
    rule: rule.name,
    limit: rule.limit,
    declared: declaredLength(req),
  });
  if (res.headersSent) return void req.socket.destroy();
  const body = JSON.stringify({
    error: `The request is too large: ${rule.name} accepts at most ${describeBytes(rule.limit)}.`,
    code: "payload_too_large",
  });
  lingerOnClose(req.socket);
  res.writeHead(413, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    connection: "close",
  });
  res.end(body);
}

// A client still sending when the answer goes out must be able to read it. Node closes a
// "Connection: close" socket as soon as the answer is written, and closing a socket with unread
// bytes makes the kernel reset it, which throws away the 413 the client had not read yet. So, as
// nginx does, the answer is followed by a half-close: the rest of the body is read and dropped
// (the app never sees it) until the client is done sending, for at most LINGER_MS.
const LINGER_MS = 5_000;

function lingerOnClose(socket: Socket) {
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  socket.once("end", () => socket.destroy()); // the client has stopped sending
  socket.destroySoon = () => void socket.end(); // what Node calls once the answer is written
}

type Held = "within" | "over" | "aborted";

/**
 * Takes a body of unknown length off the wire before the app reads any of it, up to `limit`
 * bytes: beyond that the bytes are dropped as they arrive, so a long body costs no memory.
 * Within the limit the bytes are handed back to the request stream for the app to read.
 * The HTTP parser delivers body bytes through `req.push`, which is wrapped for this one request.
 */
function holdBody(req: IncomingMessage, limit: number): Promise<Held> {
  return new Promise((resolve) => {
    const push = req.push;
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.push = function (chunk: Buffer | null, encoding?: BufferEncoding) {
      if (chunk === null) {
        req.push = push;
        if (!over) for (const c of chunks) push.call(req, c);
        chunks.length = 0;
        resolve(over ? "over" : "within");
        return push.call(req, null, encoding);
      }
      if (over) return true;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve("over");
        return true;
      }
      chunks.push(chunk);
      return true;
    };
    req.once("close", () => {
      chunks.length = 0;
      resolve("aborted"); // no effect once the body was complete or refused
    });
  });
}

export function createFront(opts: FrontOptions) {
  const hops = opts.hops ?? trustedProxyHops();
  markFrontActive();

  const dispatch = (req: IncomingMessage, res: ServerResponse) => {
    if (opts.gate && isPageRender(req.url)) opts.gate.admit(res, () => handle(req, res));
    else handle(req, res);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    Promise.resolve()
      .then(() => opts.handle(req, res))
      .catch((error: unknown) => {
        opts.onError?.(error);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end("Internal Server Error");
        }
      });
  };

  const proceed = (req: IncomingMessage, res: ServerResponse, rule: BodyLimit) => {
    const length = declaredLength(req);
    if (length !== null)
      return length > rule.limit ? refuse(req, res, rule, opts) : dispatch(req, res);
    if (!req.headers["transfer-encoding"]) return dispatch(req, res); // no body at all
    void holdBody(req, rule.limit).then((held) => {
      if (held === "within") dispatch(req, res);
      else if (held === "over") refuse(req, res, rule, opts);
    });
  };

  /** The server's "request" listener. */
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    adoptHeaders(req, hops);
    proceed(req, res, bodyLimitFor(req.method, req.url));
  };

  /** The server's "checkContinue" listener: a too-large body is refused before it is sent. */
  const onCheckContinue = (req: IncomingMessage, res: ServerResponse) => {
    adoptHeaders(req, hops);
    const rule = bodyLimitFor(req.method, req.url);
    const length = declaredLength(req);
    if (length !== null && length > rule.limit) return refuse(req, res, rule, opts);
    res.writeContinue();
    proceed(req, res, rule);
  };

  return { onRequest, onCheckContinue };
}
