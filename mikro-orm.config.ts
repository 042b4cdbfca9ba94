import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { LoggerNamespace } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig as definePg } from '@mikro-orm/postgresql';
import { PGliteDriver } from 'mikro-orm-pglite';
import { migrationsList } from './db/migrations/index.ts';
import { entities } from './db/schemas/index.ts';

/** One ORM config: DATABASE_URL → PostgreSQL; unset → embedded PGlite in DATA_DIR. */
export const ormConfig = (
  opts: { databaseUrl?: string; dataDir?: string; debug?: boolean; pool?: number } = {},
) => {
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  const common = {
    entities,
    extensions: [Migrator],
    migrations: {
      path: path.resolve(import.meta.dirname, 'db/migrations'),
      pathTs: path.resolve(import.meta.dirname, 'db/migrations'),
      migrationsList,
      silent: true,
      transactional: true,
      snapshot: false,
    },
    // never 'query-params': parameters are emails, names and payment method references
    debug: opts.debug ? (['query', 'info', 'discovery'] as LoggerNamespace[]) : false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
  };
  if (databaseUrl) {
    return definePg({ ...common, clientUrl: databaseUrl, pool: { min: 0, max: opts.pool ?? 10 } });
  }
  const dataDir = path.resolve(opts.dataDir ?? process.env.DATA_DIR ?? './.data');
  mkdirSync(dataDir, { recursive: true });
  let pglite: PGlite | undefined;
  return definePg({
    ...common,
    driver: PGliteDriver as never,
    dbName: 'postgres',
    driverOptions: {
      connection: {
        pglite: () => {
          pglite ??= new PGlite(path.join(dataDir, 'pg'));
          return pglite;
        },
      },
    },
  });
};

export default ormConfig();
