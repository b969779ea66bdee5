import type { NewsletterContent } from "@/lib/newsletter/assemble";
import { DataTable } from "@/components/ui/data-table";
import { mastheadLine, type Masthead } from "@/lib/newsletter/masthead";

const paragraphs = (t: string) =>
  t
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);

/** A layout made for reading and for printing on A4/Letter, headed by whose issue it is and when. */
export function NewsletterView({
  content,
  masthead,
}: {
  content: NewsletterContent;
  masthead: Masthead;
}) {
  return (
    <article className="newsletter mx-auto max-w-3xl rounded-lg border border-slate-200 bg-white p-6 leading-relaxed shadow-sm print:border-0 print:p-0 print:shadow-none dark:border-slate-800 dark:bg-slate-900">
      <header className="mb-6">
        <p className="mb-3 border-b border-slate-300 pb-2 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {mastheadLine(masthead)}
        </p>
        <h1 className="text-2xl font-semibold">{content.title}</h1>
        <p className="text-slate-600 dark:text-slate-400">{content.subtitle}</p>
      </header>
      {content.intro
        ? paragraphs(content.intro).map((p, i) => (
            <p key={i} className="mb-3">
              {p}
            </p>
          ))
        : null}
      {content.highlights ? (
        <aside className="mb-4 border-l-4 border-brand-600 bg-brand-50 px-4 py-2 dark:bg-slate-800">
          {paragraphs(content.highlights).map((p, i) => (
            <p key={i} className="my-1">
              {p}
            </p>
          ))}
        </aside>
      ) : null}
      {content.sections.map((s) => (
        <section key={s.id} className="mb-5 break-inside-avoid">
          <h2 className="mb-2 text-lg font-semibold">{s.heading}</h2>
          {s.paragraphs.map((p, i) => (
            <p key={i} className="mb-2">
              {p}
            </p>
          ))}
          {s.table ? (
            <DataTable
              caption={s.heading}
              columns={s.table.columns.map((c, j) => ({ header: c, cell: (r: string[]) => r[j] }))}
              rows={s.table.rows}
              rowKey={(_, i) => i}
            />
          ) : null}
        </section>
      ))}
    </article>
  );
}
