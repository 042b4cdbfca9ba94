import type { Words } from '../i18n/words.ts';
import type { Button } from './reply.ts';

/**
 * Lines per page of each list, small enough that any page fits every platform (a Slack
 * message's 50 blocks and 3,000 characters per section, a Teams card's 28 KB and 5 actions per
 * set): each pending request brings two buttons.
 */
export const PAGE_SIZE = { members: 25, audit: 20, requests: 5 } as const;
export type ListName = keyof typeof PAGE_SIZE;

/** A line longer than this is cut with "…" (an audit entry with a large before/after). */
const MAX_LINE = 400;
export const clipLine = (s: string) => (s.length > MAX_LINE ? `${s.slice(0, MAX_LINE - 1)}…` : s);

export interface Page {
  /** 1-based, clamped to the last page */
  page: number;
  pages: number;
  offset: number;
  size: number;
  total: number;
}

export const pageOf = (list: ListName, page: number, total: number): Page => {
  const size = PAGE_SIZE[list];
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(1, page), pages);
  return { page: p, pages, offset: (p - 1) * size, size, total };
};

/** "26–50 of 1,006" */
export const pageRange = (p: Page, shown: number, w: Words) =>
  p.total === 0
    ? w.number(0)
    : w.t('commands_core.paging.range', {
        from: w.number(p.offset + 1),
        to: w.number(p.offset + shown),
        total: w.number(p.total),
      });

/** Previous / Next buttons: they run the same list at another page (`list.page`). */
export const pageButtons = (
  list: ListName,
  p: Page,
  args: Record<string, string | number | boolean> = {},
  w: Words,
): Button[] => {
  const out: Button[] = [];
  if (p.page > 1)
    out.push({
      // page numbers as typed in `--page <n>`: no grouping
      label: w.t('commands_core.paging.previous', { page: String(p.page - 1) }),
      action: 'list.page',
      payload: { list, ...args, page: p.page - 1 },
    });
  if (p.page < p.pages)
    out.push({
      label: w.t('commands_core.paging.next', { page: String(p.page + 1), pages: String(p.pages) }),
      action: 'list.page',
      payload: { list, ...args, page: p.page + 1 },
    });
  return out;
};
