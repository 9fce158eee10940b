// DATABASE_URL selects PostgreSQL for the records (a dealer group's deployment); without it the
// records stay in the data folder's SQLite file. A value that cannot be a PostgreSQL address
// stops the start with a sentence that says what is wrong, before anything is opened.

export class DatabaseUrlError extends Error {}

/** The PostgreSQL connection string in DATABASE_URL, or undefined for the embedded SQLite. */
export function postgresUrlFrom(env: Record<string, string | undefined>): string | undefined {
  const value = env.DATABASE_URL?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DatabaseUrlError('DATABASE_URL is not a URL: write it as postgres://user:password@host:5432/database.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new DatabaseUrlError(
      `DATABASE_URL starts with "${url.protocol}//": only PostgreSQL (postgres://…) is supported; leave it unset for the embedded SQLite database.`,
    );
  }
  return value;
}

/** Where the records are, in words for the start-up message and errors: never the password. */
export function describePostgresUrl(value: string): string {
  const url = new URL(value);
  return `PostgreSQL ${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname}`;
}
