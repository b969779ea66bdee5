// Where to send a person after sign-in: only a path of this app, never another origin.
// The WHATWG URL parser decides, as the browser will (it strips tabs and newlines, reads
// "\" as "/" and removes dot segments), so no spelling of another host gets through.
// Resolved against both schemes, since "http:evil.example" is a path on an http page but
// another host on an https one.
const BASES = [new URL("http://guardians.invalid"), new URL("https://guardians.invalid")];

function resolveOn(base: URL, value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  return url.origin === base.origin ? url.pathname + url.search + url.hash : null;
}

function sameOriginPath(value: string): string | null {
  const [onHttp, onHttps] = BASES.map((base) => resolveOn(base, value));
  return onHttp !== null && onHttp === onHttps ? onHttp : null;
}

export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value === "") return "/";
  const path = sameOriginPath(value);
  // Dot segments can leave "//host" behind ("/..//evil"), which a browser reads as a host.
  if (!path || /^\/[/\\]/.test(path)) return "/";
  // The result must mean the same thing when the browser resolves it again.
  return sameOriginPath(path) === path ? path : "/";
}
