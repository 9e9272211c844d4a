/**
 * The HTTP+SSE transport of revision 2024-11-05: the client opens a long-lived SSE stream with GET, the
 * server names a POST URL in an `endpoint` event, the client POSTs each message there, and every server
 * message (responses included) arrives on the SSE stream as a `message` event. Traffic goes through the
 * connection's `Recorder` like on every other transport.
 */
import type http from 'node:http';
import { classify, idKey } from '../protocol/jsonrpc.ts';
import type { WireEntry } from '../protocol/recorder.ts';
import { HttpConnectionBase, HttpStatusError, type HttpExchange, type HttpOptions } from './http.ts';

export type LegacySseOptions = HttpOptions;

function describe(message: unknown): string {
  const body = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : {};
  const method = typeof body.method === 'string' ? `"${body.method}"` : 'a message';
  return Object.hasOwn(body, 'id') && typeof body.method === 'string'
    ? `${method} (id ${JSON.stringify(body.id)})`
    : method;
}

export class LegacySseTransport extends HttpConnectionBase {
  private readonly sseUrl: URL;
  private postUrl: URL | undefined;
  private abortStream: (() => void) | undefined;
  private closing: Promise<void> | undefined;
  /** Resolves when the SSE stream has ended (for whatever reason). */
  readonly streamEnded: Promise<void>;
  private markEnded!: () => void;

  private constructor(url: URL, options: LegacySseOptions) {
    super(options);
    this.sseUrl = url;
    this.streamEnded = new Promise((resolve) => (this.markEnded = resolve));
  }

