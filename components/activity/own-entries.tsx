import { EntryTable } from "@/components/activity/entry-table";
import { Pagination } from "@/components/ui/pagination";
import { pagedList } from "@/lib/url-state/lists";
import type { SessionActor } from "@/lib/auth/actor";
import { listOwnActivities } from "@/lib/server/activity/queries";

/** One page of the actor's own logged entries. */
export async function OwnEntries({ actor, page }: { actor: SessionActor; page: number }) {
  const list = await listOwnActivities(actor, page);
  return (
    <>
      <EntryTable entries={list.entries} />
      <Pagination
        page={page}
        pages={list.pages}
        total={list.total}
        href={pagedList.pageHref("/log", { page })}
      />
    </>
  );
}
