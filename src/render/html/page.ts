/**
 * The report as one HTML file: the template, its stylesheet and viewer
 * inlined, the data embedded as JSON. Nothing is fetched: no CDN, no fonts.
 *
 * The data sits in a `<script type="application/json">`, which the browser
 * does not run; every `<` in it is written `\u003c`, so no string from the
 * dump can close that element (`</script>`) or open a comment. The only
 * dump text in the markup itself is the title, HTML-escaped. A Content
 * Security Policy allows the viewer script (by its hash) and nothing else:
 * no other script, no network.
 */
import { createHash } from 'node:crypto';
import type { ReportData } from './data.js';
import { REPORT_CSS } from './style.js';
import { REPORT_JS } from './viewer.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** JSON that can stand inside a script element: `<`, `>`, `&` and the JS line separators as \u escapes. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

export function renderReportHtml(data: ReportData): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src ${scriptHash(REPORT_JS)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(data.title)} · gdump report</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main id="gdump"><noscript>This report needs JavaScript to show its tables; the data is in the gdump-data element of this file.</noscript></main>',
    `<script type="application/json" id="gdump-data">${embedJson(data)}</script>`,
    `<script>${REPORT_JS}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
