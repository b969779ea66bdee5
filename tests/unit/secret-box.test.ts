import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, webhookKey } from "@/lib/server/secret-box";

const URL = "https://hooks.slack.com/services/T0123/B0456/abcDEF123ghiJKL456mno";
const key = crypto.randomBytes(32);

describe("the secret box", () => {
  it("opens what it sealed, and seals the same text differently each time", () => {
    const a = sealSecret(URL, key, "ChannelWebhook:1:SLACK");
    const b = sealSecret(URL, key, "ChannelWebhook:1:SLACK");
    expect(a).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("hooks.slack.com");
    expect(openSecret(a, key, "ChannelWebhook:1:SLACK")).toBe(URL);
    expect(openSecret(b, key, "ChannelWebhook:1:SLACK")).toBe(URL);
    expect(openSecret(sealSecret("", key), key)).toBe("");
    expect(openSecret(sealSecret("🛡️ é", key), key)).toBe("🛡️ é");
  });

  it("refuses a value altered anywhere: version, nonce, tag or ciphertext", () => {
    const sealed = sealSecret(URL, key);
    const [v, iv, tag, body] = sealed.split(".");
    const flip = (text: string, at = 0) => {
      const bytes = Buffer.from(text, "base64url");
      bytes[at] ^= 1;
      return bytes.toString("base64url");
    };
    for (const altered of [
      [v, flip(iv), tag, body],
      [v, iv, flip(tag), body],
      [v, iv, tag, flip(body)],
      [v, iv, tag, flip(body, 20)],
      [v, iv, tag.slice(0, 10), body],
      [v, iv, tag, body.slice(0, -2)],
    ])
      expect(() => openSecret(altered.join("."), key)).toThrow(/cannot be opened/);
    for (const malformed of ["", URL, `v2.${iv}.${tag}.${body}`, `v1.${iv}.${tag}`, `${sealed}.x`])
      expect(() => openSecret(malformed, key)).toThrow(/unknown format/);
  });

  it("refuses another key or another context", () => {
    const sealed = sealSecret(URL, key, "ChannelWebhook:1:SLACK");
    expect(() => openSecret(sealed, crypto.randomBytes(32), "ChannelWebhook:1:SLACK")).toThrow(
      /cannot be opened/,
    );
    expect(() => openSecret(sealed, key, "ChannelWebhook:2:SLACK")).toThrow(/cannot be opened/);
  });

  it("derives the webhook key from the app's secret, so another secret cannot open it", () => {
    const saved = process.env.NEXTAUTH_SECRET;
    try {
      process.env.NEXTAUTH_SECRET = "one-secret-one-secret-one-secret-0001";
      const sealed = sealSecret(URL, webhookKey());
      expect(webhookKey()).toHaveLength(32);
      expect(openSecret(sealed, webhookKey())).toBe(URL);
      process.env.NEXTAUTH_SECRET = "another-secret-another-secret-0002";
      expect(() => openSecret(sealed, webhookKey())).toThrow(/cannot be opened/);
    } finally {
      process.env.NEXTAUTH_SECRET = saved;
    }
  });
});
