import { Card, CardTitle } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import type { SessionActor } from "@/lib/auth/actor";
import { CHANNEL_EVENT, CHAT_TOOL } from "@/lib/vocabulary";
import { channelsList } from "@/lib/url-state/lists";
import { recentPosts } from "@/lib/server/channels/queries";
import { RetryPostButton } from "./channel-forms";
import { possessive } from "@/lib/possessive";

type Post = Awaited<ReturnType<typeof recentPosts>>["posts"][number];

const at = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Sent, waiting for a retry, or given up; with the tool's last answer. */
function Status({ post }: { post: Post }) {
  if (post.status === "SENT")
    return (
      <span className="text-green-700 dark:text-green-400">
        Sent {post.sentAt ? at(post.sentAt) : ""}
      </span>
    );
  const label = post.status === "FAILED" ? "Failed" : post.lastError ? "Retrying" : "Queued";
  const tone =
    post.status === "FAILED"
      ? "text-red-700 dark:text-red-400"
      : "text-amber-800 dark:text-amber-300";
  return (
    <>
      <span className={tone}>{label}</span>
      {post.lastError ? (
        <span className="block max-w-md break-words text-xs text-slate-600 dark:text-slate-400">
          {post.lastError}
        </span>
      ) : null}
    </>
  );
}

const columns: Column<Post>[] = [
  { header: "Queued", cell: (p) => at(p.createdAt), className: "whitespace-nowrap" },
  { header: "Channel", cell: (p) => CHAT_TOOL.label(p.webhook.tool) },
  {
    header: "Message",
    rowHeader: true,
    cell: (p) => (
      <>
        {p.title}
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          {p.event ? CHANNEL_EVENT.label(p.event) : "Test message"}
        </span>
      </>
    ),
  },
  { header: "Status", cell: (p) => <Status post={p} /> },
  { header: "Attempts", cell: (p) => p.attempts, align: "right" },
  {
    header: <span className="sr-only">Actions</span>,
    cell: (p) =>
      p.status === "FAILED" ? <RetryPostButton postId={p.id.toString()} title={p.title} /> : null,
    align: "right",
  },
];

/** The organisation's posts to its own channels, newest first, a page at a time. */
export async function RecentPosts({
  actor,
  org,
  page,
}: {
  actor: SessionActor;
  org: { id: number; name: string };
  page: number;
}) {
  const { posts, total, pages } = await recentPosts(actor, org.id, page);
  const state = { filter: { org: org.id }, page, sort: undefined };
  return (
    <Card aria-labelledby="recent-posts">
      <CardTitle>
        <span id="recent-posts">Recent posts</span>
      </CardTitle>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        A post the tool could not take is retried for about half an hour; one it refused (a wrong or
        removed URL) waits for you to fix the URL and retry.
      </p>
      <div className="mt-3">
        <DataTable
          caption={`Posts to ${possessive(org.name)} channels`}
          columns={columns}
          rows={posts}
          rowKey={(p) => p.id.toString()}
          empty={
            <EmptyState title="Nothing posted yet">
              Posts appear here as events happen, and when you send a test message.
            </EmptyState>
          }
        />
      </div>
      <Pagination
        page={page}
        pages={pages}
        total={total}
        href={channelsList.pageHref("/program/channels", state)}
      />
    </Card>
  );
}
