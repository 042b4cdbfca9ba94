import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The container files as operators read them (CI cannot run Docker: .ci/rehearse-dockerfile.ts
 * runs the Dockerfile's steps; this checks what only Docker itself would act on).
 */
const read = (f: string) => readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8');
const dockerfile = read('Dockerfile');
const compose = read('compose.yaml');
const pkg = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  engines: { node: string };
};

/** a top-level service's block of compose.yaml */
const service = (name: string) => {
  const m = new RegExp(`^  ${name}:\\n((?:    .*\\n|\\n)*)`, 'm').exec(compose);
  expect(m, `service ${name} in compose.yaml`).not.toBeNull();
  return m![1]!;
};

describe('Dockerfile', () => {
  it('builds in one stage and runs in another, on a Node major that engines allows', () => {
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]!);
    expect(froms).toHaveLength(2);
    const major = /^node:(\d+)-/.exec(froms[1]!)?.[1];
    expect(pkg.engines.node).toContain(`^${major}.`);
    expect(dockerfile).toMatch(/^FROM \S+ AS build$/m);
  });

  it('runs the compiled build as a non-root user, with a health check on /healthz', () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\/healthz/m);
    expect(dockerfile).toMatch(/^CMD \["node", "--enable-source-maps", "dist\/src\/main\.js"\]$/m);
    expect(dockerfile).toMatch(/^ENV NODE_ENV=production$/m);
    expect(dockerfile).toMatch(/^RUN npm prune --omit=dev/m);
  });
});

describe('compose.yaml', () => {
  it('two bot replicas with the worker off, sharing one PostgreSQL', () => {
    const bot = service('bot');
    expect(bot).toMatch(/replicas: 2/);
    expect(bot).toMatch(/WORKER: "off"/);
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\/seatkeeper:\S+@postgres:5432\/seatkeeper/);
    expect(service('postgres')).toMatch(/image: postgres:/);
  });

  it('one worker running the compiled worker, and a one-off migration before both', () => {
    const worker = service('worker');
    expect(worker).not.toMatch(/replicas/);
    expect(worker).toContain('dist/src/jobs/main.js');
    expect(pkg.scripts['start:worker:prod']).toContain('dist/src/jobs/main.js');
    expect(service('migrate')).toContain('dist/src/cli/migrate.js');
    expect(compose).toMatch(/migrate:\n\s+condition: service_completed_successfully/);
  });
});
