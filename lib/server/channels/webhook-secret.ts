import "server-only";
import type { ChatTool } from "@/lib/generated/prisma/enums";
import { openSecret, sealSecret, webhookKey } from "@/lib/server/secret-box";

// A channel's webhook URL is sealed for its organisation and tool: the ciphertext of one
// channel copied onto another does not open.
type Channel = { orgId: number; tool: ChatTool };
const context = (c: Channel) => `ChannelWebhook:${c.orgId}:${c.tool}`;

export const sealWebhookUrl = (c: Channel, url: string): string =>
  sealSecret(url, webhookKey(), context(c));

export const openWebhookUrl = (c: Channel & { urlEncrypted: string }): string =>
  openSecret(c.urlEncrypted, webhookKey(), context(c));
