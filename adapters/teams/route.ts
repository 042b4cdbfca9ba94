import { isUtf8 } from 'node:buffer';
import express, { type Response } from 'express';
import type { TeamsBot } from './teams-bot.ts';

/** Bytes that are not UTF-8 are refused (400 `encoding.invalid` for the server's error handler). */
const utf8Only = (_req: unknown, _res: unknown, buf: Buffer) => {
  if (!isUtf8(buf)) throw Object.assign(new Error('not UTF-8'), { status: 400, type: 'encoding.invalid' });
};

const coded = (code: string, message: string, next: string) => ({ error: { code, message, next } });
const UNAUTHORIZED = coded(
  'unauthorized',
  'This request does not carry a valid Bot Framework token for this bot.',
  'Point only the Azure Bot at this URL, with TEAMS_APP_ID set to its app id.',
);
const NOT_ACTIVITY = coded(
  'invalid_input',
  'Invalid input: the body is not a Bot Framework activity.',
  'Send the activity JSON the Bot Framework sends.',
);
const FAILED = coded(
  'internal',
  'Something went wrong on our side.',
  'Nothing to do: the Bot Framework tells the person it did not work.',
);

const isActivity = (b: unknown) =>
  typeof b === 'object' &&
  b !== null &&
  !Array.isArray(b) &&
  typeof (b as { type?: unknown }).type === 'string' &&
  (b as { type: string }).type !== '';

/**
 * `POST /api/messages`. Unreadable bodies (not JSON, over 1 MB, not UTF-8) go to the server's
 * error handler, a body that is not an activity is a 400; every refusal is a coded JSON error.
 * botbuilder authenticates the Bot Framework token; a request it refuses never reaches our
 * logic. It answers a token signed by an unknown key with a 500, and a failing turn with the
 * error's message; our contract is 401 for every refused token, so a failure before the logic
 * ran is reported as 401, and a failure after it as a generic 500 that tells nothing.
 */
export const teamsRoute = (bot: TeamsBot) => {
  const router = express.Router();
  router.post('/api/messages', express.json({ limit: '1mb', verify: utf8Only }), async (req, res) => {
    if (!isActivity(req.body)) {
      res.status(400).json(NOT_ACTIVITY);
      return;
    }
    let reached = false;
    const out = {
      header: (name: string, value: string) => {
        res.header(name, value);
        return out;
      },
      status: (code: number) => {
        res.status(!reached && code >= 500 ? 401 : code);
        return out;
      },
      send: (body: unknown) => {
        if (!reached && res.statusCode === 401) res.json(UNAUTHORIZED);
        else if (res.statusCode >= 500) res.json(FAILED);
        else res.send(body);
        return out;
      },
      end: () => {
        if (!res.headersSent) res.end();
        return out;
      },
    };
    try {
      await bot.deps.adapter.process(req, out as unknown as Response, async (context) => {
        reached = true;
        await bot.run(context);
      });
    } catch (e) {
      // botbuilder checks the activity's fields with zod before anything runs
      if (!reached && (e as Error | null)?.name === 'ZodError' && !res.headersSent) {
        res.status(400).json(NOT_ACTIVITY);
        return;
      }
      throw e;
    }
  });
  return router;
};
