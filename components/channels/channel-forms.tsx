"use client";

import { ActionForm, FormCheckbox, FormField } from "@/components/ui/action-form";
import type { ChannelEvent, ChatTool } from "@/lib/generated/prisma/enums";
import {
  removeChannelAction,
  retryPostAction,
  saveChannelAction,
  sendTestMessageAction,
} from "@/lib/server/channels/actions";
import { CHANNEL_EVENT, CHAT_TOOL } from "@/lib/vocabulary";

type Target = { orgId: number; orgName: string; tool: ChatTool };
const hiddenOf = (t: Target) => ({ orgId: String(t.orgId), tool: t.tool });

const WHERE_TO_FIND: Record<ChatTool, string> = {
  SLACK: "In Slack: your app's Incoming Webhooks page, “Add New Webhook”.",
  TEAMS: "In Teams: the channel's Workflows, “Send webhook alerts to a channel”.",
};

/**
 * Sets the webhook URL and the events. The URL field is a password field and empties after
 * saving: the page only ever shows the saved URL's hint.
 */
export function SaveChannelForm({
  target,
  saved,
}: {
  target: Target;
  saved: { events: ChannelEvent[] } | null;
}) {
  const id = (name: string) => `${target.tool.toLowerCase()}-${name}`;
  return (
    <ActionForm
      action={saveChannelAction}
      label={`${CHAT_TOOL.label(target.tool)} channel settings`}
      submit={saved ? "Save changes" : "Save channel"}
      hidden={hiddenOf(target)}
      resetOnSuccess
    >
      <FormField
        label={saved ? "Replace the webhook URL" : "Webhook URL"}
        name="url"
        id={id("url")}
        type="password"
        autoComplete="off"
        spellCheck={false}
        required={!saved}
        maxLength={2048}
        placeholder={target.tool === "SLACK" ? "https://hooks.slack.com/services/…" : "https://…"}
        hint={saved ? "Leave blank to keep the saved URL." : WHERE_TO_FIND[target.tool]}
        className="w-full"
      />
      <fieldset className="w-full">
        <legend className="text-sm font-medium">Events to post</legend>
        <div className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-2">
          {CHANNEL_EVENT.options.map((e) => (
            <FormCheckbox
              key={e.value}
              label={e.label}
              name={`event-${e.value}`}
              id={id(`event-${e.value}`)}
              defaultChecked={saved ? saved.events.includes(e.value) : true}
            />
          ))}
        </div>
      </fieldset>
    </ActionForm>
  );
}

/** Posts a test message at once and says how it went. */
export function TestChannelButton({ target }: { target: Target }) {
  return (
    <ActionForm
      action={sendTestMessageAction}
      label={`Test the ${CHAT_TOOL.label(target.tool)} channel`}
      submit="Send a test message"
      pendingLabel="Sending…"
      variant="secondary"
      hidden={hiddenOf(target)}
    />
  );
}

/** Removes the channel, after asking. */
export function RemoveChannelButton({ target }: { target: Target }) {
  const tool = CHAT_TOOL.label(target.tool);
  return (
    <ActionForm
      action={removeChannelAction}
      label={`Remove the ${tool} channel`}
      submit="Remove channel"
      pendingLabel="Removing…"
      variant="secondary"
      hidden={hiddenOf(target)}
      confirm={{
        title: `Remove the ${tool} channel of ${target.orgName}?`,
        body: `Nothing more is posted to it, and its recent posts are deleted. The webhook itself stays in ${tool} until you delete it there.`,
        confirmLabel: "Remove channel",
      }}
    />
  );
}

/** Queues a failed post again. */
export function RetryPostButton({ postId, title }: { postId: string; title: string }) {
  return (
    <ActionForm
      action={retryPostAction}
      label={`Retry “${title}”`}
      submit="Retry"
      pendingLabel="Queuing…"
      variant="secondary"
      hidden={{ postId }}
    />
  );
}
