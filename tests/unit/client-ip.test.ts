import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  clientIp,
  connectionClientIp,
  forwardedClientIp,
  trustedProxyHops,
} from "@/lib/auth/client-ip";

describe("the client's address (sign-in throttling, reset limits)", () => {
  it("reads TRUSTED_PROXY_HOPS as a whole number of proxies, anything else as 0", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("1")).toBe(1);
    expect(trustedProxyHops("2")).toBe(2);
    for (const bad of ["", "-1", "1.5", "yes", "NaN"]) expect(trustedProxyHops(bad)).toBe(0);
  });

  it("without proxies uses the connection's own address and ignores X-Forwarded-For", () => {
    const forged = { "x-forwarded-for": "1.1.1.1" };
    expect(connectionClientIp(forged, "203.0.113.7", 0)).toBe("203.0.113.7");
    expect(connectionClientIp(forged, "::ffff:203.0.113.7", 0)).toBe("203.0.113.7");
    expect(connectionClientIp({}, "2001:db8::1", 0)).toBe("2001:db8::1");
    expect(connectionClientIp({}, undefined, 0)).toBeNull();
  });

  it("behind proxies takes the address our nearest proxy appended, not the client's claim", () => {
    // The client forged "1.1.1.1"; the proxy appended the address it saw.
    expect(forwardedClientIp("1.1.1.1, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(forwardedClientIp("203.0.113.7", 1)).toBe("203.0.113.7");
    // client forged 1.1.1.1 → CDN saw 203.0.113.7 → load balancer saw the CDN at 198.51.100.2
    expect(forwardedClientIp("1.1.1.1, 203.0.113.7, 198.51.100.2", 2)).toBe("203.0.113.7");
    // Several header lines are one list in order.
    expect(forwardedClientIp(["1.1.1.1", "203.0.113.7"], 1)).toBe("203.0.113.7");
    const headers = { "x-forwarded-for": "1.1.1.1, 203.0.113.7" };
    expect(connectionClientIp(headers, "10.0.0.2", 1)).toBe("203.0.113.7");
  });

  it("falls back to the connection when the request did not come through the proxies", () => {
    expect(forwardedClientIp(undefined, 1)).toBeNull();
    expect(forwardedClientIp("", 1)).toBeNull();
    expect(forwardedClientIp("203.0.113.7", 2)).toBeNull();
    expect(forwardedClientIp(`1.1.1.1, ${"9".repeat(500)}`, 1)).toBeNull();
    expect(connectionClientIp({ "x-forwarded-for": "203.0.113.7" }, "10.0.0.9", 2)).toBe(
      "10.0.0.9",
    );
  });

  it("the app reads the front's header, and nothing at all without the front", () => {
    const headers = { [CLIENT_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "1.1.1.1" };
    expect(clientIp(headers, true)).toBe("203.0.113.7");
    expect(clientIp({ "x-forwarded-for": "1.1.1.1" }, true)).toBeNull();
    // Run without the front (next start), the header could be anyone's: it is not read.
    expect(clientIp(headers, false)).toBeNull();
    expect(clientIp(headers)).toBeNull(); // no front in this process
  });
});
