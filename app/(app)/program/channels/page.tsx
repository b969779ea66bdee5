import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ChannelCard } from "@/components/channels/channel-card";
import { RecentPosts } from "@/components/channels/recent-posts";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";
import { StreamedPart } from "@/components/ui/streamed-part";
import { requirePermission } from "@/lib/auth/guards";
import { CHAT_TOOL } from "@/lib/vocabulary";
import { channelsList } from "@/lib/url-state/lists";
import type { SearchParams } from "@/lib/url-state/list-state";
import { channelOrgs, orgChannels } from "@/lib/server/channels/queries";
import { possessive } from "@/lib/possessive";

export const metadata: Metadata = { title: "Slack and Teams channels" };

export default async function ChannelsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePermission("program.manage");
  await connection();
  const state = channelsList.parse(await searchParams);
  const orgs = await channelOrgs(actor);
  const header = (
    <PageHeader
      title="Slack and Teams channels"
      description="Post an organisation's belts, newsletters, risk budgets and coverage alerts to its Slack and Microsoft Teams channels. A channel also hears about the organisations under its own."
    />
  );
  if (orgs.length === 0)
    return (
      <>
        {header}
        <EmptyState
          title="No organisations yet"
          action={{ href: "/directory", label: "Open the directory" }}
        >
          Channels belong to an organisation: add or import organisations first.
        </EmptyState>
      </>
    );
  // Without a choice: the first organisation with a channel, else the first one.
  const org = state.filter.org
    ? orgs.find((o) => o.id === state.filter.org)
    : (orgs.find((o) => o.tools.length > 0) ?? orgs[0]);
  if (!org) notFound();
  const channels = await orgChannels(actor, org.id);
  const options = orgs.map((o) => ({
    value: String(o.id),
    label: `${"\u00a0\u00a0".repeat(o.depth)}${o.name}${o.tools.length ? ` (${o.tools.map((t) => CHAT_TOOL.label(t)).join(", ")})` : ""}`,
  }));
  return (
    <>
      {header}
      <FilterBar action="/program/channels">
        <Select
          label="Organisation"
          name="org"
          id="channels-org"
          defaultValue={String(org.id)}
          options={options}
          className="min-w-64"
        />
      </FilterBar>
      <div className="space-y-4">
        {channels.inherited.length ? (
          <Card>
            <p className="text-sm">
              {possessive(org.name)} events also go to{" "}
              {channels.inherited
                .map((c) => `the ${CHAT_TOOL.label(c.tool)} channel of ${c.orgName}`)
                .join(" and ")}
              , for the events each has chosen.
            </p>
          </Card>
        ) : null}
        <div className="grid gap-4 lg:grid-cols-2">
          {CHAT_TOOL.values.map((tool) => (
            <ChannelCard
              key={tool}
              org={org}
              tool={tool}
              saved={channels.own.find((c) => c.tool === tool) ?? null}
              removed={state.filter.removed === tool}
            />
          ))}
        </div>
        <StreamedPart
          what="The recent posts"
          fallback={
            <LoadingRegion label="Loading the recent posts…">
              <Skeleton className="h-40" />
            </LoadingRegion>
          }
        >
          <RecentPosts actor={actor} org={org} page={state.page} />
        </StreamedPart>
      </div>
    </>
  );
}
