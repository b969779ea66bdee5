import type { Metadata } from "next";
import {
  AddGroupMappingForm,
  RemoveGroupMappingButton,
} from "@/components/auth/group-mapping-forms";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { oidcRedirectUri, oidcSettings } from "@/lib/auth/oidc";
import { signInConfig } from "@/lib/auth/sign-in-config";
import { formatDate } from "@/lib/format";
import { listGroupMappings } from "@/lib/server/identity/group-mappings";

export const metadata: Metadata = { title: "Single sign-on" };

type Mapping = Awaited<ReturnType<typeof listGroupMappings>>[number];

const columns: Column<Mapping>[] = [
  { header: "Group", cell: (m) => <code className="break-all">{m.group}</code>, rowHeader: true },
  {
    header: "Role",
    cell: (m) => (
      <>
        {m.roleLabel}
        {m.applies ? null : (
          <span className="block text-xs text-amber-800 dark:text-amber-300">
            Not applied: its creator may not grant this role now
          </span>
        )}
      </>
    ),
  },
  { header: "Created by", cell: (m) => m.creator },
  { header: "Created", cell: (m) => formatDate(m.createdAt), className: "whitespace-nowrap" },
  {
    header: <span className="sr-only">Actions</span>,
    cell: (m) => <RemoveGroupMappingButton id={m.id} group={m.group} role={m.roleLabel} />,
    align: "right",
  },
];

function Setting({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="text-sm break-all">{children}</dd>
    </div>
  );
}

export default async function SsoPage() {
  const actor = await requirePermission("identity.manage");
  const mappings = await listGroupMappings(actor);
  const sso = oidcSettings();
  const { passwordSignIn } = signInConfig();
  return (
    <>
      <PageHeader
        title="Single sign-on"
        description="Sign-in through your organisation's identity provider, and the table that turns its groups into roles at every sign-in."
      />
      <div className="space-y-6">
        <Card>
          <CardTitle>Provider</CardTitle>
          <dl className="mt-2 divide-y divide-slate-100 dark:divide-slate-800">
            <Setting term="Status">
              {sso ? (
                <>Configured: the sign-in page offers “Sign in with {sso.name}”.</>
              ) : (
                <>
                  Not configured. Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (README,
                  “Single sign-on”).
                </>
              )}
            </Setting>
            {sso ? <Setting term="Issuer">{sso.issuer}</Setting> : null}
            <Setting term="Redirect URI to register">
              <code>{oidcRedirectUri()}</code>
            </Setting>
            <Setting term="Groups claim">
              <code>{sso?.groupsClaim ?? (process.env.OIDC_GROUPS_CLAIM?.trim() || "groups")}</code>
            </Setting>
            <Setting term="Unknown people">
              {sso?.autoProvisionOrgKey
                ? `Created as builders in the organisation “${sso.autoProvisionOrgKey}”.`
                : "Refused, with “ask your program lead to add you”."}
            </Setting>
            <Setting term="Password sign-in">{passwordSignIn ? "On" : "Off"}</Setting>
          </dl>
        </Card>
        <Card>
          <CardTitle>Groups to roles</CardTitle>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            At every single sign-on, a person&apos;s group roles become exactly the roles their
            groups map to. Roles granted by hand are kept apart and never changed here. Admin only
            comes from a mapping made by someone who is an admin when it is applied.
          </p>
          <AddGroupMappingForm />
          <div className="mt-4">
            <DataTable
              caption="Groups and the roles they give"
              columns={columns}
              rows={mappings}
              rowKey={(m) => m.id}
              empty={
                <EmptyState title="No mappings yet">
                  Without mappings, single sign-on gives no roles: people keep the roles granted by
                  hand.
                </EmptyState>
              }
            />
          </div>
        </Card>
      </div>
    </>
  );
}
