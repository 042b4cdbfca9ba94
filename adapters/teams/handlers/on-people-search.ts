import type { TurnContext } from 'botbuilder';
import { isPeopleSource, searchPeople } from '../../../src/commands/people.ts';
import type { BotDeps } from '../deps.ts';
import { PEOPLE_DATASET } from '../render-dialog.ts';
import { teamsTurn } from '../turn-context.ts';

type Query = { count: number; skip: number; parameters: { queryText: string; dataset: string } };

/** Teams asks for a page at a time; more than this is never useful in a typeahead. */
const MAX_PAGE = 100;

/**
 * application/search: a people picker in a dialog asks for matches as the person types. The
 * dataset names the core search, the tenant's link names the organization, and the answer is one
 * page of the core's member search. A refusal answers nothing: the submission says why.
 */
export const onPeopleSearch =
  (deps: BotDeps) =>
  async (
    context: TurnContext,
    _state: unknown,
    query: Query,
  ): Promise<{ title: string; value: string }[]> => {
    const source = query.parameters.dataset.slice(PEOPLE_DATASET.length);
    if (!isPeopleSource(source)) return [];
    try {
      const turn = await teamsTurn(deps, context);
      const r = await searchPeople(turn.c, source, {
        query: query.parameters.queryText,
        offset: Math.max(0, query.skip),
        limit: Math.min(MAX_PAGE, Math.max(1, query.count)),
      });
      return r.options.map((o) => ({ title: o.label, value: o.value }));
    } catch (e) {
      deps.log(e);
      return [];
    }
  };
