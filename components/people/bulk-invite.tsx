"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { plural } from "@/lib/format";
import { idle } from "@/lib/server/action-state";
import { inviteBatchAction, type InviteBatchState } from "@/lib/server/identity/link-actions";
import type { BatchReport } from "@/lib/server/identity/links";

type Totals = Omit<BatchReport, "next"> & { done: boolean; stopped: boolean; error?: string };

const empty: Totals = {
  invited: 0,
  skipped: { recentlyInvited: 0, notAllowed: 0 },
  failed: [],
  processed: 0,
  done: false,
  stopped: false,
};

function summary(t: Totals): string {
  const parts = [`${plural(t.invited, "person", "people")} invited`];
  if (t.skipped.recentlyInvited)
    parts.push(`${t.skipped.recentlyInvited} skipped (invited in the last 24 hours)`);
  if (t.skipped.notAllowed)
    parts.push(
      `${t.skipped.notAllowed} skipped (administrators: only an administrator invites them)`,
    );
  if (t.failed.length) parts.push(`${t.failed.length} failed`);
  return parts.join(", ") + ".";
}

/**
 * "Invite the N people here who cannot sign in": asks first, then calls the server batch by
 * batch (each call stateless, carrying the cursor) with a progress bar; Stop ends the loop
 * after the batch under way.
 */
export function BulkInvite({ count, filter }: { count: number; filter: Record<string, string> }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [again, setAgain] = useState(false);
  const [running, setRunning] = useState(false);
  const [totals, setTotals] = useState<Totals | null>(null);
  const stop = useRef(false);

  async function run() {
    stop.current = false;
    setRunning(true);
    let t: Totals = { ...empty, skipped: { ...empty.skipped }, failed: [] };
    setTotals(t);
    let after: number | null = null;
    try {
      do {
        const form = new FormData();
        for (const [k, v] of Object.entries(filter)) form.set(k, v);
        if (after) form.set("after", String(after));
        if (again) form.set("again", "yes");
        const state = (await inviteBatchAction(idle, form)) as InviteBatchState;
        if (state.status !== "ok" || !state.report) {
          t = { ...t, error: state.message ?? "The invitations stopped." };
          break;
        }
        const r = state.report;
        t = {
          ...t,
          invited: t.invited + r.invited,
          skipped: {
            recentlyInvited: t.skipped.recentlyInvited + r.skipped.recentlyInvited,
            notAllowed: t.skipped.notAllowed + r.skipped.notAllowed,
          },
          failed: [...t.failed, ...r.failed],
          processed: t.processed + r.processed,
        };
        setTotals(t);
        after = r.next;
      } while (after && !stop.current);
    } catch {
      t = { ...t, error: "The connection to the server was lost. Nothing more was sent." };
    }
    setTotals({ ...t, done: true, stopped: Boolean(after) && stop.current });
    setRunning(false);
    router.refresh();
  }

  const total = Math.max(count, totals?.processed ?? 0);
  return (
    <>
      {running ? null : (
        <Button type="button" variant="secondary" onClick={() => setAsking(true)}>
          Invite the {plural(count, "person", "people")} here who cannot sign in
        </Button>
      )}
      <ConfirmDialog
        open={asking}
        onOpenChange={setAsking}
        title={`Invite ${plural(count, "person", "people")}?`}
        body={
          <>
            Each gets an email with a link to choose a password; it works once, for 72 hours. People
            invited in the last 24 hours are skipped unless you tick the box.
            <label className="mt-3 flex items-center gap-2 text-slate-900 dark:text-slate-100">
              <input
                type="checkbox"
                checked={again}
                onChange={(e) => setAgain(e.target.checked)}
                className="h-4 w-4"
              />
              Also people invited in the last 24 hours
            </label>
          </>
        }
        confirmLabel="Send invitations"
        onConfirm={() => void run()}
      />
      {totals ? (
        <div className="basis-full space-y-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
          <div
            role="progressbar"
            aria-label="Invitations"
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={totals.processed}
            className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
          >
            <div
              className="h-full bg-brand-600 transition-[width]"
              style={{ width: `${total ? Math.round((totals.processed / total) * 100) : 100}%` }}
            />
          </div>
          <p role="status" aria-live="polite">
            {totals.done
              ? `${totals.stopped ? "Stopped" : "Done"}: ${summary(totals)}`
              : `${totals.processed} of ${total} done: ${summary(totals)}`}
          </p>
          {totals.error ? (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {totals.error}
            </p>
          ) : null}
          {totals.failed.length ? (
            <ul className="list-inside list-disc text-red-700 dark:text-red-400">
              {totals.failed.map((f, i) => (
                <li key={i}>
                  {f.name}: {f.reason}
                </li>
              ))}
            </ul>
          ) : null}
          {running ? (
            <Button type="button" variant="secondary" onClick={() => (stop.current = true)}>
              Stop after this batch
            </Button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
