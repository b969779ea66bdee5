import type { Metadata } from "next";
import Link from "next/link";
import { PreferencesForm, type KindRow } from "@/components/notifications/preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/guards";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { EMAIL_CHOICES, NOTIFICATION_KINDS, emailChoice } from "@/lib/notifications/kinds";
import { kindsByRelevance } from "@/lib/notifications/relevance";
import { ownChoices, type Choices } from "@/lib/server/notifications/preferences";

export const metadata: Metadata = { title: "Email preferences" };

function rowOf(kind: NotificationKind, own: Choices): KindRow {
  const info = NOTIFICATION_KINDS[kind];
  return {
    kind,
    label: info.label,
    audience: info.audience,
    options: EMAIL_CHOICES.filter((c) => info.digestible || c.value !== "DIGEST").map((c) => ({
      ...c,
      isDefault: emailChoice(kind, {}) === c.value,
    })),
    current: emailChoice(kind, own),
  };
}

export default async function NotificationPreferencesPage() {
  // Everyone chooses for themselves: no permission beyond being signed in.
  const actor = await requireActor();
  const own = await ownChoices(actor.id);
  const { yours, others } = kindsByRelevance(actor);
  return (
    <>
      <PageHeader
        title="Email preferences"
        description="Every notification shows in the app, under the bell. Choose which also come by email: at once, together in one daily digest, or not at all."
        actions={
          <Link
            href="/notifications"
            className="text-sm text-brand-600 hover:underline dark:text-brand-100"
          >
            Back to notifications
          </Link>
        }
      />
      <PreferencesForm
        sections={[
          {
            title: "For your roles",
            description: "What you are likely to receive.",
            rows: yours.map((k) => rowOf(k, own)),
          },
          {
            title: "Other notifications",
            description: "What you would receive should your roles change.",
            rows: others.map((k) => rowOf(k, own)),
          },
        ]}
      />
    </>
  );
}
