"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { CHAT_TOOL } from "@/lib/vocabulary";
import { channelsList } from "@/lib/url-state/lists";
import {
  channelPostSchema,
  channelSchema,
  channelTargetSchema,
} from "@/lib/validations/chat-channel";
import { formAction } from "@/lib/server/form-action";
import { removeChannel, retryPost, saveChannel, sendTestMessage } from "./service";

const PAGE = "/program/channels";

export const saveChannelAction = formAction(
  { name: "saveChannel", permission: "program.manage", schema: channelSchema },
  async (actor, input) => {
    const { created, urlChanged } = await saveChannel(actor, input);
    revalidatePath(PAGE);
    const tool = CHAT_TOOL.label(input.tool);
    return {
      status: "ok",
      message: created
        ? `${tool} channel saved. Send a test message to check it.`
        : urlChanged
          ? `${tool} webhook URL replaced and events saved.`
          : `${tool} events saved.`,
    };
  },
);

export const removeChannelAction = formAction(
  { name: "removeChannel", permission: "program.manage", schema: channelTargetSchema },
  async (actor, input) => {
    await removeChannel(actor, input);
    revalidatePath(PAGE);
    // The remove button goes with the channel, so the card says it instead of the button.
    redirect(channelsList.href(PAGE, { filter: { org: input.orgId, removed: input.tool } }));
  },
);

export const sendTestMessageAction = formAction(
  { name: "sendTestMessage", permission: "program.manage", schema: channelTargetSchema },
  async (actor, input) => {
    const result = await sendTestMessage(actor, input);
    revalidatePath(PAGE);
    const tool = CHAT_TOOL.label(input.tool);
    if (result.outcome === "sent")
      return { status: "ok", message: `Test message sent: look for it in the ${tool} channel.` };
    if (result.outcome === "skipped")
      return {
        status: "ok",
        message: "Test message queued: its outcome shows under Recent posts.",
      };
    return {
      status: "error",
      message: result.retry
        ? `${result.error}. It will be tried again for a while (see Recent posts).`
        : `${result.error}. Check the URL in ${tool}, save it again and send another test.`,
    };
  },
);

export const retryPostAction = formAction(
  { name: "retryPost", permission: "program.manage", schema: channelPostSchema },
  async (actor, { postId }) => {
    await retryPost(actor, postId);
    // No refresh: the row would lose its Retry button, and this message with it.
    return { status: "ok", message: "Queued again: reload in a moment to see the outcome." };
  },
);
