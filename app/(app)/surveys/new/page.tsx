import type { Metadata } from "next";
import { SurveyEditor } from "@/components/surveys/survey-editor";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/guards";
import { addUtcDays, isoDay, todayUtc } from "@/lib/period";
import { orgTree } from "@/lib/server/org-tree";

export const metadata: Metadata = { title: "New survey" };

export default async function NewSurveyPage() {
  await requirePermission("survey.manage");
  const orgs = await orgTree();
  return (
    <>
      <PageHeader
        title="New survey"
        description="Saved as a draft: no one sees it until you open it."
      />
      <Card>
        <SurveyEditor
          survey={{
            id: null,
            title: "",
            orgId: null,
            closesOn: isoDay(addUtcDays(todayUtc(), 21)),
            questions: [],
          }}
          orgs={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
        />
      </Card>
    </>
  );
}
