import { describe, expect, it } from "vitest";
import { clientIp, trustedProxyHops } from "@/lib/auth/client-ip";

describe("clientIp (per-address sign-in limit)", () => {
  it("trusts no forwarded header by default", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(clientIp({ "x-forwarded-for": "203.0.113.7" }, 0)).toBeNull();
  });

  it("reads TRUSTED_PROXY_HOPS as a whole number of proxies, anything else as 0", () => {
    expect(trustedProxyHops("1")).toBe(1);
    expect(trustedProxyHops("2")).toBe(2);
    for (const bad of ["", "-1", "1.5", "yes", "NaN"]) expect(trustedProxyHops(bad)).toBe(0);
  });

  it("takes the address our nearest proxy appended, not the client's own claim", () => {
    // The client forged "1.1.1.1"; the proxy appended the address it saw.
    expect(clientIp({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }, 1)).toBe("203.0.113.7");
    expect(clientIp({ "x-forwarded-for": "203.0.113.7" }, 1)).toBe("203.0.113.7");
  });

  it("counts hops from the right with several proxies", () => {
    // client forged 1.1.1.1 → CDN saw 203.0.113.7 → load balancer saw the CDN at 198.51.100.2
    expect(clientIp({ "x-forwarded-for": "1.1.1.1, 203.0.113.7, 198.51.100.2" }, 2)).toBe(
      "203.0.113.7",
    );
  });

  it("joins repeated header lines in order", () => {
    expect(clientIp({ "x-forwarded-for": ["1.1.1.1", "203.0.113.7"] }, 1)).toBe("203.0.113.7");
  });

  it("gives no address when the header is missing, empty or shorter than the proxy chain", () => {
    expect(clientIp(undefined, 1)).toBeNull();
    expect(clientIp({}, 1)).toBeNull();
    expect(clientIp({ "x-forwarded-for": "" }, 1)).toBeNull();
    expect(clientIp({ "x-forwarded-for": "203.0.113.7" }, 2)).toBeNull();
    expect(clientIp({ "x-forwarded-for": `1.1.1.1, ${"9".repeat(500)}` }, 1)).toBeNull();
  });
});
