/**
 * URL inputs: `gdump http://127.0.0.1:6060/debug/pprof/goroutine?debug=2`.
 *
 * open.ts sends an argument here when it looks like `scheme://…`; node:http
 * and node:https are loaded when a URL is actually fetched, so file and stdin
 * runs never pay for them. Every failure is one line naming the URL, a GdumpError of kind 'input'.
 */
import { GdumpError } from '../errors.js';
import { escapeTerminal } from '../text/escape.js';
import { maskUserinfo } from '../text/secrets.js';
import { USER_AGENT } from '../version.js';
import type { InputSource } from './source.js';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { formatBytes } from '../text/numbers.js';

export interface HttpSettings {
  /** From the request until the TCP (and TLS) connection is up. */
  connectTimeoutMs: number;
  /** From the request until the last byte of the body. */
  timeoutMs: number;
  /** Largest body read; a bigger one stops the read with a message. */
  maxBytes: number;
}

export const DEFAULT_HTTP_SETTINGS: Readonly<HttpSettings> = {
  connectTimeoutMs: 5_000,
  timeoutMs: 60_000,
  maxBytes: 1 << 30,
};

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const MAX_REDIRECTS = 5;

export function isUrl(arg: string): boolean {
  return SCHEME.test(arg);
}

function inputError(message: string): GdumpError {
  return new GdumpError(message, 'input');
}

/**
 * What gdump fetches for an argument: a bare pprof base (`http://host:6060`,
 * `…/debug/pprof/`) means the goroutine dump with full stacks; anything else
 * is fetched as given (a profile endpoint without `debug` answers with the
 * binary form, which the loader decodes).
 */
export function resolveTarget(arg: string): URL {
  let url: URL;
  try {
    url = new URL(arg);
  } catch {
    throw inputError(`not a valid URL: ${escapeTerminal(arg)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw inputError(`${escapeTerminal(arg)}: only http:// and https:// URLs are supported`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '' || path === '/debug/pprof') {
    url.pathname = '/debug/pprof/goroutine';
    url.searchParams.set('debug', '2');
  }
  return url;
}

/** Why a request was stopped by gdump itself (set before destroying it). */
type Stop = 'connect' | 'total' | 'size' | 'cancel' | null;

/** One request in flight: the total timer runs until the body is read or the source is dropped. */
class Fetch {
  stop: Stop = null;
  private readonly total: NodeJS.Timeout;

  constructor(
    readonly req: ClientRequest,
    readonly url: URL,
    private readonly s: HttpSettings,
    deadline: number,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.total = setTimeout(() => this.abort('total'), Math.max(0, deadline - Date.now()));
    signal?.addEventListener('abort', this.cancel, { once: true });
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => this.abort('connect'), s.connectTimeoutMs);
      const clear = (): void => clearTimeout(timer);
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', clear);
      socket.once('close', clear);
    });
    if (signal?.aborted === true) this.abort('cancel');
  }

  abort(stop: Exclude<Stop, null>): void {
    this.stop ??= stop;
    this.req.destroy();
  }

  private readonly cancel = (): void => this.abort('cancel');

  close(): void {
    clearTimeout(this.total);
    this.signal?.removeEventListener('abort', this.cancel);
    this.req.destroy();
  }

  /** The one-line message for an error during the request or the body. */
  explain(e: unknown): GdumpError {
    if (e instanceof GdumpError) return e;
    const where = `cannot fetch ${this.url.href}`;
    switch (this.stop) {
      case 'connect':
        return inputError(`${where}: no connection within ${this.s.connectTimeoutMs / 1000}s (--connect-timeout)`);
      case 'total':
        return inputError(`${where}: no complete response within ${this.s.timeoutMs / 1000}s (--timeout)`);
      case 'cancel':
        return inputError(`${where}: interrupted`);
      case 'size':
        return inputError(`${where}: the response is larger than ${formatBytes(this.s.maxBytes)} (--max-bytes raises the limit)`);
      default:
        break;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED') return inputError(`${where}: connection refused (nothing listens on ${this.url.host})`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return inputError(`${where}: host not found: ${this.url.hostname}`);
    if (code === 'ECONNRESET') return inputError(`${where}: the connection was closed before the response was complete`);
    return inputError(`${where}: ${(e as Error).message}`);
  }
}

async function send(url: URL, s: HttpSettings, deadline: number, signal: AbortSignal | undefined): Promise<{ fetch: Fetch; res: IncomingMessage }> {
  const { request } = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const req = request(url, { headers: { 'user-agent': USER_AGENT, accept: '*/*' } });
  const fetch = new Fetch(req, url, s, deadline, signal);
  return new Promise((resolve, reject) => {
    req.on('error', (e) => {
      fetch.close();
      reject(fetch.explain(e));
    });
    req.on('response', (res) => resolve({ fetch, res }));
    req.end();
  });
}

