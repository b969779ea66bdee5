import Link from "next/link";
import type { SessionActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { formatDate, plural } from "@/lib/format";
import { formatFigure } from "@/lib/metrics/stats";
import {
  ACTIVITY_TYPE,
  BELT,
  RECOGNITION_KIND,
  REVIEW_OUTCOME,
  SEVERITY,
  THREAT_MODEL_STATUS,
} from "@/lib/vocabulary";
import type { ResolvedStatementPeriod } from "@/lib/impact/period";
import { STATEMENT_ENTRY_LIMIT, type ImpactStatementView } from "@/lib/server/impact/statement";

const days = (v: number | null) => formatFigure(v, 1, " days");

/** A headline figure that leads to the records behind it, further down the page. */
function Figure({
  href,
  label,
  value,
  hint,
}: {
  href: string;
  label: string;
  value: string;
  hint?: string;
}) {
  return (
    <a
      href={href}
      className="block rounded-md border border-slate-200 p-3 no-underline hover:border-brand-500 focus-visible:border-brand-500 dark:border-slate-700"
    >
      <span className="block text-xs text-slate-600 dark:text-slate-400">{label}</span>
      <span className="mt-1 block text-xl font-semibold tabular-nums">{value}</span>
      {hint ? (
        <span className="mt-0.5 block text-xs text-slate-600 dark:text-slate-400">{hint}</span>
      ) : null}
    </a>
  );
}

function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 space-y-2">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function None({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-slate-600 dark:text-slate-400">{children}</p>;
}

const th = "py-1.5 pr-3 text-left font-medium";
const td = "py-1.5 pr-3 align-top";

