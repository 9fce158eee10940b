// Which records storage DATABASE_URL selects, and the messages for a value that is no
// PostgreSQL address.
import { describe, expect, it } from 'vitest';
import { DatabaseUrlError, describePostgresUrl, postgresUrlFrom } from '../../src/server/storage/database-url.ts';

describe('postgresUrlFrom', () => {
  it('keeps the records in SQLite when DATABASE_URL is unset or blank', () => {
    expect(postgresUrlFrom({})).toBeUndefined();
    expect(postgresUrlFrom({ DATABASE_URL: '  ' })).toBeUndefined();
  });

  it('selects PostgreSQL for a postgres:// or postgresql:// address', () => {
    expect(postgresUrlFrom({ DATABASE_URL: 'postgres://app:pw@db.internal:5432/walkaround' })).toBe('postgres://app:pw@db.internal:5432/walkaround');
    expect(postgresUrlFrom({ DATABASE_URL: ' postgresql://db/walkaround ' })).toBe('postgresql://db/walkaround');
  });

  it('refuses another engine or a value that is no URL, saying how to write it', () => {
    expect(() => postgresUrlFrom({ DATABASE_URL: 'mysql://db/walkaround' })).toThrow(DatabaseUrlError);
    expect(() => postgresUrlFrom({ DATABASE_URL: 'mysql://db/walkaround' })).toThrow(/only PostgreSQL .* leave it unset for the embedded SQLite/);
    expect(() => postgresUrlFrom({ DATABASE_URL: 'host=db.internal port=5432' })).toThrow(/postgres:\/\/user:password@host:5432\/database/);
  });
});

describe('describePostgresUrl', () => {
  it('names the server and database, never the password', () => {
    const shown = describePostgresUrl('postgres://app:s3cret@db.internal:6432/walkaround');
    expect(shown).toBe('PostgreSQL db.internal:6432/walkaround');
    expect(describePostgresUrl('postgres://db.internal/walkaround')).toBe('PostgreSQL db.internal:5432/walkaround');
  });
});
