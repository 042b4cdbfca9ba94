import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, types } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { formMetadata, formValues, formWords, SUMMARY_BLOCK, summaryBlock } from '../modal.ts';

type ViewBlock = types.KnownBlock & { block_id?: string; label?: { text: string } };

/**
 * A choice changed in an open modal (leavers picked, an option ticked): the summary at the
 * bottom is redrawn from the current values with views.update, so the person sees what they
 * are about to submit. Slack keeps the inputs' state because their ids do not change.
 */
export const formChanged =
  (d: SlackDeps) =>
  async ({ body, ack, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const view = body.view;
    if (!view || view.type !== 'modal') return;
    const blocks = view.blocks as ViewBlock[];
    const values = formValues(view.state.values as never);
    const w = formWords(formMetadata.safeParse(safeJson(view.private_metadata)).data);
    const next = blocks.map((b) => (b.block_id === SUMMARY_BLOCK ? summaryBlock(blocks, values, w) : b));
    try {
      await client.views.update({
        view_id: view.id,
        hash: view.hash,
        view: {
          type: 'modal',
          callback_id: view.callback_id,
          title: view.title,
          ...(view.submit ? { submit: view.submit } : {}),
          ...(view.close ? { close: view.close } : {}),
          private_metadata: view.private_metadata,
          blocks: next,
        } as types.ModalView,
      });
    } catch (e) {
      // a newer update won the race (hash_conflict): that one shows the newer values
      d.log.warn({ err: e }, 'could not redraw the form summary');
    }
  };

const safeJson = (s: string) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return null;
  }
};
