"use client";

import { useActionState, startTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormMessage } from "@/components/ui/form-message";
import { stepDownAction } from "@/lib/server/nominations/actions";
import { idle } from "@/lib/server/action-state";

export function StepDownButton({ membershipId, label }: { membershipId: number; label: string }) {
  const [state, action, pending] = useActionState(stepDownAction, idle);
  const confirm = () => {
    const data = new FormData();
    data.set("membershipId", String(membershipId));
    startTransition(() => action(data));
  };
  if (state.status === "ok") return <FormMessage state={state} />;
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmButton label={label} title={`${label}?`} body="The guardian becomes alumni of this team. Their history, belts and hours stay." confirmLabel={label} onConfirm={confirm} pending={pending} />
      <FormMessage state={state} />
    </span>
  );
}