/** The one-page impact statement: headline figures, then the records each figure counts. */
export function StatementView({
  actor,
  view,
  period,
  generatedAt,
}: {
  actor: SessionActor;
  view: ImpactStatementView;
  period: ResolvedStatementPeriod;
  generatedAt: Date;
}) {
  const { person, statement: s, entries } = view;
  const reviewLink = (r: { id: number; key: string; orgId: number }) =>
    can(actor, "review.read", { orgId: r.orgId }) ? (
      <Link href={`/reviews/${r.id}`} className="underline">
        {r.key}
      </Link>
    ) : (
      r.key
    );
  const modelLink = (m: { id: number; key: string; orgId: number }) =>
    can(actor, "threatmodel.read", { orgId: m.orgId }) ? (
      <Link href={`/threat-models/${m.id}`} className="underline">
        {m.key}
      </Link>
    ) : (
      m.key
    );
  const outcomes = Object.entries(s.reviews.outcomes)
    .map(([o, n]) => `${REVIEW_OUTCOME.label(o as keyof typeof REVIEW_OUTCOME.labels)} ${n}`)
    .join(", ");
  const comparison =
    s.cycle.differenceDays === null
      ? "not enough data"
      : s.cycle.differenceDays >= 0
        ? `${s.cycle.differenceDays.toFixed(1)} days sooner`
        : `${(-s.cycle.differenceDays).toFixed(1)} days later`;
  return (
    <article className="impact-statement mx-auto max-w-4xl space-y-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6 shadow-sm print:border-0 print:p-0 print:shadow-none dark:border-slate-800 dark:bg-slate-900">
      <header className="space-y-1 border-b border-slate-200 pb-4 dark:border-slate-800">
        <p className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
          Security Guardians · impact statement
        </p>
        <h1 className="text-2xl font-semibold">{person.name}</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {[person.team?.name, person.org?.name].filter(Boolean).join(" · ") || "No team"} ·{" "}
          {period.label} ({formatDate(period.from)} – {formatDate(period.to)})
        </p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Produced {formatDate(generatedAt)} from the program&apos;s records, with the
          dashboards&apos; definitions.
        </p>
      </header>

      <section
        aria-label="Headline figures"
        className="grid grid-cols-2 gap-3 sm:grid-cols-3 print:grid-cols-3"
      >
        <Figure
          href="#reviews"
          label="Reviews contributed to"
          value={String(s.reviews.count)}
          hint={s.reviews.count ? `${s.reviews.asGuardian} as the team's guardian` : undefined}
        />
        <Figure
          href="#cycle-time"
          label="Review cycle time vs the team without a guardian"
          value={comparison}
          hint={
            s.cycle.reductionPct === null
              ? undefined
              : `${s.cycle.reductionPct.toFixed(1)}% less time`
          }
        />
        <Figure href="#findings" label="Findings fixed" value={String(s.findingsFixed.count)} />
        <Figure
          href="#threat-models"
          label="Threat models"
          value={String(s.threatModels.count)}
          hint={s.threatModels.count ? `${s.threatModels.approved} approved` : undefined}
        />
        <Figure href="#hours" label="Hours on security work" value={`${s.hours.total} h`} />
        <Figure
          href="#ratings"
          label="Average rating received"
          value={formatFigure(s.ratings.mean, 1)}
          hint={s.ratings.n ? `from ${plural(s.ratings.n, "rating")}` : undefined}
        />
      </section>

      <Section id="reviews" title="Reviews contributed to">
        {s.reviews.items.length ? (
          <>
            <p className="text-sm">
              {plural(s.reviews.count, "review")} completed in the period with {person.name} taking
              part
              {outcomes ? ` (outcomes: ${outcomes})` : ""}.
            </p>
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead className="text-slate-600 dark:text-slate-400">
                  <tr>
                    <th className={th}>Review</th>
                    <th className={th}>Service</th>
                    <th className={th}>Team</th>
                    <th className={th}>Completed</th>
                    <th className={`${th} text-right`}>Cycle time</th>
                    <th className={th}>Outcome</th>
                    <th className={th}>As guardian</th>
                  </tr>
                </thead>
                <tbody>
                  {s.reviews.items.map((r) => (
                    <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800">
                      <td className={`${td} whitespace-nowrap`}>{reviewLink(r)}</td>
                      <td className={td}>{r.service}</td>
                      <td className={td}>{r.teamName}</td>
                      <td className={`${td} whitespace-nowrap`}>{formatDate(r.completedAt)}</td>
                      <td className={`${td} whitespace-nowrap text-right tabular-nums`}>
                        {days((+r.completedAt - +r.requestedAt) / 86_400_000)}
                      </td>
                      <td className={td}>
                        {r.outcome ? REVIEW_OUTCOME.label(r.outcome) : "none recorded"}
                      </td>
                      <td className={td}>{r.asGuardian ? "yes" : "no"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <None>No review with {person.name} taking part was completed in this period.</None>
        )}
      </Section>

      <Section id="cycle-time" title="Review cycle time">
        <p className="text-sm">
          Mean time from request to completion of the reviews {person.name} took part in as the
          team&apos;s guardian: <strong>{days(s.cycle.theirs.mean)}</strong> (
          {plural(s.cycle.theirs.n, "review")}). The same teams&apos; reviews without a guardian in
          the period
          {s.cycle.teams.length ? ` (${s.cycle.teams.join(", ")})` : ""}:{" "}
          <strong>{days(s.cycle.baseline.mean)}</strong> ({plural(s.cycle.baseline.n, "review")}).
          {s.cycle.reductionPct === null
            ? " Not enough data to compare."
            : ` That is ${s.cycle.reductionPct.toFixed(1)}% ${s.cycle.reductionPct >= 0 ? "less" : "more"} time.`}
        </p>
        {s.cycle.baselineItems.length ? (
          <details className="text-sm">
            <summary className="cursor-pointer">
              The reviews without a guardian compared with
            </summary>
            <ul className="mt-2 list-inside list-disc">
              {s.cycle.baselineItems.map((r) => (
                <li key={r.id}>
                  {reviewLink(r)} · {r.service} · {r.teamName} ·{" "}
                  {days((+r.completedAt - +r.requestedAt) / 86_400_000)}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </Section>

      <Section id="findings" title="Findings fixed">
        {s.findingsFixed.items.length ? (
          <ul className="list-inside list-disc text-sm">
            {s.findingsFixed.items.map((f) => (
              <li key={f.id}>
                {f.key} ({SEVERITY.label(f.severity).toLowerCase()}) on review{" "}
                {reviewLink({ id: f.reviewId, key: f.reviewKey, orgId: f.orgId })}, mitigated{" "}
                {formatDate(f.closedOn)}
              </li>
            ))}
          </ul>
        ) : (
          <None>No finding of {person.name}&apos;s reviews was mitigated in this period.</None>
        )}
      </Section>

      <Section id="threat-models" title="Threat models">
        {s.threatModels.items.length ? (
          <>
            <p className="text-sm">
              {plural(s.threatModels.threats, "threat")} identified;{" "}
              {formatFigure(s.threatModels.documentedPct, 0, "%")} with a documented mitigation.
            </p>
            <ul className="list-inside list-disc text-sm">
              {s.threatModels.items.map((m) => (
                <li key={m.id}>
                  {modelLink(m)} · {m.system} · {m.teamName} · {THREAT_MODEL_STATUS.label(m.status)}
                  {m.approvedOn ? ` ${formatDate(m.approvedOn)}` : ""} ·{" "}
                  {plural(m.threats, "threat")}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <None>{person.name} authored no threat model created or approved in this period.</None>
        )}
      </Section>

      <Section id="hours" title="Hours on security work">
        {s.hours.byType.length ? (
          <>
            <ul className="text-sm">
              {s.hours.byType.map((h) => (
                <li key={h.type}>
                  {ACTIVITY_TYPE.label(h.type)}: <span className="tabular-nums">{h.hours} h</span>
                </li>
              ))}
            </ul>
            <details className="text-sm">
              <summary className="cursor-pointer">
                The entries
                {entries.length === STATEMENT_ENTRY_LIMIT
                  ? ` (the latest ${STATEMENT_ENTRY_LIMIT})`
                  : ""}
              </summary>
              <ul className="mt-2 space-y-0.5">
                {entries.map((e) => (
                  <li key={e.id}>
                    {formatDate(e.date)} · {ACTIVITY_TYPE.label(e.type)} · {e.quarterHours / 4} h
                    {e.review ? <> · review {e.review.key}</> : null}
                    {e.threatModel ? <> · threat model {e.threatModel.key}</> : null}
                  </li>
                ))}
              </ul>
            </details>
          </>
        ) : (
          <None>No hours logged in this period.</None>
        )}
      </Section>

      <Section id="belts" title="Belts and awards">
        {s.belts.length || s.awards.length ? (
          <ul className="list-inside list-disc text-sm">
            {s.belts.map((b) => (
              <li key={`belt-${b.id}`}>
                {BELT.label(b.belt)} belt, {formatDate(b.awardedOn)}
              </li>
            ))}
            {s.awards.map((a) => (
              <li key={`award-${a.id}`}>
                {RECOGNITION_KIND.label(a.kind)}: {a.title} ({formatDate(a.createdAt)}): {a.reason}
              </li>
            ))}
          </ul>
        ) : (
          <None>No belt or award in this period.</None>
        )}
      </Section>

      <Section id="ratings" title="Ratings received">
        {s.ratings.n ? (
          <>
            <p className="text-sm">
              Average {formatFigure(s.ratings.mean, 1)} out of 5 from{" "}
              {plural(s.ratings.n, "rating")} by security engineers.
              {s.ratings.commentsShown ? "" : ` ${person.name} keeps the comments private.`}
            </p>
            <ul className="list-inside list-disc text-sm">
              {s.ratings.items.map((r) => (
                <li key={r.id}>
                  {r.rating}/5 on {r.source.kind === "review" ? "review " : "threat model "}
                  {r.source.kind === "review" ? reviewLink(r.source) : modelLink(r.source)} (
                  {formatDate(r.on)}){r.comment ? `: “${r.comment}”` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <None>No rating in this period.</None>
        )}
      </Section>
    </article>
  );
}
