import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';

/** `npm run db:migrate`: applies the committed migrations (also done at every start). */
const app = await buildApp(loadConfig());
const done = await app.orm.getMigrator().getExecutedMigrations();
console.log(`Database is at ${done.at(-1)?.name ?? 'no migration'} (${done.length} applied).`);
await app.close();
