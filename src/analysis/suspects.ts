/**
 * Leak suspects: which creation sites look like leaks, each with the facts
 * from the dump that say so. A site is a suspect when one of these holds
 * (checked in this order; the first that holds gives the verdict):
 *
 *   1. the runtime flagged its goroutines `(leaked)` (Go 1.26 leak detection),
 *      or they are records of a goroutineleak profile;
 *   2. it grew in every interval of a diff or watch series;
 *   2b. the runtime ended the program with `fatal error: all goroutines are
 *      asleep - deadlock!`: every goroutine parked there is stuck for good;
 *   3. two or more goroutines parked where nothing can ever wake them
 *      (`chan receive (nil chan)`, `select (no cases)`);
 *   4. two or more goroutines, all parked with no timeout (chan send or
 *      receive, sync.WaitGroup.Wait, sync.Cond.Wait, semacquire, mutexes),
 *      not started with one shared pointer (a pool's jobs channel), and
 *      either every creator has exited (nobody who started them is left),
 *      or a creator that keeps running (running, or woken by a timer) started
 *      two or more of them, and at least half;
 *   5. two or more goroutines, all in `select` for a minute or more (no
 *      timer case fired), not sharing a pointer, two or more of them (and at
 *      least half) started by one creator that keeps running.
 *
 * Never suspects: the runtime's own goroutines, and sites parked in IO wait,
 * sleep or syscalls (accept loops, keep-alive connections), which a peer or
 * a timer wakes. A pool started once by a creator that is itself parked
 * (a server's main waiting for shutdown) is healthy, as is one whose
 * workers share their jobs channel. Limits: the arguments of inlined frames
 * (`f(...)`) and closures are not printed, so the shared-pointer fact is
 * missing for them.
 */
import { waitJson, waitRange } from './wait.js';
import type { Frame } from '../model/frame.js';
import { entryFrame } from '../model/goroutine.js';
import type { CountSnapshot, Snapshot } from '../model/snapshot.js';
import type { FrameClassifier } from './frames.js';
import { siteKeyOf } from './keys.js';
import { recordMember } from './members.js';
import type { SiteFact, SiteFacts } from './site-facts.js';

/** Wait reasons that end only when another goroutine acts: no timeout of their own. */
const NO_TIMEOUT = new Set([
  'chan receive',
  'chan send',
  'chan receive (nil chan)',
  'chan send (nil chan)',
  'select (no cases)',
  'sync.WaitGroup.Wait',
  'sync.Cond.Wait',
  'sync.Mutex.Lock',
  'sync.RWMutex.Lock',
  'sync.RWMutex.RLock',
  'semacquire',
]);

/** How the runtime ends a program whose goroutines are all parked (runtime/proc.go checkdead). */
const DEADLOCK = 'fatal error: all goroutines are asleep - deadlock!';

/** Wait reasons nothing can end. */
const NEVER_WAKES = new Set(['chan receive (nil chan)', 'chan send (nil chan)', 'select (no cases)']);

export type Verdict = 'leaked-flag' | 'growing' | 'never-wakes' | 'no-timeout' | 'select-aged';

export interface SuspectEvidence {
  readonly count: number;
  /** count / all goroutines of the snapshot, in percent. */
  readonly share: number;
  readonly states: Readonly<Record<string, number>>;
  /** Goroutines flagged `(leaked)`. */
  readonly leaked: number;
  /** Wait ages in minutes, when the runtime printed one. */
  readonly waitMinutes: { readonly min: number; readonly max: number } | null;
  readonly identicalStacks: boolean;
  /** The creators: alive, of which keep running, and exited (not in the dump); the most started by one live creator. */
  readonly creators: { readonly alive: number; readonly running: number; readonly exited: number; readonly unknown: number; readonly mostByOne: number; readonly mostById: number | null };
  /** Grew in every interval of a series. */
  readonly growing: boolean;
}

