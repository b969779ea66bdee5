// The address the per-address sign-in limit counts. X-Forwarded-For is written by the
// client first and then appended to by each proxy, so only entries added by our own proxies
// can be trusted: with TRUSTED_PROXY_HOPS=n (the number of proxies in front of the app that
// append to the header), the client is the n-th entry from the right. With the default 0 no
// forwarded header is trusted (the app cannot see the socket address then, so the
// per-address limit is off and only the per-email limit applies).
type Headers = Record<string, string | string[] | undefined> | undefined;

export function trustedProxyHops(value = process.env.TRUSTED_PROXY_HOPS): number {
  const hops = Number(value ?? 0);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

export function clientIp(headers: Headers, hops = trustedProxyHops()): string | null {
  if (hops === 0) return null;
  const raw = headers?.["x-forwarded-for"];
  // Several header lines are one list in order (RFC 9110 §5.3).
  const entries = (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
    .split(",")
    .map((e) => e.trim());
  // Fewer entries than proxies: the request did not come through them, so nothing is trusted.
  if (entries.length < hops) return null;
  const ip = entries[entries.length - hops];
  return ip && ip.length <= 100 ? ip : null;
}
