import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackDeps } from './deps.ts';
import { buttonClick } from './handlers/button-click.ts';
import { formSubmit } from './handlers/form-submit.ts';
import { homeOpened } from './handlers/home-opened.ts';
import { slashCommand } from './handlers/slash-command.ts';
import { FORM_CALLBACK_ID } from './modal.ts';

/** Wires the handlers to Bolt; nothing else lives here. */
export const registerListeners = (app: App, d: SlackDeps) => {
  app.command('/seats', slashCommand(d));
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions' }, buttonClick(d));
  app.view(FORM_CALLBACK_ID, formSubmit(d));
  app.event('app_home_opened', homeOpened(d));
  app.error(async (e) => {
    d.log.error({ err: e }, 'slack listener failed');
  });
};
