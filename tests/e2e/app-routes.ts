// The app's pages, read from the file system (every app/**/page.tsx), so a page added to the app
// is part of the checks that walk every page without anyone editing a list.
import fs from "node:fs";
import path from "node:path";

export type AppRoute = {
  /** As in the folder names, route groups dropped: "/reviews/[id]". */
  pattern: string;
  /** Signed-in pages live in app/(app); the sign-in and emailed-link pages in app/(auth). */
  signedIn: boolean;
  /** Matches a path of this route, with any value for each [segment]. */
  match: RegExp;
};

const APP_DIR = path.join(process.cwd(), "app");

function pagesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...pagesUnder(full));
    else if (entry.name === "page.tsx") found.push(path.relative(APP_DIR, dir));
  }
  return found;
}

export function appRoutes(): AppRoute[] {
  return pagesUnder(APP_DIR)
    .map((dir) => {
      const parts = dir.split(path.sep).filter(Boolean);
      const segments = parts.filter((p) => !/^\(.+\)$/.test(p));
      const pattern = `/${segments.join("/")}`;
      const source = segments.map((s) =>
        /^\[.+\]$/.test(s) ? "[^/]+" : s.replace(/[.-]/g, "\\$&"),
      );
      return {
        pattern,
        signedIn: parts[0] !== "(auth)",
        match: new RegExp(`^/${source.join("/")}$`),
      };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export const isDynamic = (route: AppRoute) => route.pattern.includes("[");
