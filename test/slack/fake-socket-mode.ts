import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';

/** An envelope the app acknowledged: its id and the payload it answered with. */
export interface Ack {
  envelope_id: string;
  // biome-ignore lint/suspicious/noExplicitAny: acks are read loosely
  payload?: any;
}

/**
 * Slack's Socket Mode side on loopback: a real WebSocket server. Each connection (the URL
 * apps.connections.open handed out, with a ticket per connection) gets `hello`, then the
 * envelopes the test sends; what the app sends back are acks, recorded by envelope id.
 */
export class FakeSocketMode {
  readonly acks: Ack[] = [];
  /** the tickets of the connections made, in order */
  readonly connections: string[] = [];
  private http!: Server;
  private wss!: WebSocket.Server;
  private current: WebSocket | null = null;
  private seq = 0;
  private base = '';

  async start() {
    this.http = createServer((_req, res) => res.writeHead(404).end());
    this.wss = new WebSocket.Server({ server: this.http });
    this.wss.on('connection', (socket, req) => {
      const ticket = new URL(req.url ?? '/', this.base).searchParams.get('ticket') ?? '';
      this.connections.push(ticket);
      this.current = socket;
      socket.on('message', (data) => {
        const msg = JSON.parse(String(data)) as Ack;
        if (msg.envelope_id) this.acks.push(msg);
      });
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          connection_info: { app_id: 'A0SEATS' },
          debug_info: { host: 'loopback', approximate_connection_time: 3600 },
        }),
      );
    });
    await new Promise<void>((r) => this.http.listen(0, '127.0.0.1', r));
    this.base = `ws://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
    return this;
  }

  /** a fresh connection URL, as apps.connections.open returns it */
  url = () => `${this.base}/link/?ticket=t${++this.seq}`;

  get connected() {
    return this.current?.readyState === WebSocket.OPEN;
  }

  /** sends an envelope on the open connection; its id */
  send(type: string, payload: unknown, extra: Record<string, unknown> = {}) {
    if (!this.current || this.current.readyState !== WebSocket.OPEN) throw new Error('no open connection');
    const envelope_id = `env-${++this.seq}`;
    this.current.send(
      JSON.stringify({ envelope_id, type, payload, accepts_response_payload: true, ...extra }),
    );
    return envelope_id;
  }

  /** the connection drops without a goodbye (a network blip, a recycled Slack host) */
  drop() {
    this.current?.terminate();
    this.current = null;
  }

  async ackOf(envelopeId: string, ms = 5000): Promise<Ack> {
    return this.waitFor(() => this.acks.find((a) => a.envelope_id === envelopeId), ms);
  }

  async waitFor<T>(check: () => T | undefined | null | false, ms = 5000): Promise<T> {
    const until = Date.now() + ms;
    for (;;) {
      const v = check();
      if (v) return v;
      if (Date.now() > until) throw new Error('timed out waiting on the Socket Mode connection');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async close() {
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
    await new Promise<void>((r) => this.http.close(() => r()));
  }
}
