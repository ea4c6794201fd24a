/**
 * The shapes dumps arrive in at 3 a.m. — indented, tabs expanded,
 * double-spaced, tabs lost, behind docker compose / kubectl / CI-log
 * prefixes, gzip'd, CR-only, UTF-16 — made from every real dump (the
 * committed fixtures, whose groups the Go programs' truth files check, and
 * ../shared/realworld). Each shape must give the clean dump's groups (count
 * per site key), account for every input line, and report what was taken
 * off or decoded.
 */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { corpus, groupSummary, invariantProblem, readText, REALWORLD_NOTE } from '../hostile/corpus.js';
import { loadBytes } from './support.js';

interface Shape {
  name: string;
  /** The dump's text in this shape, as bytes. */
  make(text: string): Buffer;
  /** What the report must name as taken off or decoded (null: nothing need be reported). */
  reported: RegExp | null;
  /** Options the user gives for this shape. */
  strip?: RegExp;
}

/** `f` over every line, keeping the final newline (or its absence). */
function perLine(text: string, f: (line: string, i: number) => string): string {
  const lines = text.split('\n');
  const last = lines.pop()!;
  return lines.map((l, i) => f(l, i) + '\n').join('') + (last === '' ? '' : f(last, lines.length));
}

/** Tabs to spaces at 8-column stops, as a terminal or a web page shows them. */
function expandTabs(line: string): string {
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(8 - (out.length % 8)) : c;
  return out;
}

const utf8 = (t: string): Buffer => Buffer.from(t, 'utf8');
const indent = (n: number) => (t: string) => perLine(t, (l) => (l === '' ? '' : ' '.repeat(n) + l));
const ciStamp = (i: number): string => `${618283 + i} 2021-09-15T07:40:${String(15 + (i % 40)).padStart(2, '0')}.${String(1455272 + i).slice(0, 7)}Z `;

const SHAPES: readonly Shape[] = [
  { name: 'indented by 4 spaces', make: (t) => utf8(indent(4)(t)), reported: /indentation of 4 spaces/ },
  { name: 'indented by 8 spaces (a dump inside test output)', make: (t) => utf8(indent(8)(t)), reported: /indentation of 8 spaces/ },
  { name: 'tabs expanded to spaces', make: (t) => utf8(perLine(t, expandTabs)), reported: null },
  { name: 'indented by 8 spaces and tabs expanded', make: (t) => utf8(perLine(indent(8)(t), expandTabs)), reported: /indentation of 8 spaces/ },
  { name: 'double-spaced (a blank line after every line)', make: (t) => utf8(perLine(t, (l) => l + '\n')), reported: /double-spaced/ },
  { name: 'location lines without their tab', make: (t) => utf8(perLine(t, (l) => l.replace(/^\t/, ''))), reported: null },
  { name: 'docker compose logs prefix (svc-1  | )', make: (t) => utf8(perLine(t, (l) => `svc-1  | ${l}`)), reported: /docker compose/ },
  { name: 'kubectl logs --prefix ([pod/name/container] )', make: (t) => utf8(perLine(t, (l) => `[pod/api-7d9f8-x2k/server] ${l}`)), reported: /kubectl logs --prefix/ },
  {
    name: 'kubectl logs --prefix --timestamps (two stamps)',
    make: (t) => utf8(perLine(t, (l, i) => `[pod/api-7d9f8-x2k/server] 2024-11-27T15:00:${String(i % 60).padStart(2, '0')}.123456789Z ${l}`)),
    reported: /kubectl logs --prefix.*RFC 3339|RFC 3339.*kubectl logs --prefix/s,
  },
  { name: 'CI log page copy (618283 2021-09-15T07:40:15.1455272Z )', make: (t) => utf8(perLine(t, (l, i) => ciStamp(i) + l)), reported: /CI log/ },
  { name: 'a prefix gdump does not know, shared by every line (<app-7> )', make: (t) => utf8(perLine(t, (l) => `<app-7> ${l}`)), reported: /a prefix every line shares \("<app-7> "\)/ },
  {
    name: '--strip on top of a detected stamp',
    make: (t) => utf8(perLine(t, (l, i) => `2024-11-27T15:00:${String(i % 60).padStart(2, '0')}Z <app-7> ${l}`)),
    strip: /<app-\d+> /,
    reported: /RFC 3339.*--strip|--strip.*RFC 3339/s,
  },
  { name: 'gzip (dump.txt.gz)', make: (t) => gzipSync(utf8(t)), reported: /gzip/ },
  { name: 'CR-only line ends', make: (t) => utf8(t.replace(/\n/g, '\r')), reported: /CR-only/ },
  { name: 'CRLF line ends', make: (t) => utf8(t.replace(/\n/g, '\r\n')), reported: /CRLF/ },
  { name: 'UTF-16LE with a byte-order mark', make: (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]), reported: /UTF-16LE/ },
  { name: 'UTF-16BE with a byte-order mark', make: (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]), reported: /UTF-16BE/ },
  { name: 'UTF-8 with a byte-order mark', make: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(t)]), reported: /UTF-8 byte-order mark/ },
  { name: 'gzip of UTF-16LE with CR-only lines', make: (t) => gzipSync(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t.replace(/\n/g, '\r'), 'utf16le')])), reported: /gzip.*UTF-16LE.*CR-only/s },
];

