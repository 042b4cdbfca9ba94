import pg from 'pg';

/**
 * The integration suite runs on real PostgreSQL (TEST_DATABASE_URL, default the local server).
 * When it is unreachable the run fails here, loudly, instead of skipping tests.
 * TEST_DB=pglite runs the suite on embedded PGlite instead (no multi-connection tests).
 */
export default async function setup() {
  if (process.env.TEST_DB === 'pglite') return;
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${url} (${(e as Error).message}). Start it, or set TEST_DATABASE_URL; TEST_DB=pglite runs the embedded suite.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}
