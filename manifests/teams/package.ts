import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { zip } from './zip.ts';

/**
 * `npm run teams:package`: builds the Teams app package to upload (dist/teams-app.zip, or
 * `--out <file>`): manifest.json with the app id and public host filled in, and the two icons,
 * all at the zip's root.
 */
const env = z.object({
  TEAMS_APP_ID: z
    .string('is not set: use the Microsoft App ID of your Azure bot')
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      'must be the bot’s Microsoft App ID (a GUID)',
    ),
  PUBLIC_URL: z.url('must be a URL such as https://seatkeeper.example.com').default('https://localhost:3000'),
});

const here = (f: string) => new URL(f, import.meta.url);

const main = () => {
  const parsed = env.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    console.error(`Configuration error: ${issue.path.join('.')} ${issue.message}`);
    process.exit(1);
  }
  const { TEAMS_APP_ID, PUBLIC_URL } = parsed.data;
  const vars: Record<string, string> = {
    TEAMS_APP_ID: TEAMS_APP_ID.toLowerCase(),
    PUBLIC_HOST: new URL(PUBLIC_URL).host,
  };
  // placeholders are written ${{NAME}} in manifest.json
  const manifest = readFileSync(here('./manifest.json'), 'utf8').replace(
    /\$\{\{(\w+)\}\}/g,
    (_, name: string) => {
      const value = vars[name];
      if (value === undefined) throw new Error(`manifest.json names an unknown placeholder ${name}`);
      return value;
    },
  );
  JSON.parse(manifest); // a broken template fails here, not in Teams
  const i = process.argv.indexOf('--out');
  const out = resolve(i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : 'dist/teams-app.zip');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    zip([
      { name: 'manifest.json', data: Buffer.from(manifest) },
      { name: 'color.png', data: readFileSync(here('./color.png')) },
      { name: 'outline.png', data: readFileSync(here('./outline.png')) },
    ]),
  );
  console.log(`Wrote ${out}: upload it in Teams (Apps → Manage your apps → Upload an app).`);
};

main();
