import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        That page or record does not exist, or is not visible to you.
      </p>
      <Link
        href="/"
        className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-100"
      >
        Back to your home
      </Link>
    </div>
  );
}
