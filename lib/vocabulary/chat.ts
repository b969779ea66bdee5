// Slack and Teams channels: the tools and the events a channel may hear about.
import { ChannelEvent, ChatTool } from "@/lib/generated/prisma/enums";
import { CHANNEL_EVENTS } from "@/lib/notifications/kinds";
import { defineVocabulary } from "./define";

export const CHAT_TOOL = defineVocabulary(ChatTool, {
  SLACK: "Slack",
  TEAMS: "Microsoft Teams",
});

export const CHANNEL_EVENT = defineVocabulary(ChannelEvent, CHANNEL_EVENTS);
