import type { Metadata } from "next";
import { Card, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleForm } from "@/components/ui/simple-form";
import { requirePermission } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { changeRunbookItemAction, saveRunbookItemAction } from "@/lib/server/runbook/actions";

export const metadata: Metadata = { title: "Review runbook" };

export default async function RunbookPage() {
  await requirePermission("program.manage");
  const items = await db.runbookItem.findMany({ orderBy: { position: "asc" } });
  return (
    <>
      <PageHeader
        title="Review runbook"
        description="The checklist copied into every new security review. Retired items stay on past reviews."
      />
      <Card>
        <CardTitle>Items, in order</CardTitle>
        <ol className="mt-2 space-y-2">
          {items.map((item, i) => (
            <li key={item.id} className="flex flex-wrap items-end gap-2">
              <SimpleForm
                action={saveRunbookItemAction}
                label={`Rename ${item.label}`}
                submit="Rename"
                variant="secondary"
              >
                <input type="hidden" name="id" value={item.id} />
                <Field
                  label={`Item ${i + 1}${item.active ? "" : " (retired)"}`}
                  name="label"
                  id={`item-${item.id}`}
                  defaultValue={item.label}
                  className="w-72"
                />
              </SimpleForm>
              <SimpleForm
                action={changeRunbookItemAction}
                label={`Move ${item.label} up`}
                submit="Up"
                variant="secondary"
              >
                <input type="hidden" name="id" value={item.id} />
                <input type="hidden" name="change" value="up" />
              </SimpleForm>
              <SimpleForm
                action={changeRunbookItemAction}
                label={`Move ${item.label} down`}
                submit="Down"
                variant="secondary"
              >
                <input type="hidden" name="id" value={item.id} />
                <input type="hidden" name="change" value="down" />
              </SimpleForm>
              <SimpleForm
                action={changeRunbookItemAction}
                label={`${item.active ? "Retire" : "Restore"} ${item.label}`}
                submit={item.active ? "Retire" : "Restore"}
                variant="secondary"
              >
                <input type="hidden" name="id" value={item.id} />
                <input type="hidden" name="change" value="toggle" />
              </SimpleForm>
            </li>
          ))}
        </ol>
        <SimpleForm
          action={saveRunbookItemAction}
          label="Add a runbook item"
          submit="Add item"
          className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800"
        >
          <input type="hidden" name="id" value="" />
          <Field label="New item" name="label" id="item-new" className="w-72" />
        </SimpleForm>
      </Card>
    </>
  );
}
