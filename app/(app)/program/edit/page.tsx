import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ProgramForm } from "@/components/program/program-form";
import { requirePermission } from "@/lib/auth/guards";
import { getProgram } from "@/lib/server/program/queries";

export const metadata: Metadata = { title: "Edit program" };

export default async function EditProgramPage() {
  await requirePermission("program.manage");
  const program = await getProgram();
  return (
    <>
      <PageHeader
        title="Edit program"
        description="The vision and mission every guardian and leader sees."
      />
      <Card className="max-w-2xl">
        <ProgramForm
          program={
            program
              ? { name: program.name, vision: program.vision, mission: program.mission }
              : null
          }
        />
      </Card>
    </>
  );
}
