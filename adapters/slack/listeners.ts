import type { App, BlockAction, ButtonAction, InstallationStore } from '@slack/bolt';
import type { SlackDeps } from './deps.ts';
import { appUninstalled } from './handlers/app-uninstalled.ts';
import { buttonClick } from './handlers/button-click.ts';
import { formChanged } from './handlers/form-changed.ts';
import { formSubmit } from './handlers/form-submit.ts';
import { homeOpened } from './handlers/home-opened.ts';
import { peopleOptions } from './handlers/people-options.ts';
import { slashCommand } from './handlers/slash-command.ts';
import { FORM_CALLBACK_ID, FORM_INPUT } from './modal.ts';

/** Wires the handlers to Bolt; nothing else lives here. */
export const registerListeners = (app: App, d: SlackDeps, store: InstallationStore | null) => {
  app.command('/seats', slashCommand(d));
  // buttons carry an ActionId (`purchase.approve`, `noop`, with a `~n` suffix when repeated)
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: /^[a-z]+(\.[a-z_]+)*(~\d+)?$/ },
    buttonClick(d),
  );
  app.action<BlockAction>({ type: 'block_actions', action_id: FORM_INPUT }, formChanged(d));
  app.view(FORM_CALLBACK_ID, formSubmit(d));
  // people pickers (multi_external_select) ask for options on the same Request URL
  app.options({ type: 'block_suggestion', action_id: FORM_INPUT }, peopleOptions(d));
  app.event('app_home_opened', homeOpened(d));
  if (store) {
    app.event('app_uninstalled', appUninstalled(d, store));
    app.event('tokens_revoked', appUninstalled(d, store));
  }
  app.error(async (e) => {
    d.log.error({ err: e }, 'slack listener failed');
  });
};
