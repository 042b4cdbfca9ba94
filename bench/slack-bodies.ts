import { signSlackRequest } from '../adapters/slack/verify-request.ts';

/**
 * What Slack sends, for the Slack ack bench: a slash command, a button click (`block_actions`)
 * and a modal submission (`view_submission`), as form bodies, and the signed headers of a body.
 */
export interface Who {
  team: string;
  user: string;
}

export const slashCommandBody = (w: Who, text: string, responseUrl: string) =>
  new URLSearchParams({
    token: 'deprecated',
    team_id: w.team,
    team_domain: 'acme',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: w.user,
    user_name: w.user.toLowerCase(),
    command: '/seats',
    text,
    api_app_id: 'A0SEATS',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: 'bench-trigger',
  }).toString();

const interactive = (payload: unknown) =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

/** A press of a button as our messages carry it: action_id = the action, value = its JSON payload. */
export const buttonClickBody = (
  w: Who,
  button: { actionId: string; value: Record<string, unknown>; label: string },
  responseUrl: string,
) =>
  interactive({
    type: 'block_actions',
    team: { id: w.team, domain: 'acme' },
    user: { id: w.user, team_id: w.team },
    api_app_id: 'A0SEATS',
    trigger_id: 'bench-trigger',
    container: { type: 'message', channel_id: 'C0GENERAL', message_ts: '1700000000.000100' },
    channel: { id: 'C0GENERAL' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: button.actionId,
        block_id: 'b1',
        value: JSON.stringify(button.value),
        text: { type: 'plain_text', text: button.label },
        action_ts: '1700000000.000200',
      },
    ],
  });

export interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: { type: string; block_id?: string; element?: { type: string } }[];
}

/**
 * The submission of a modal we opened (the view views.open was given), with `values` by field
 * name in the state shape Slack sends for each element type used by the forms benched.
 */
export const viewSubmissionBody = (w: Who, view: OpenedView, values: Record<string, string>) => {
  const state: Record<string, Record<string, unknown>> = {};
  for (const b of view.blocks) {
    if (b.type !== 'input' || !b.block_id || !b.element) continue;
    const v = values[b.block_id];
    const type = b.element.type;
    state[b.block_id] = {
      form_input:
        type === 'static_select'
          ? {
              type,
              selected_option: v === undefined ? null : { text: { type: 'plain_text', text: v }, value: v },
            }
          : { type, value: v ?? null },
    };
  }
  return interactive({
    type: 'view_submission',
    team: { id: w.team, domain: 'acme' },
    user: { id: w.user, team_id: w.team },
    api_app_id: 'A0SEATS',
    trigger_id: 'bench-trigger',
    view: {
      id: 'V1',
      team_id: w.team,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      blocks: view.blocks,
      state: { values: state },
      hash: 'h',
      title: { type: 'plain_text', text: 'Buy seats' },
    },
  });
};

/** Slack's headers for a body signed now (valid for 5 minutes: sign again for each load). */
export const signedHeaders = (secret: string, body: string) => {
  const ts = Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': signSlackRequest(secret, body, ts),
  };
};
