import { type Response, Router } from 'express';

/** A small self-contained page: no scripts, nothing loaded from elsewhere. */
const page = (title: string, paragraphs: string[]) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Seatkeeper</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#222}code{background:#f2f2f2;padding:0 .25em}</style>
</head>
<body>
<h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</body>
</html>
`;

const SAVED = page('Payment method saved', [
  'Payment method saved. Your organization is being activated; go back to Slack or Teams.',
  'The bot tells you there as soon as it is ready. You can close this page.',
]);

const CANCELLED = page('No payment method saved', [
  'Checkout was cancelled: no payment method was saved and nothing was charged.',
  'To get a new link, go back to Slack or Teams and type <code>org create &lt;name&gt;</code> again with the same name; the bot shows the link again.',
]);

const send = (res: Response, html: string) => {
  res
    .status(200)
    .set({
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    })
    .type('html')
    .send(html);
};

/**
 * Where Stripe Checkout (setup mode) sends the payer back. The pages only say what happens next:
 * they change nothing and read nothing from the query string, because anyone can open a URL.
 * The organization is activated by Stripe's signed `checkout.session.completed` webhook.
 */
export const stripeReturnPages = () => {
  const r = Router();
  r.get('/stripe/setup-done', (_req, res) => send(res, SAVED));
  r.get('/stripe/setup-cancelled', (_req, res) => send(res, CANCELLED));
  return r;
};
