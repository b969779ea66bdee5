import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Your role does not include it. If you think it should, ask your program lead.
      </p>
      <Link
        href="/"
        className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-100"
      >
        Back to your home
      </Link>
    </main>
  );
}
