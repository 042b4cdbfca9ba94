import { isUtf8 } from 'node:buffer';
import { parse as parseForm } from 'node:querystring';
import express, { type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { verifySlackRequest } from './verify-request.ts';

/** Slack sends UTF-8; other bytes are refused (400 `encoding.invalid` for the server's error handler). */
const readRaw = express.raw({
  type: () => true,
  limit: '1mb',
  verify: (_req, _res, buf) => {
    if (!isUtf8(buf)) throw Object.assign(new Error('not UTF-8'), { status: 400, type: 'encoding.invalid' });
  },
});

/** Whether Bolt can parse the body: a form (its `payload` JSON), or JSON. */
const parsesLikeBolt = (body: string, contentType: string | undefined) => {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = parseForm(body);
      if (typeof form.payload === 'string') JSON.parse(form.payload);
    } else {
      JSON.parse(body);
    }
    return true;
  } catch {
    return false;
  }
};

/**
 * In front of Bolt on `POST /slack/events`: reads the raw body (at most 1 MB, UTF-8), refuses a
 * bad signature or a timestamp more than 5 minutes off (401, nothing runs), refuses a signed body
 * Bolt could not parse (400: Bolt would answer an empty 400 of its own), and answers Slack's retries
 * (`X-Slack-Retry-Num`) with 200 without running them again: the first delivery was already
 * acknowledged or is still running, so a retry would act twice. Bolt then parses the body we
 * hand it (`req.rawBody`) with its own signature check off.
 */
export const slackRequestGuard = (
  signingSecret: string,
  log: Logger,
  nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
): RequestHandler[] => [
  readRaw,
  (req, res, next) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verdict = verifySlackRequest({
      signingSecret,
      rawBody: raw.toString('utf8'),
      signature: req.header('x-slack-signature'),
      timestamp: req.header('x-slack-request-timestamp'),
      nowSeconds: nowSeconds(),
    });
    if (!verdict.ok) {
      log.warn({ reason: verdict.reason }, 'slack request refused');
      res.status(401).json({
        error: {
          code: 'unauthorized',
          message: 'This request is not signed by Slack.',
          next: 'Point only Slack at this URL, with the app’s signing secret in SLACK_SIGNING_SECRET.',
        },
      });
      return;
    }
    if (req.header('x-slack-retry-num')) {
      log.info(
        { retry: req.header('x-slack-retry-num'), reason: req.header('x-slack-retry-reason') },
        'slack retry dropped',
      );
      res.status(200).send();
      return;
    }
    if (!parsesLikeBolt(raw.toString('utf8'), req.header('content-type'))) {
      next(Object.assign(new Error('not a Slack payload'), { status: 400, type: 'entity.parse.failed' }));
      return;
    }
    (req as unknown as { rawBody: Buffer }).rawBody = raw;
    next();
  },
];
