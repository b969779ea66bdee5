import { Shield } from "lucide-react";

/** The centred card of the signed-out pages (forgot password, the emailed link). */
export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <Shield aria-hidden className="h-7 w-7 text-brand-600" />
          <span className="text-lg font-semibold">Guardians</span>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="mb-4 text-xl font-semibold">{title}</h1>
          {children}
        </div>
      </div>
    </main>
  );
}

export const authLinkClass = "text-sm text-brand-600 hover:underline dark:text-brand-100";
