import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { isPeopleSource, searchPeople } from '../../../src/commands/people.ts';
import type { SlackDeps } from '../deps.ts';
import { formMetadata } from '../modal.ts';
import { slackContext } from '../people.ts';

/** Slack shows at most 100 options per answer; typing more narrows the search. */
const PAGE = 100;

const none = { options: [] };

/**
 * block_suggestion: a people picker in an open modal asks for options as the person types. The
 * field's search comes from the modal's private_metadata, the organization from the workspace
 * link (the core's rule), and the answer is one page of the core's member search. A refusal
 * (not allowed, not linked) answers no options: the submission says why.
 */
export const peopleOptions =
  (d: SlackDeps) =>
  async ({ body, ack, client }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs) => {
    try {
      const meta = formMetadata.safeParse(JSON.parse(body.view?.private_metadata ?? 'null'));
      const source = meta.success ? meta.data.people?.[body.block_id] : undefined;
      if (!isPeopleSource(source)) return await ack(none);
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const who = await slackContext(d, client, teamId, body.user.id);
      if ('refusal' in who) return await ack(none);
      const r = await searchPeople(who.c, source, { query: body.value, limit: PAGE });
      await ack({
        options: r.options.map((o) => ({
          text: { type: 'plain_text', text: o.label.slice(0, 75), emoji: true },
          value: o.value.slice(0, 150),
        })),
      });
    } catch (e) {
      d.log.warn({ err: e }, 'people search failed');
      await ack(none);
    }
  };
