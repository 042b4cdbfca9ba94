import { seedDemo } from '../../db/seeders/demo.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';

/** `npm run db:seed`: migrate, then add the demo organization if the database has none. */
const app = await buildApp(loadConfig());
const seeded = await seedDemo(app.ctx);
console.log(
  seeded
    ? 'Seeded the demo organization Acme (owner alice@example.com).'
    : 'The database already has data; nothing seeded.',
);
await app.close();
