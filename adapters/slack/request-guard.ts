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

/**
 * The body as Bolt would parse it (a form, with its `payload` JSON when there is one; or JSON),
 * or undefined when it cannot be parsed. Parsed here once: Bolt is handed the result.
 */
const parseLikeBolt = (body: string, contentType: string | undefined): unknown => {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = parseForm(body);
      return typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
    }
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

/**
 * In front of Bolt on `POST /slack/events`: reads the raw body (at most 1 MB, UTF-8), refuses a
 * bad signature or a timestamp more than 5 minutes off (401, nothing runs), refuses a signed body
 * Bolt could not parse (400: Bolt would answer an empty 400 of its own), and answers Slack's retries
 * (`X-Slack-Retry-Num`) with 200 without running them again: the first delivery was already
 * acknowledged or is still running, so a retry would act twice. The body is read, decoded and
 * parsed once, here: `req.body` is Bolt's parsed body, for the handler after this one.
 */
export const slackRequestGuard = (
  signingSecret: string,
  log: Logger,
  nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
): RequestHandler[] => [
  readRaw,
  (req, res, next) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const verdict = verifySlackRequest({
      signingSecret,
      rawBody: raw,
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
    const body = parseLikeBolt(raw, req.header('content-type'));
    if (body === undefined) {
      next(Object.assign(new Error('not a Slack payload'), { status: 400, type: 'entity.parse.failed' }));
      return;
    }
    req.body = body;
    next();
  },
  answerSlackChecks,
];

/** Slack's own probes of the Request URL (what Bolt's receiver answers before any listener). */
const answerSlackChecks: RequestHandler = (req, res, next) => {
  const body = req.body as { ssl_check?: unknown; type?: unknown; challenge?: unknown } | null;
  if (body?.ssl_check) {
    res.send();
    return;
  }
  if (body?.type === 'url_verification') {
    res.json({ challenge: body.challenge });
    return;
  }
  next();
};
