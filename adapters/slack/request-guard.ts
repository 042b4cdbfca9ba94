import express, { type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { verifySlackRequest } from './verify-request.ts';

const readRaw = express.raw({ type: () => true, limit: '1mb' });

/**
 * In front of Bolt on `POST /slack/events`: reads the raw body, refuses a bad signature or a
 * timestamp more than 5 minutes off (401, nothing runs), and answers Slack's retries
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
      res.status(401).send();
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
    (req as unknown as { rawBody: Buffer }).rawBody = raw;
    next();
  },
];