  /**
   * Opens the SSE stream at `url` and resolves once the server's `endpoint` event has named the POST URL
   * (resolved against `url`). Rejects, leaving nothing open, on an HTTP refusal, a stream that ends first,
   * or no `endpoint` event within `timeoutMs`.
   */
  static async connect(url: string, options: LegacySseOptions = {}): Promise<LegacySseTransport> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`not a URL: ${JSON.stringify(url)}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`an SSE endpoint must be an http or https URL, got ${JSON.stringify(url)}`);
    }
    const transport = new LegacySseTransport(parsed, options);
    try {
      await transport.open();
    } catch (error) {
      await transport.close();
      throw error;
    }
    return transport;
  }

  get peer(): string {
    return this.sseUrl.href;
  }

  get url(): string {
    return this.sseUrl.href;
  }

  /** The POST URL the server named in its `endpoint` event. */
  get endpoint(): string | undefined {
    return this.postUrl?.href;
  }

  /** Aborts the stream and every POST, rejects waiting requests, destroys every socket. Never rejects. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.abortStream?.();
      await this.releaseAll('the connection was closed before a response arrived');
      this.markEnded();
    })();
    return this.closing;
  }

  private open(): Promise<void> {
    const headers = { Accept: 'text/event-stream', ...this.options.headers };
    const flight = this.startHttp('GET', this.sseUrl, headers);
    this.abortStream = () => flight.abort();
    const limit = this.options.timeoutMs;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error): void => {
        if (settled) return;
        settled = true;
        this.cancelTimer(timer);
        if (error) reject(error);
        else resolve();
      };
      const timer = this.later(() => {
        settle(new Error(`timeout: ${this.sseUrl.href} sent no \`endpoint\` event within ${limit} ms`));
        flight.abort();
      }, limit);
      flight.response.then(
        (res) => this.readStream(res, headers, settle),
        (error: Error) => settle(new Error(`GET ${this.sseUrl.href} failed: ${error.message}`)),
      );
    });
  }

  private async readStream(
    res: http.IncomingMessage,
    headers: Record<string, string>,
    settle: (error?: Error) => void,
  ): Promise<void> {
    const exchange = this.newExchange('GET', this.sseUrl, headers, res);
    if (exchange.status < 200 || exchange.status >= 300 || exchange.contentType !== 'text/event-stream') {
      const outcome = await this.readBody(res, { sse: false, keepBytes: 64 * 1024, context: 'the SSE stream' });
      exchange.body = outcome.text;
      this.markEnded();
      settle(
        new HttpStatusError(
          `GET ${this.sseUrl.href} did not open an SSE stream: HTTP ${exchange.status} (${exchange.headers['content-type'] ?? 'no Content-Type'})`,
          exchange.status,
          exchange,
        ),
      );
      return;
    }
    const outcome = await this.readBody(res, {
      sse: true,
      keepBytes: 64 * 1024,
      context: 'the SSE stream',
      onEvent: (event) => {
        if (event.id !== undefined) this.lastEventId = event.id;
        if (event.event === 'endpoint') {
          if (this.postUrl) {
            this.recorder.recordViolation('server-to-client', event.data, 'a second `endpoint` event; ignored');
            return;
          }
          try {
            this.postUrl = new URL(event.data.trim(), this.sseUrl);
            settle();
          } catch {
            this.recorder.recordViolation('server-to-client', event.data, 'the `endpoint` event does not hold a URL');
            settle(new Error(`the \`endpoint\` event of ${this.sseUrl.href} does not hold a URL`));
          }
        } else if (event.event === undefined || event.event === 'message') {
          if (event.data !== '') this.receive(event.data, exchange);
        } else {
          this.recorder.recordViolation(
            'server-to-client',
            event.data,
            `an SSE event of type ${JSON.stringify(event.event)}; HTTP+SSE defines only \`endpoint\` and \`message\``,
          );
        }
      },
    });
    exchange.body = outcome.text;
    this.markEnded();
    if (this.closed) return;
    const reason = outcome.error
      ? `the SSE stream broke off: ${outcome.error.message}`
      : outcome.overflow
        ? 'the SSE stream was cut off: an event exceeded the size limit'
        : 'the server ended the SSE stream';
    settle(new Error(`${reason} before the \`endpoint\` event`));
    this.failWaiters(`${reason} before the response arrived`);
    this.fail(undefined, new Error(reason));
  }

  protected deliver(body: string, message: unknown, entry: WireEntry): void {
    const kind = entry.message === undefined ? undefined : classify(entry.message);
    const id = kind?.kind === 'request' ? kind.id : undefined;
    const what = describe(message);
    const target = this.postUrl;
    if (!target) {
      this.fail(id, new Error(`cannot POST ${what}: the server named no endpoint`));
      return;
    }
    const headers = { 'Content-Type': 'application/json', ...this.options.headers };
    const flight = this.startHttp('POST', target, headers, body);
    if (id !== undefined) this.flightsById.set(idKey(id), flight);
    const timer = this.later(() => {
      flight.abort();
      this.fail(id, new Error(`timeout: the POST of ${what} got no answer within ${this.options.timeoutMs} ms`));
    }, this.options.timeoutMs);
    const done = (): void => {
      this.cancelTimer(timer);
      if (id !== undefined && this.flightsById.get(idKey(id)) === flight) this.flightsById.delete(idKey(id));
    };
    void flight.response.then(
      async (res) => {
        const exchange: HttpExchange = this.newExchange('POST', target, headers, res);
        this.keepExchange(id, exchange);
        const outcome = await this.readBody(res, { sse: false, keepBytes: 64 * 1024, context: `the POST of ${what}` });
        done();
        if (flight.aborted) return;
        exchange.body = outcome.text;
        if (outcome.overflow) {
          if (outcome.violation) exchange.entries.push(outcome.violation);
          this.fail(id, new Error(`the answer to the POST of ${what} exceeded the size limit`));
          return;
        }
        if (exchange.status >= 200 && exchange.status < 300) return; // the response comes on the stream
        if (this.absorbJsonBody(exchange, false) && !this.waiting(id)) return;
        this.note(`HTTP ${exchange.status} for ${what}: ${exchange.body.slice(0, 200)}`);
        this.fail(
          id,
          new HttpStatusError(
            `HTTP ${exchange.status} ${exchange.statusText} for the POST of ${what}: ${exchange.body.replace(/\s+/g, ' ').trim().slice(0, 200) || '(empty body)'}`,
            exchange.status,
            exchange,
          ),
        );
      },
      (error: Error) => {
        done();
        if (flight.aborted) return;
        this.fail(id, new Error(`POST of ${what} to ${target.href} failed: ${error.message}`));
      },
    );
  }
}
