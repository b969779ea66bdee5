// A real SMTP server that keeps what it receives in memory, with an HTTP endpoint to read it:
// the browser tests' mailbox (playwright.config.ts starts it through mail-sink-main.ts), and a
// mailbox for integration tests (startMailSink without an HTTP port).
//   GET    /messages?to=a@b.test   the messages sent to that address (all without `to`), oldest first
//   DELETE /messages               forgets every message
//   GET    /healthz                200 once listening
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type SunkMessage = {
  id: number;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Top-level headers, names in lower case (list-unsubscribe, message-id, …). */
  headers: Record<string, string>;
  at: string;
};

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? "7bit").toLowerCase();
  if (enc === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (enc !== "quoted-printable") return body;
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

// RFC 2047 encoded words (=?UTF-8?Q?…?= or =?UTF-8?B?…?=), as in a non-ASCII subject.
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_m, kind: string, data: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeBody(data.replace(/_/g, " "), "quoted-printable"),
    );
}

function splitHeaders(part: string): { headers: Record<string, string>; body: string } {
  const cut = part.search(/\r?\n\r?\n/);
  const head = cut < 0 ? part : part.slice(0, cut);
  const body = cut < 0 ? "" : part.slice(cut).replace(/^\r?\n\r?\n/, "");
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** Subject, plain text and HTML of a raw message (single part or multipart/alternative). */
function parseMessage(raw: string): {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
} {
  const { headers, body } = splitHeaders(raw);
  const found = { subject: decodeWords(headers.subject ?? ""), text: "", html: "", headers };
  const visit = (h: Record<string, string>, b: string) => {
    const type = h["content-type"] ?? "text/plain";
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.toLowerCase().startsWith("multipart/") && boundary) {
      for (const piece of b.split(`--${boundary}`).slice(1)) {
        if (piece.startsWith("--")) break;
        const inner = splitHeaders(piece.replace(/^\r?\n/, ""));
        visit(inner.headers, inner.body);
      }
      return;
    }
    const decoded = decodeBody(b, h["content-transfer-encoding"]).replace(/\r\n/g, "\n");
    if (type.toLowerCase().startsWith("text/html")) found.html ||= decoded;
    else if (type.toLowerCase().startsWith("text/plain")) found.text ||= decoded;
  };
  visit(headers, body);
  return found;
}

/** The first set-password link in a message's text. */
export function linkIn(message: { text: string }): string {
  const url = /https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]+/.exec(message.text)?.[0];
  if (!url) throw new Error(`No set-password link in: ${message.text}`);
  return url;
}

export type MailSink = {
  smtpPort: number;
  httpPort: number | null;
  messages: SunkMessage[];
  /** Messages sent to `to` (every message without it). */
  to: (address?: string) => SunkMessage[];
  clear: () => void;
  close: () => Promise<void>;
};

export async function startMailSink(
  opts: { smtpPort?: number; httpPort?: number; host?: string } = {},
): Promise<MailSink> {
  const host = opts.host ?? "127.0.0.1";
  const messages: SunkMessage[] = [];
  let nextId = 1;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({
          id: nextId++,
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          at: new Date().toISOString(),
          ...parseMessage(Buffer.concat(chunks).toString("utf8")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(opts.smtpPort ?? 0, host, resolve));
  const to = (address?: string) =>
    address ? messages.filter((m) => m.to.includes(address.toLowerCase())) : [...messages];
  const clear = () => void messages.splice(0, messages.length);

  let web: http.Server | null = null;
  if (opts.httpPort !== undefined) {
    web = http.createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://sink");
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === "/healthz") return json(200, { ok: true });
      if (url.pathname !== "/messages") return json(404, { error: "not found" });
      if (req.method === "GET") return json(200, to(url.searchParams.get("to") ?? undefined));
      if (req.method === "DELETE") return (clear(), json(200, { ok: true }));
      json(405, { error: "method not allowed" });
    });
    await new Promise<void>((resolve) => web!.listen(opts.httpPort, host, resolve));
  }
  return {
    smtpPort: (smtp.server.address() as AddressInfo).port,
    httpPort: web ? (web.address() as AddressInfo).port : null,
    messages,
    to,
    clear,
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(resolve));
      if (web) await new Promise<void>((resolve) => web!.close(() => resolve()));
    },
  };
}
