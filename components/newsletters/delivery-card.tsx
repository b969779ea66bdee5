import { ActionButton } from "@/components/newsletters/action-button";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatDate, plural } from "@/lib/format";
import { DELIVERY_STATUS, type DeliveryStatus } from "@/lib/vocabulary";
import { unreached } from "@/lib/newsletter/recipients";
import { deliverAction } from "@/lib/server/newsletters/actions";

type Delivery = {
  id: number;
  email: string;
  status: DeliveryStatus;
  attempts: number;
  sentAt: Date | null;
  lastError: string | null;
};

/** Delivery per recipient, and Send (after a confirmation that says who will get the issue). */
export function DeliveryCard({
  id,
  deliveries,
  recipients,
}: {
  id: number;
  deliveries: Delivery[];
  recipients: string[];
}) {
  const current = new Set(recipients);
  const toSend = unreached(
    recipients,
    deliveries.filter((d) => d.status === "SENT").map((d) => d.email),
  );
  const detail = (d: Delivery) =>
    d.status === "SENT" && d.sentAt
      ? `sent ${formatDate(d.sentAt)}`
      : !current.has(d.email)
        ? "No longer a recipient: not sent"
        : (d.lastError ?? "");
  return (
    <Card className="no-print">
      <CardTitle>Email delivery</CardTitle>
      {deliveries.length ? (
        <DataTable
          caption="Delivery per recipient"
          columns={[
            { header: "Recipient", cell: (d) => d.email },
            { header: "Status", cell: (d) => DELIVERY_STATUS.label(d.status) },
            { header: "Attempts", cell: (d) => d.attempts },
            { header: "Detail", className: "text-xs", cell: detail },
          ]}
          rows={deliveries}
          rowKey={(d) => d.id}
          className="mt-2"
        />
      ) : null}
      {recipients.length === 0 ? (
        <p className="mt-2 text-sm">
          No recipients: give the organisation a leader or extra addresses.
        </p>
      ) : null}
      <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
        {toSend.length
          ? `Not yet reached: ${toSend.join(", ")}.`
          : recipients.length
            ? "Every current recipient has received this issue."
            : ""}
      </p>
      <div className="mt-3">
        <ActionButton
          action={deliverAction}
          fields={{ id: String(id) }}
          label={
            toSend.length
              ? `Send to ${plural(toSend.length, "recipient")} not yet reached`
              : "Nothing to send"
          }
          pendingLabel="Sending…"
          disabled={toSend.length === 0}
          confirm={{
            title: `Send this newsletter to ${plural(toSend.length, "recipient")}?`,
            body: `${plural(toSend.length, "recipient")} will get it by email: ${toSend.join(", ")}. Anyone who already received it is not sent it again.`,
            confirmLabel: "Send now",
          }}
        />
      </div>
    </Card>
  );
}
