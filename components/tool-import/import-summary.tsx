"use client";

import { Card, CardTitle } from "@/components/ui/card";
import { PagedTable, whereColumns } from "./paged-table";

type Problem = { where: string; message: string };
type Unmapped = { where: string; what: string };

/** A tool import's answer: what it does, its problems, its rows, and what it leaves out. */
export function ImportSummary({
  heading,
  lines,
  problems,
  unmapped,
  children,
}: {
  heading: string;
  lines: React.ReactNode[];
  problems: Problem[];
  unmapped: Unmapped[];
  children?: React.ReactNode;
}) {
  return (
    <Card>
      <CardTitle>{heading}</CardTitle>
      <div className="mt-1 space-y-1 text-sm">
        {lines.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
      {problems.length ? (
        <div className="mt-4">
          <PagedTable<Problem>
            caption={`Problems (${problems.length}): nothing is imported until they are fixed`}
            testId="import-problems"
            rows={problems}
            columns={whereColumns<Problem>({ header: "Problem", cell: (p) => p.message })}
          />
        </div>
      ) : null}
      {children ? <div className="mt-4">{children}</div> : null}
      {unmapped.length ? (
        <div className="mt-4">
          <PagedTable<Unmapped>
            caption="Not imported: what the app does not keep"
            testId="import-unmapped"
            rows={unmapped}
            columns={whereColumns<Unmapped>({ header: "What", cell: (u) => u.what })}
          />
        </div>
      ) : null}
    </Card>
  );
}
