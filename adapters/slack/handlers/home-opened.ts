import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { runCommand } from '../../../src/commands/dispatch.ts';
import type { SlackDeps } from '../deps.ts';
import { homeView, notConnectedHome } from '../home-view.ts';
import { slackContext } from '../people.ts';

/** `app_home_opened` on the Home tab: publishes this person's view of their organization. */
export const homeOpened =
  (d: SlackDeps) =>
  async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    const who = await slackContext(d, client, teamId, event.user);
    const log = (e: unknown) => d.log.error({ err: e }, 'home view failed');
    // an unlinked workspace shows the core's one refusal line (status is refused there)
    const view =
      'refusal' in who
        ? notConnectedHome(who.refusal.text)
        : who.c.organizationId
          ? await homeView(who.c, log)
          : notConnectedHome((await runCommand(who.c, 'status', log)).text);
    await client.views.publish({ user_id: event.user, view });
  };
