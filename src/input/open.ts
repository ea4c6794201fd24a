/**
 * The source an input argument names: a URL (`scheme://…`), standard input
 * (`-`), or a file.
 */
import { DEFAULT_HTTP_SETTINGS, isUrl, openUrl, type HttpSettings } from './http.js';
import { fileSource, stdinSource, type InputSource } from './source.js';

export interface OpenOptions {
  /** The limits of a fetch (--connect-timeout, --timeout, --max-bytes). */
  http?: HttpSettings;
  /** Abandons a fetch in flight (watch's Ctrl-C). */
  signal?: AbortSignal;
}

export async function openSource(arg: string, options: OpenOptions = {}): Promise<InputSource> {
  if (isUrl(arg)) return openUrl(arg, options.http ?? DEFAULT_HTTP_SETTINGS, options.signal);
  return arg === '-' ? stdinSource() : fileSource(arg);
}
