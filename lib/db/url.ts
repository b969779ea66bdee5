// Validates DATABASE_URL up front so a typo gives one clear line instead of a driver stack trace.
class DatabaseUrlError extends Error {}

export function parseDatabaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DatabaseUrlError(
      `DATABASE_URL is not a valid URL. Expected postgresql://user:password@host:5432/database`,
    );
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new DatabaseUrlError(
      `DATABASE_URL must start with postgresql:// (got ${url.protocol}//)`,
    );
  }
  if (!url.hostname) throw new DatabaseUrlError("DATABASE_URL has no host name");
  if (url.pathname.length <= 1)
    throw new DatabaseUrlError("DATABASE_URL names no database (add /database_name at the end)");
  return url;
}

/** The same server, another database (used to create and drop test databases). */
export function withDatabase(raw: string, database: string): string {
  const url = parseDatabaseUrl(raw);
  url.pathname = `/${database}`;
  return url.toString();
}

export function databaseName(raw: string): string {
  return decodeURIComponent(parseDatabaseUrl(raw).pathname.slice(1));
}

/** The URL with the password hidden, for logs. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparseable URL)";
  }
}
