import { describe, expect, it } from "vitest";
import { isSecretField, redactConsoleArg, redactSecrets } from "@/lib/redact";

const HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3q2+7wABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij";
const JWE =
  "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..q1w2e3r4t5y6u7i8.aGVsbG8td29ybGQtdGhpcy1pcy1hLXNlc3Npb24.Zm9vYmFyYmF6cXV4";

describe("redactSecrets", () => {
  it.each([
    [
      "a password hash quoted by a failed query",
      `Invalid update: { passwordHash: "${HASH}" }`,
      HASH,
    ],
    [
      "a bcrypt hash",
      "hash $2b$12$abcdefghijklmnopqrstuuKq5ZcS3Yx9Q1k3uJ0b8P1mO7y7m6Qx2",
      "uuKq5ZcS3Yx9Q1k3",
    ],
    [
      "an invitation link",
      "GET https://app.example/set-password/k3Jd9_aZ-0pQrStUvWxYz1234567890abcdefghij 404",
      "k3Jd9_aZ",
    ],
    ["a session cookie", "cookie: next-auth.session-token=abc.def.ghi; other=1", "abc.def.ghi"],
    [
      "a secure chunked session cookie",
      "__Secure-next-auth.session-token.0=AAAA.BBBB",
      "AAAA.BBBB",
    ],
    ["a session token (JWE)", `token ${JWE} rejected`, "aGVsbG8td29ybGQ"],
    ["a bearer token", "Authorization: Bearer abc123.def456-ghi", "abc123.def456"],
    [
      "a Slack webhook",
      "POST https://hooks.slack.com/services/T000/B000/XXXXSECRET failed",
      "XXXXSECRET",
    ],
    [
      "a Teams webhook",
      "https://contoso.webhook.office.com/webhookb2/abc-SECRET/IncomingWebhook/x",
      "abc-SECRET",
    ],
    [
      "a Teams Workflows trigger",
      "https://prod-1.westeurope.logic.azure.com:443/workflows/1/triggers/manual/paths/invoke?api-version=2016-06-01&sig=Zx9YwVu8-SECRET&sv=1.0",
      "Zx9YwVu8-SECRET",
    ],
    ["a generic webhook", "http://127.0.0.1:4000/hooks/abcdef-SECRET timed out", "abcdef-SECRET"],
    ["a database password", "connect postgresql://guardians:s3cret-pw@db:5432/app", "s3cret-pw"],
  ])("hides %s", (_what, text, secret) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toMatch(/redacted|\*\*\*/);
  });

  it("leaves ordinary text alone", () => {
    const text = "Logged 2.5 hours on review 42 for team Payments (https://app.example/reviews/42)";
    expect(redactSecrets(text)).toBe(text);
  });
});

describe("redactConsoleArg", () => {
  it("scrubs an error's message and stack, keeping its digest, and strings; other values pass", () => {
    const error = Object.assign(new Error(`update failed for ${HASH}`), { digest: "123" });
    const out = String(redactConsoleArg(error));
    expect(out).not.toContain("3q2+7wABCDEF");
    expect(out).toContain("update failed for [redacted hash]");
    expect(out).toContain("digest: 123");
    expect(redactConsoleArg(`see /set-password/abcdefghijklmnop`)).toBe(
      "see /set-password/[redacted]",
    );
    expect(
      redactConsoleArg(
        "POST /api/unsubscribe/12.BELT_AWARDED.AbCdEfGhIjKlMnOpQrStUvWxYz012345 200",
      ),
    ).toBe("POST /api/unsubscribe/[redacted] 200");
    expect(redactConsoleArg("GET /unsubscribe/12.digest.AbCdEfGhIjKlMnOpQrStUvWxYz012345")).toBe(
      "GET /unsubscribe/[redacted]",
    );
    expect(redactConsoleArg(42)).toBe(42);
  });
});

it("names secret fields case-insensitively", () => {
  expect(isSecretField("passwordHash")).toBe(true);
  expect(isSecretField("PASSWORDHASH")).toBe(true);
  expect(isSecretField("tokenHash")).toBe(true);
  expect(isSecretField("urlEncrypted")).toBe(true);
  expect(isSecretField("email")).toBe(false);
});