export interface Suspect {
  /** The site key, as in the groups of `--json` (`entry ← creator file:line`). */
  readonly key: string;
  readonly entry: Frame | null;
  readonly createdBy: Frame | null;
  /** Where its goroutines wait: the first frame of the user's code, else the first outside the runtime. */
  readonly parkedAt: Frame | null;
  readonly verdict: Verdict;
  /** One fact from the input each, most telling first. */
  readonly reasons: readonly string[];
  readonly evidence: SuspectEvidence;
}

export interface SuspectOptions {
  /** The dump is a `fatal error: all goroutines are asleep - deadlock!`: nothing parked can wake. */
  deadlock?: boolean;
  /** Site keys that grew in every interval of a series (DiffSite.monotonic), with their counts per snapshot. */
  growing?: ReadonlyMap<string, readonly number[]>;
}

function statesText(states: ReadonlyMap<string, number>): string {
  const sorted = [...states].sort((a, b) => b[1] - a[1]);
  return sorted.length === 1 ? sorted[0]![0] : sorted.map(([s, n]) => `${s} ${n}`).join(', ');
}

function countAll(states: ReadonlyMap<string, number>, set: ReadonlySet<string>): number {
  let n = 0;
  for (const [s, c] of states) if (set.has(s)) n += c;
  return n;
}

function creatorsOf(site: SiteFact, facts: SiteFacts): SuspectEvidence['creators'] {
  let alive = 0;
  let running = 0;
  let exited = 0;
  let unknown = 0;
  let mostByOne = 0;
  let mostById: number | null = null;
  for (const [id, n] of site.creators) {
    if (id === null) unknown += n;
    else if (facts.goroutines.has(id)) {
      alive += n;
      const keeps = facts.keepsRunning(id);
      if (keeps) running += n;
      if (keeps && n > mostByOne) {
        mostByOne = n;
        mostById = id;
      }
    } else exited += n;
  }
  return { alive, running, exited, unknown, mostByOne, mostById };
}

function fmtShare(share: number): string {
  return `${share.toFixed(1)}%`;
}

function creatorName(facts: SiteFacts, id: number): string {
  const site = facts.goroutines.get(id)?.site;
  const fn = site === undefined ? '' : facts.sites.get(site)?.entry?.func.full ?? '';
  return fn === '' ? `goroutine ${id}` : `goroutine ${id} (${fn})`;
}

function verdictOf(site: SiteFact, e: SuspectEvidence, facts: SiteFacts, growth: readonly number[] | undefined, deadlock: boolean): { verdict: Verdict; why: string } | null {
  const { count } = e;
  if (site.leaked > 0) return { verdict: 'leaked-flag', why: `${site.leaked} of ${count} flagged (leaked) by the Go runtime's leak detection` };
  if (growth !== undefined) return { verdict: 'growing', why: `grew in every interval of the series: ${growth.join(' → ')}` };
  const parked = countAll(site.states, NO_TIMEOUT) + (site.states.get('select') ?? 0);
  if (deadlock && parked === count) return { verdict: 'never-wakes', why: `parked in ${statesText(site.states)}, and the runtime reported every goroutine asleep (deadlock): nothing can wake them` };
  if (count < 2) return null;
  const never = countAll(site.states, NEVER_WAKES);
  if (never === count) return { verdict: 'never-wakes', why: `all ${count} parked in ${statesText(site.states)}: nothing can wake them` };
  if (site.sharedPointers.size > 0) return null;
  const c = e.creators;
  const loops = c.mostById !== null && c.mostByOne >= 2 && 2 * c.mostByOne >= count ? `${c.mostByOne} started by ${creatorName(facts, c.mostById)}, which keeps running` : null;
  if (countAll(site.states, NO_TIMEOUT) === count) {
    if (c.exited === count) return { verdict: 'no-timeout', why: `parked in ${statesText(site.states)} with no timeout, and every creator has exited: nobody who started them is left` };
    if (loops !== null) return { verdict: 'no-timeout', why: `parked in ${statesText(site.states)} with no timeout; ${loops}` };
    return null;
  }
  if (site.states.get('select') === count && site.aged === count && loops !== null) {
    return { verdict: 'select-aged', why: `in select for ${waitRange(e.waitMinutes!.min, e.waitMinutes!.max)}+ min: no timer case fired; ${loops}` };
  }
  return null;
}

