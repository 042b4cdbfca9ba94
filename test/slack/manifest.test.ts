import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../adapters/slack/slack-app.ts';

const manifest = readFileSync(new URL('../../manifests/slack/manifest.yaml', import.meta.url), 'utf8');

describe('the Slack app manifest', () => {
  it('asks for exactly the bot scopes the OAuth install requests', () => {
    const bot = /bot:\n((?:\s+- .+\n)+)/.exec(manifest)![1]!;
    expect(
      bot
        .trim()
        .split('\n')
        .map((l) => l.trim().replace(/^- /, '')),
    ).toEqual(BOT_SCOPES);
  });

  it('points the slash command, interactivity, select menu options and events at the one Request URL, with App Home on', () => {
    expect(manifest.match(/url: https:\/\/YOUR-PUBLIC-URL\/slack\/events/g)).toHaveLength(4);
    expect(manifest).toMatch(/message_menu_options_url: https:\/\/YOUR-PUBLIC-URL\/slack\/events/);
    expect(manifest).toMatch(/command: \/seats/);
    expect(manifest).toMatch(/home_tab_enabled: true/);
    expect(manifest).toMatch(/bot_events:\n\s+- app_home_opened/);
    expect(manifest).toMatch(/- https:\/\/YOUR-PUBLIC-URL\/slack\/oauth_redirect/);
  });
});

describe('the Socket Mode manifest', () => {
  const socket = readFileSync(new URL('../../manifests/slack/manifest.socket.yaml', import.meta.url), 'utf8');
  /** the manifest without its leading comment */
  const body = (m: string) => m.slice(m.indexOf('display_information:'));

  it('turns Socket Mode on and names no request URL', () => {
    expect(socket).toMatch(/socket_mode_enabled: true/);
    expect(body(socket)).not.toMatch(/url:/);
    expect(manifest).toMatch(/socket_mode_enabled: false/);
  });

  it('is the HTTP manifest otherwise: same command, scopes, App Home and interactivity', () => {
    const withoutUrls = (m: string) =>
      body(m)
        .split('\n')
        .filter(
          (l) =>
            !/url|redirect_urls|oauth_redirect|app_uninstalled|tokens_revoked|socket_mode_enabled/.test(l),
        )
        .join('\n');
    expect(withoutUrls(socket)).toBe(withoutUrls(manifest));
  });
});
