import { Card, CardTitle } from "@/components/ui/card";
import type { ChannelEvent, ChatTool } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/format";
import { CHANNEL_EVENT, CHAT_TOOL } from "@/lib/vocabulary";
import { RemoveChannelButton, SaveChannelForm, TestChannelButton } from "./channel-forms";

type Saved = { urlHint: string; events: ChannelEvent[]; updatedAt: Date };

/** One tool's channel of one organisation: what is saved (its hint), its form and its buttons. */
export function ChannelCard({
  org,
  tool,
  saved,
  removed,
}: {
  org: { id: number; name: string };
  tool: ChatTool;
  saved: Saved | null;
  /** The channel was just removed (the page's `removed` parameter). */
  removed?: boolean;
}) {
  const target = { orgId: org.id, orgName: org.name, tool };
  const name = CHAT_TOOL.label(tool);
  const headingId = `channel-${tool.toLowerCase()}`;
  return (
    <Card aria-labelledby={headingId}>
      <CardTitle>
        <span id={headingId}>{name}</span>
      </CardTitle>
      {removed && !saved ? (
        <p role="status" className="mt-2 text-sm text-green-700 dark:text-green-400">
          {name} channel removed.
        </p>
      ) : null}
      <dl className="mt-2 space-y-1 text-sm">
        <div className="flex flex-wrap gap-x-2">
          <dt className="text-slate-600 dark:text-slate-400">Webhook:</dt>
          <dd>
            {saved ? (
              <>
                <code className="break-all">{saved.urlHint}</code>{" "}
                <span className="text-slate-600 dark:text-slate-400">
                  (saved {formatDate(saved.updatedAt)})
                </span>
              </>
            ) : (
              "Not set: nothing is posted to " + name + "."
            )}
          </dd>
        </div>
        {saved ? (
          <div className="flex flex-wrap gap-x-2">
            <dt className="text-slate-600 dark:text-slate-400">Posts:</dt>
            <dd>
              {saved.events.length
                ? saved.events.map((e) => CHANNEL_EVENT.label(e)).join(", ")
                : "no events (paused; test messages only)"}
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="mt-4 border-t border-slate-100 pt-4 dark:border-slate-800">
        <SaveChannelForm target={target} saved={saved ? { events: saved.events } : null} />
      </div>
      {saved ? (
        <div className="mt-4 flex flex-wrap items-start justify-between gap-3 border-t border-slate-100 pt-4 dark:border-slate-800">
          <TestChannelButton target={target} />
          <RemoveChannelButton target={target} />
        </div>
      ) : null}
    </Card>
  );
}
