"use client";

import { useActionState, startTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormMessage } from "@/components/ui/form-message";
import { decideNominationAction } from "@/lib/server/nominations/actions";
import { idle } from "@/lib/server/action-state";

export function DecisionButtons({ membershipId, who }: { membershipId: number; who: string }) {
  const [state, action, pending] = useActionState(decideNominationAction, idle);
  const decide = (decision: "approve" | "decline") => {
    const data = new FormData();
    data.set("membershipId", String(membershipId));
    data.set("decision", decision);
    startTransition(() => action(data));
  };
  if (state.status === "ok") return <FormMessage state={state} />;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button type="button" className="px-2 py-1" onClick={() => decide("approve")} disabled={pending} aria-label={`Approve ${who}`}>Approve</Button>
      <ConfirmButton label="Decline" accessibleLabel={`Decline ${who}`} title={`Decline ${who}?`} body="The nomination is closed and kept in the team's history." confirmLabel="Decline nomination" onConfirm={() => decide("decline")} pending={pending} />
      <FormMessage state={state} />
    </span>
  );
}
