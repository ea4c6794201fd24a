/**
 * Secrets in what gdump prints: a URL given as `http://user:pass@host/…`
 * carries a password (or a token as the user name). Wherever a URL is
 * printed (report headers, errors, the watch view, JSON sources) its
 * userinfo is masked: `user:***@`, or `***@` for a user name alone.
 */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@]*)@/gi;

export function maskUserinfo(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(USERINFO, (_, scheme: string, info: string) => {
    const colon = info.indexOf(':');
    return `${scheme}${colon >= 0 ? `${info.slice(0, colon)}:***` : '***'}@`;
  });
}
