import { z } from "zod";
import { allowedTestHosts, webhookUrlProblem } from "@/lib/notifications/webhook-url";
import { CHANNEL_EVENT, CHAT_TOOL } from "@/lib/vocabulary";
import { recordId } from "./fields";

// A lead's Slack and Teams channels of one organisation (/program/channels).

const target = {
  orgId: recordId("Choose an organisation from the list"),
  tool: z.enum(CHAT_TOOL.values, "Choose Slack or Microsoft Teams"),
};

// A form posts one checkbox per event (`event-BELT_AWARDED=on`), since a field sent twice keeps
// only its last value; code passes `events` as an array.
const withEvents = (raw: unknown) => {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const fields = raw as Record<string, unknown>;
  if (Array.isArray(fields.events)) return fields;
  return {
    ...fields,
    events: CHANNEL_EVENT.values.filter(
      (e) => fields[`event-${e}`] === "on" || fields[`event-${e}`] === "true",
    ),
  };
};

/**
 * Saves a channel: a new URL (blank keeps the saved one), and the events it posts. The URL must
 * be the tool's own webhook address (lib/notifications/webhook-url.ts).
 */
export const channelSchema = z.preprocess(
  withEvents,
  z
    .object({
      ...target,
      url: z.preprocess((v) => (v == null ? "" : v), z.string("Paste the webhook URL").trim()),
      events: z
        .array(z.enum(CHANNEL_EVENT.values, "Choose events from the list"))
        .max(CHANNEL_EVENT.values.length),
    })
    .superRefine((input, ctx) => {
      if (!input.url) return;
      const hosts = allowedTestHosts(process.env.CHAT_WEBHOOK_ALLOW_HOSTS);
      const problem = webhookUrlProblem(input.tool, input.url, hosts);
      if (problem) ctx.addIssue({ code: "custom", path: ["url"], message: problem });
    })
    .transform((input) => ({ ...input, events: [...new Set(input.events)] })),
);
export type ChannelInput = z.output<typeof channelSchema>;

/** One organisation's channel in one tool: to test or to remove. */
export const channelTargetSchema = z.object(target);
export type ChannelTarget = z.output<typeof channelTargetSchema>;

const MAX_BIGINT = 9_223_372_036_854_775_807n;
const POST_MESSAGE = "Choose a post from the list";

/** A post of the recent list (their ids are PostgreSQL bigints). */
export const channelPostSchema = z.object({
  postId: z
    .string(POST_MESSAGE)
    .regex(/^[1-9]\d{0,18}$/, POST_MESSAGE)
    .transform((v) => BigInt(v))
    .refine((v) => v <= MAX_BIGINT, POST_MESSAGE),
});