/** The leak suspects of a traceback snapshot, biggest first. */
export function tracebackSuspects(facts: SiteFacts, total: number, classifier: FrameClassifier, options: SuspectOptions = {}): Suspect[] {
  const out: Suspect[] = [];
  for (const site of facts.sites.values()) {
    // The runtime's own goroutines (GC workers, finalizers) are never the user's leak.
    if (site.entry !== null && classifier.kind(site.entry) === 'runtime') continue;
    const evidence: SuspectEvidence = {
      count: site.count,
      share: total > 0 ? (100 * site.count) / total : 0,
      states: Object.fromEntries(site.states),
      leaked: site.leaked,
      waitMinutes: waitJson(site),
      identicalStacks: site.identicalStacks,
      creators: creatorsOf(site, facts),
      growing: options.growing?.has(site.key) ?? false,
    };
    const v = verdictOf(site, evidence, facts, options.growing?.get(site.key), options.deadlock ?? false);
    if (v === null) continue;
    const reasons = [`${site.count} goroutine${site.count === 1 ? '' : 's'} (${fmtShare(evidence.share)})`, v.why];
    if (evidence.waitMinutes !== null && v.verdict !== 'select-aged') reasons.push(`waiting ${waitRange(evidence.waitMinutes.min, evidence.waitMinutes.max)} min`);
    if (site.count > 1 && site.identicalStacks) reasons.push('identical stacks');
    out.push({ key: site.key, entry: site.entry, createdBy: site.createdBy, parkedAt: classifier.topFrame(site.frames), verdict: v.verdict, reasons, evidence });
  }
  return out.sort((a, b) => b.evidence.count - a.evidence.count || (a.key < b.key ? -1 : 1));
}

/** A goroutineleak profile lists only leaked goroutines: every record's site is a suspect. */
export function leakProfileSuspects(s: CountSnapshot, classifier: FrameClassifier): Suspect[] {
  const bySite = new Map<string, Suspect>();
  const total = s.total;
  for (const r of s.records) {
    const m = recordMember(r);
    const key = siteKeyOf(m.frames, m.createdBy, m.parentId);
    const prev = bySite.get(key);
    const count = (prev?.evidence.count ?? 0) + r.count;
    const share = total > 0 ? (100 * count) / total : 0;
    const evidence: SuspectEvidence = {
      count,
      share,
      states: {},
      leaked: count,
      waitMinutes: null,
      identicalStacks: prev === undefined,
      creators: { alive: 0, running: 0, exited: 0, unknown: count, mostByOne: 0, mostById: null },
      growing: false,
    };
    const entry = entryFrame(m.frames, m);
    bySite.set(key, { key, entry, createdBy: null, parkedAt: classifier.topFrame(m.frames), verdict: 'leaked-flag', reasons: [`${count} goroutine${count === 1 ? '' : 's'} (${fmtShare(share)})`, 'in the goroutineleak profile: the runtime found them unreachable, blocked forever'], evidence });
  }
  return [...bySite.values()].sort((a, b) => b.evidence.count - a.evidence.count);
}

/** The suspects of any snapshot: tracebacks by their evidence, goroutineleak profiles by definition, other profiles none. */
export function snapshotSuspects(s: Snapshot, facts: SiteFacts, classifier: FrameClassifier, options: SuspectOptions = {}): Suspect[] {
  if (s.kind === 'count' && s.format === 'goroutineleak') return leakProfileSuspects(s, classifier);
  if (s.kind === 'traceback') return tracebackSuspects(facts, s.total, classifier, { ...options, deadlock: s.messages.some((m) => m.startsWith(DEADLOCK)) });
  return [];
}
