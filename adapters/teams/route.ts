import { isUtf8 } from 'node:buffer';
import express, { type Response } from 'express';
import type { TeamsBot } from './teams-bot.ts';

/** Bytes that are not UTF-8 are refused (400 `encoding.invalid` for the server's error handler). */
const utf8Only = (_req: unknown, _res: unknown, buf: Buffer) => {
  if (!isUtf8(buf)) throw Object.assign(new Error('not UTF-8'), { status: 400, type: 'encoding.invalid' });
};

/**
 * `POST /api/messages`. Unreadable bodies (not JSON, over 1 MB, not UTF-8) go to the server's
 * error handler as coded 4xx answers. botbuilder authenticates the Bot Framework token; a request it refuses
 * never reaches our logic. It answers a token signed by an unknown key with a 500; our contract
 * is 401 for every refused token, so a failure before the logic ran is reported as 401.
 */
export const teamsRoute = (bot: TeamsBot) => {
  const router = express.Router();
  router.post('/api/messages', express.json({ limit: '1mb', verify: utf8Only }), async (req, res) => {
    let reached = false;
    const out = {
      header: (name: string, value: string) => {
        res.header(name, value);
        return out;
      },
      status: (code: number) => {
        const refused = !reached && code >= 500;
        res.status(refused ? 401 : code);
        if (refused) res.locals.refused = true;
        return out;
      },
      send: (body: unknown) => {
        if (res.locals.refused || (!reached && res.statusCode === 401)) res.send('Unauthorized');
        else res.send(body);
        return out;
      },
      end: () => {
        if (!res.headersSent) res.end();
        return out;
      },
    };
    await bot.deps.adapter.process(req, out as unknown as Response, async (context) => {
      reached = true;
      await bot.run(context);
    });
  });
  return router;
};
