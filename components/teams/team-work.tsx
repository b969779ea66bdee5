import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/format";
import type { TeamHub } from "@/lib/server/teams/hub";
import { releasesList, reviewsList, threatModelsList } from "@/lib/url-state/lists";
import { REVIEW_OUTCOME, SEVERITY, THREAT_MODEL_STATUS } from "@/lib/vocabulary";
import { HubSection } from "./hub-section";

type Work = NonNullable<TeamHub["work"]>;
type Models = NonNullable<TeamHub["threatModels"]>;
type TeamRef = { id: number; key: string; name: string };

const link = "font-medium text-brand-600 underline underline-offset-2 dark:text-brand-100";
const muted = "text-xs text-slate-600 dark:text-slate-400";

export function OpenFindings({
  team,
  findings,
  dashboard,
}: {
  team: TeamRef;
  findings: Work["findings"];
  dashboard: boolean;
}) {
  return (
    <HubSection
      id="findings"
      title="Open findings"
      total={findings.total}
      shown={findings.rows.length}
      empty="No open findings"
      more={
        dashboard
          ? {
              href: `/dashboard/findings?team=${team.id}`,
              label: "Findings dashboard",
              always: true,
            }
          : {
              href: reviewsList.href("/reviews", { filter: { team: team.key } }),
              label: "The team's reviews",
            }
      }
    >
      <DataTable
        caption={`Open findings of ${team.name}, worst first`}
        rows={findings.rows}
        rowKey={(f) => f.id}
        columns={[
          {
            header: "Finding",
            rowHeader: true,
            cell: (f) => (
              <>
                <span className="font-mono text-xs">{f.key}</span> {f.title ?? ""}
                {f.review ? (
                  <>
                    <br />
                    <Link href={`/reviews/${f.review.id}`} className={`${link} text-xs`}>
                      {f.review.service}
                    </Link>
                  </>
                ) : null}
              </>
            ),
          },
          { header: "Severity", cell: (f) => SEVERITY.label(f.severity) },
          { header: "Opened", className: "whitespace-nowrap", cell: (f) => formatDate(f.openedOn) },
        ]}
      />
    </HubSection>
  );
}

function reviewState(r: Work["reviews"]["rows"][number]) {
  if (r.completedAt)
    return `Completed ${formatDate(r.completedAt)}${r.outcome ? ` · ${REVIEW_OUTCOME.label(r.outcome)}` : ""}`;
  return r.startedAt ? `In progress since ${formatDate(r.startedAt)}` : "Requested";
}

export function TeamReviews({ team, reviews }: { team: TeamRef; reviews: Work["reviews"] }) {
  return (
    <HubSection
      id="reviews"
      title="Reviews"
      total={reviews.total}
      shown={reviews.rows.length}
      empty="No reviews yet"
      more={{
        href: reviewsList.href("/reviews", { filter: { team: team.key } }),
        label: `All reviews of ${team.name}`,
      }}
    >
      <DataTable
        caption={`Latest reviews of ${team.name}`}
        rows={reviews.rows}
        rowKey={(r) => r.id}
        columns={[
          {
            header: "Review",
            rowHeader: true,
            cell: (r) => (
              <>
                <Link href={`/reviews/${r.id}`} className={link}>
                  {r.service}
                </Link>
                <br />
                <span className={`font-mono ${muted}`}>{r.key}</span>
              </>
            ),
          },
          {
            header: "Requested",
            className: "whitespace-nowrap",
            cell: (r) => formatDate(r.requestedAt),
          },
          { header: "State", cell: reviewState },
        ]}
      />
    </HubSection>
  );
}

export function TeamThreatModels({ team, models }: { team: TeamRef; models: Models }) {
  return (
    <HubSection
      id="threat-models"
      title="Threat models"
      total={models.total}
      shown={models.rows.length}
      empty="No threat models yet"
      more={{
        href: threatModelsList.href("/threat-models", { filter: { team: team.key } }),
        label: `All threat models of ${team.name}`,
      }}
    >
      <DataTable
        caption={`Latest threat models of ${team.name}`}
        rows={models.rows}
        rowKey={(m) => m.id}
        columns={[
          {
            header: "System",
            rowHeader: true,
            cell: (m) => (
              <>
                <Link href={`/threat-models/${m.id}`} className={link}>
                  {m.system}
                </Link>
                <br />
                <span className={`font-mono ${muted}`}>{m.key}</span>
              </>
            ),
          },
          {
            header: "Created",
            className: "whitespace-nowrap",
            cell: (m) => formatDate(m.createdOn),
          },
          {
            header: "Status",
            cell: (m) =>
              `${THREAT_MODEL_STATUS.label(m.status)}${m.approvedOn ? ` ${formatDate(m.approvedOn)}` : ""}`,
          },
        ]}
      />
    </HubSection>
  );
}

export function TeamReleases({ team, releases }: { team: TeamRef; releases: Work["releases"] }) {
  return (
    <HubSection
      id="releases"
      title="Releases"
      total={releases.total}
      shown={releases.rows.length}
      empty="No releases yet"
      more={{
        href: releasesList.href("/releases", { filter: { team: team.key } }),
        label: `All releases of ${team.name}`,
      }}
    >
      <DataTable
        caption={`Latest releases of ${team.name}`}
        rows={releases.rows}
        rowKey={(r) => r.id}
        columns={[
          {
            header: "Release",
            rowHeader: true,
            cell: (r) => (
              <>
                <span className="font-medium">{r.name}</span>
                <br />
                <span className={`font-mono ${muted}`}>{r.key}</span>
              </>
            ),
          },
          {
            header: "Started",
            className: "whitespace-nowrap",
            cell: (r) => formatDate(r.startedOn),
          },
          {
            header: "Released",
            className: "whitespace-nowrap",
            cell: (r) => (r.releasedOn ? formatDate(r.releasedOn) : "Not yet"),
          },
        ]}
      />
    </HubSection>
  );
}