/** The first line of an error body, escaped and cut short, for the message. */
async function firstLine(res: IncomingMessage): Promise<string> {
  let text = '';
  try {
    for await (const chunk of res) {
      text += (chunk as Buffer).toString('utf8');
      if (text.length > 4096 || text.includes('\n')) break;
    }
  } catch {
    // The status is the message; a body cut short only loses the detail.
  }
  const line = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return escapeTerminal(line.length > 200 ? `${line.slice(0, 200)}…` : line);
}

function looksHtml(contentType: string | undefined, head: Buffer): boolean {
  if (contentType !== undefined && /^\s*(text\/html|application\/xhtml)/i.test(contentType)) return true;
  return /^\s*(<!doctype html|<html[\s>])/i.test(head.subarray(0, 512).toString('latin1'));
}

/** Fetches a URL; `signal` abandons the request (watch's Ctrl-C) with an `interrupted` error. */
export async function openUrl(arg: string, s: HttpSettings = DEFAULT_HTTP_SETTINGS, signal?: AbortSignal): Promise<InputSource> {
  let url = resolveTarget(arg);
  const started = new Date();
  const deadline = started.getTime() + s.timeoutMs;
  for (let redirects = 0; ; redirects++) {
    const { fetch, res } = await send(url, s, deadline, signal);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && location !== undefined) {
      fetch.close();
      if (redirects === MAX_REDIRECTS) throw inputError(`cannot fetch ${url.href}: more than ${MAX_REDIRECTS} redirects`);
      url = resolveTarget(new URL(location, url).href);
      continue;
    }
    if (status < 200 || status >= 300) {
      const line = await firstLine(res);
      fetch.close();
      const hint = status === 404 ? notFoundHint(url, line) : '';
      throw inputError(`cannot fetch ${url.href}: HTTP ${status} ${res.statusMessage ?? ''}`.trimEnd() + (line !== '' ? `: ${line}` : '') + hint);
    }
    return bodySource(fetch, res, started, s);
  }
}

/**
 * Why a /debug/pprof URL gave 404, from the body: net/http/pprof answers
 * "Unknown profile" for a name it does not have (so pprof is there), while
 * Go's default handler answers "404 page not found" when nothing serves
 * /debug/pprof at all.
 */
function notFoundHint(url: URL, body: string): string {
  if (!url.pathname.startsWith('/debug/pprof')) return '';
  if (/unknown profile/i.test(body)) return ' (the service serves pprof but has no such profile: /debug/pprof/ lists those it has)';
  if (/^404 page not found$/i.test(body.trim())) return ' (nothing serves /debug/pprof there: does the service import net/http/pprof, on this port and mux?)';
  return '';
}

/** The body as an input source; the first chunk is read now, to turn an HTML page away before parsing. */
async function bodySource(fetch: Fetch, res: IncomingMessage, started: Date, s: HttpSettings): Promise<InputSource> {
  const url = fetch.url.href;
  const length = Number(res.headers['content-length'] ?? NaN);
  if (length > s.maxBytes) {
    fetch.close();
    throw inputError(`cannot fetch ${url}: the response is ${formatBytes(length)}, larger than ${formatBytes(s.maxBytes)} (--max-bytes raises the limit)`);
  }
  const body = res[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let head: IteratorResult<Buffer>;
  try {
    head = await body.next();
  } catch (e) {
    fetch.close();
    throw fetch.explain(e);
  }
  if (looksHtml(res.headers['content-type'], head.done === true ? Buffer.alloc(0) : head.value)) {
    fetch.close();
    throw inputError(`${url} returned an HTML page, not a goroutine dump or profile (try …/debug/pprof/goroutine?debug=2)`);
  }
  let consumed = false;
  return {
    // The name is printed (report headers, diff sources): never with a password in it.
    name: maskUserinfo(url),
    size: Number.isFinite(length) ? length : null,
    time: started,
    async *chunks() {
      if (consumed) throw new Error(`${url}: the response body can be read only once`);
      consumed = true;
      let bytes = 0;
      try {
        for (let r = head; r.done !== true; r = await body.next()) {
          bytes += r.value.length;
          if (bytes > s.maxBytes) {
            fetch.abort('size');
            throw fetch.explain(null);
          }
          yield r.value;
        }
        // A body that ended because gdump stopped it is not a complete dump.
        if (fetch.stop !== null) throw fetch.explain(null);
      } catch (e) {
        throw fetch.explain(e);
      } finally {
        fetch.close();
      }
    },
  };
}
