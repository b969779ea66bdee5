// The client's address, which sign-in throttling and password-reset limits count. The app's HTTP
// front (lib/http/front.ts) works it out from the connection and writes it into
// CLIENT_ADDRESS_HEADER, replacing anything a client sent under that name; the app reads only
// that header, and only when the front runs in this process.
//
// Without a proxy (TRUSTED_PROXY_HOPS=0, the default) the address is the connection's own.
// X-Forwarded-For is written by the client first and then appended to by each proxy, so only
// entries added by our own proxies can be trusted: with TRUSTED_PROXY_HOPS=n (the number of
// proxies in front of the app that append to the header) the client is the n-th entry from the
// right.
type Headers = Record<string, string | string[] | undefined> | undefined;

export const CLIENT_ADDRESS_HEADER = "x-guardians-client-address";

const FRONT = Symbol.for("guardians.http-front");

/** Called by the front at start: from then on the app trusts CLIENT_ADDRESS_HEADER. */
export function markFrontActive(): void {
  (globalThis as Record<symbol, unknown>)[FRONT] = true;
}

function frontIsActive(): boolean {
  return (globalThis as Record<symbol, unknown>)[FRONT] === true;
}

export function trustedProxyHops(value = process.env.TRUSTED_PROXY_HOPS): number {
  const hops = Number(value ?? 0);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

const usable = (address: string | undefined | null) =>
  address && address.length <= 100 ? address : null;

/** The entry `hops` places from the right of X-Forwarded-For; null when there are fewer. */
export function forwardedClientIp(forwardedFor: string | string[] | undefined, hops: number) {
  if (hops === 0) return null;
  // Several header lines are one list in order (RFC 9110 §5.3).
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((e) => e.trim());
  // Fewer entries than proxies: the request did not come through them, so none is trusted.
  if (entries.length < hops) return null;
  return usable(entries[entries.length - hops]);
}

/**
 * The address the front records: the one our proxies saw when there are any and the request
 * came through them, else the connection's own (IPv4 written plainly, not as ::ffff:1.2.3.4).
 */
export function connectionClientIp(
  headers: Headers,
  socketAddress: string | undefined,
  hops = trustedProxyHops(),
): string | null {
  const forwarded = forwardedClientIp(headers?.["x-forwarded-for"], hops);
  return forwarded ?? usable(socketAddress?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, ""));
}

/** The client's address as the front recorded it; null when the app runs without the front. */
export function clientIp(headers: Headers, trusted = frontIsActive()): string | null {
  if (!trusted) return null;
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  return usable(Array.isArray(value) ? value[0] : value);
}
