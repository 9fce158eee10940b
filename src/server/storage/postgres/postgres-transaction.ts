// One transaction on a client of its own from the pool: the way every PostgreSQL write, read and
// migration of the server runs. The client goes back to the pool when the transaction ends; one
// whose connection broke midway is thrown away instead, so the next user gets a working one.
import type pg from 'pg';

/** `begin` is the statement that opens it, e.g. 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'. */
export async function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection that breaks between two statements (PostgreSQL ended a transaction left idle
  // past its limit, or restarted) is announced as an 'error' event, which with no listener
  // would end the whole process; the next statement fails instead, and the client is discarded.
  let discard = false;
  const broken = () => {
    discard = true;
  };
  client.on('error', broken);
  try {
    await client.query(begin);
    const value = await work(client);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    // ROLLBACK fails only when the connection is gone (the server has then ended the
    // transaction itself); after a failed COMMIT it is a harmless no-op.
    await client.query('ROLLBACK').catch(() => {
      discard = true;
    });
    throw error;
  } finally {
    client.off('error', broken);
    client.release(discard);
  }
}

/** The SQLSTATE of an error PostgreSQL raised (pg's DatabaseError carries it as `code`). */
export function sqlState(error: unknown): string | undefined {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
