import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ShellSession } from '../../adapters/shell/session.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { buildApp } from '../app.ts';
import { type Config, ConfigError, loadConfig, SHELL_DATA_DIR } from '../config.ts';

/**
 * `npm run shell -- --as alice@example.com`: try every command without a chat platform, on the
 * embedded database (seeded with the Acme demo on first run). Reads stdin line by line, so a
 * script can pipe commands in; on a terminal it is an interactive prompt.
 */
const main = async () => {
  const { values } = parseArgs({
    options: { as: { type: 'string', default: DEMO.owner } },
    allowPositionals: false,
  });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    ...process.env,
    DATA_DIR: process.env.DATA_DIR?.trim() || SHELL_DATA_DIR,
  });
  console.log(whereTheDataIs(config, Boolean(process.env.DATA_DIR?.trim())));
  const app = await buildApp(config);
  if (await seedDemo(app.ctx)) {
    console.log(
      `Seeded the demo organization ${DEMO.organization}: owner ${DEMO.owner}, admin ${DEMO.admin}, members ${DEMO.members.join(', ')}; ${DEMO.outsider} is not in it yet.`,
    );
  }
  const session = new ShellSession(app.ctx, values.as!.toLowerCase(), (e) => console.error(e));
  const tty = process.stdin.isTTY;
  if (tty)
    console.log(
      'Seatkeeper shell. Type `help`, `as <email>` to switch person, `click N` to press a button, `quit` to leave.',
    );
  const rl = createInterface({
    input: process.stdin,
    output: tty ? process.stdout : undefined,
    terminal: tty,
  });
  const ask = () => tty && rl.setPrompt(session.prompt || '> ') === undefined && rl.prompt();
  ask();
  for await (const line of rl) {
    if (/^(quit|exit)$/i.test(line.trim())) break;
    if (!tty && line.trim()) console.log(`${session.prompt || '> '}${line.trim()}`);
    for (const out of await session.handle(line)) console.log(out);
    ask();
  }
  rl.close();
  await app.close();
};

/** The first line: which data this shell works on, and whether `npm start` sees the same. */
const whereTheDataIs = (config: Config, dataDirGiven: boolean) =>
  config.DATABASE_URL
    ? 'Data: the PostgreSQL database of DATABASE_URL, shared by design with `npm start` and its worker on the same DATABASE_URL (the worker may deliver direct messages before the shell shows them).'
    : dataDirGiven
      ? `Data: the embedded database in ${resolve(config.DATA_DIR)} (from DATA_DIR); \`npm start\` uses ./.data unless given the same DATA_DIR.`
      : `Data: the shell's own embedded database in ${SHELL_DATA_DIR} (\`npm start\` uses ./.data; set DATA_DIR to choose another).`;

main().catch((e) => {
  console.error(e instanceof ConfigError ? `Configuration error: ${e.message}` : e);
  process.exit(1);
});
