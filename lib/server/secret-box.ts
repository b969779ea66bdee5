import "server-only";
import crypto from "node:crypto";
import { derivedKey } from "@/lib/server/app-url";

// Secrets the app must use again later (the chat webhooks' URLs), stored encrypted: AES-256-GCM
// with a key derived from the app's secret (NEXTAUTH_SECRET), so a database dump or a backup
// alone does not reveal them. The stored text is versioned ("v1.<iv>.<tag>.<ciphertext>",
// base64url), so the scheme can change without guessing what an old value is.

const VERSION = "v1";
const IV_BYTES = 12; // GCM's standard nonce size; random per value, never reused with a key
const TAG_BYTES = 16;

/** The key of the webhook URLs (HKDF of the app's secret, purpose "webhook-urls"). */
export const webhookKey = (): Buffer => derivedKey("webhook-urls");

/**
 * Encrypts a secret. `context` (e.g. "ChannelWebhook:SLACK:12") is authenticated, not stored:
 * the value opens only with the same context, so a ciphertext copied to another row fails.
 */
export function sealSecret(plain: string, key: Buffer, context = ""): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`${VERSION}|${context}`, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url"));
  return [VERSION, ...parts].join(".");
}

/** Decrypts a sealed secret; throws when it was altered, or sealed with another key or context. */
export function openSecret(sealed: string, key: Buffer, context = ""): string {
  const [version, iv, tag, body, ...extra] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined || extra.length > 0)
    throw new Error("Not a sealed secret (unknown format).");
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(`${VERSION}|${context}`, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(body, "base64url")),
      decipher.final(),
    ]);
    return plain.toString("utf8");
  } catch {
    // Node's own messages ("Unsupported state or unable to authenticate data") say little.
    throw new Error("The sealed secret cannot be opened: altered, or sealed with another key.");
  }
}