describe('dump shapes: the same groups as the clean dump', () => {
  if (REALWORLD_NOTE !== null) it.skip(REALWORLD_NOTE);
  // Clean text dumps (the JSON-wrapped go test streams are wrappers already, tested in test/hostile).
  const dumps = corpus(300_000)
    .map((d) => ({ name: d.name, text: d.bytes.toString('utf8') }))
    .filter((d) => readText(d.text).stripped.length === 0 && readText(d.text).result.snapshots.length > 0);

  for (const shape of SHAPES) {
    it(`${shape.name}: ${dumps.length} real dumps`, async () => {
      for (const d of dumps) {
        const clean = readText(d.text);
        const r = await loadBytes(shape.make(d.text), shape.strip === undefined ? {} : { strip: shape.strip });
        const shaped = { result: r.result, stripped: [...(r.stripped ?? [])] };
        assert.deepEqual(groupSummary(shaped), groupSummary(clean), `${d.name} ${shape.name}`);
        if (shape.reported !== null) assert.match(shaped.stripped.join('\n'), shape.reported, `${d.name}: stripped ${JSON.stringify(shaped.stripped)}`);
      }
    });
  }

  it('line shapes account for every input line, and warnings name input lines', () => {
    const lineShapes = SHAPES.filter((s) => /indent|tabs|double|without|prefix|CI log/.test(s.name));
    for (const shape of lineShapes) {
      for (const d of dumps) {
        const text = shape.make(d.text).toString('utf8');
        assert.equal(invariantProblem(text, readText(text)), null, `${d.name} ${shape.name}`);
      }
    }
  });

  it('no final newline: a last line that ends whole is not warned as cut off', () => {
    let whole = 0;
    for (const d of dumps) {
      const text = d.text.replace(/\n+$/, '');
      const clean = readText(d.text);
      const r = readText(text);
      assert.deepEqual(groupSummary(r), groupSummary(clean), d.name);
      const cutWarnings = r.result.snapshots.flatMap((s) => s.warnings).filter((w) => /cut off/.test(w.message));
      const last = text.slice(text.lastIndexOf('\n') + 1);
      if (/:\d+ \+0x[\da-f]+$/.test(last)) {
        whole++;
        assert.deepEqual(cutWarnings, [], `${d.name}: ends with "${last}"`);
      }
    }
    assert.ok(whole >= 5, `only ${whole} dumps end with a location line`);
  });

  it('a leading space before the debug=1 profile header', () => {
    const profiles = dumps.filter((d) => /^\S+ profile: /m.test(d.text));
    assert.ok(profiles.length >= 5, `only ${profiles.length} count or heap profiles in the corpus`);
    for (const d of profiles) {
      const text = perLine(d.text, (l) => (/^\S+ profile: /.test(l) ? ` ${l}` : l));
      assert.deepEqual(groupSummary(readText(text)), groupSummary(readText(d.text)), d.name);
    }
  });
});
