/**
 * What the leak suspects and the spawn tree are built from, gathered one
 * goroutine at a time (so it works while the grammar streams and the
 * grouping drops goroutines): per creation site, the states, wait ages,
 * `(leaked)` flags, the creators' ids and whether the stacks and the
 * pointer arguments of the entry frame agree; per goroutine, its site and
 * state (is a creator alive, and does it keep running?); and from the
 * `[originating from goroutine N]` blocks of GODEBUG=tracebackancestors, the
 * sites of creators that have exited.
 *
 * Memory: one small record per goroutine (id → site, state), as the
 * groups' id lists already hold one number per goroutine.
 */
import { addWait } from './wait.js';
import type { Frame } from '../model/frame.js';
import { entryFrame, type Goroutine } from '../model/goroutine.js';
import type { Snapshot } from '../model/snapshot.js';
import { FrameClassifier } from './frames.js';
import { keyFunctions, siteKeyOf } from './keys.js';
import { goroutineMember } from './members.js';

/** A goroutine as the spawn tree and the creator checks need it. */
export interface GoroutineFact {
  readonly site: string;
  readonly state: string;
  readonly waitMinutes: number | null;
  readonly parentId: number | null;
}

/** A creator known only from an ancestor block: it had exited (or is listed again) when the dump was taken. */
export interface AncestorFact {
  readonly site: string;
  readonly entry: Frame | null;
  readonly createdBy: Frame | null;
  readonly parentId: number | null;
}

export interface SiteFact {
  readonly key: string;
  readonly entry: Frame | null;
  /** The `go` statement. */
  readonly createdBy: Frame | null;
  count: number;
  readonly states: Map<string, number>;
  /** Goroutines the runtime flagged `(leaked)` (Go 1.26 goroutine leak detection). */
  leaked: number;
  /** Goroutines whose header carried a wait age (waiting a minute or more). */
  aged: number;
  waitMin: number | null;
  waitMax: number | null;
  /** Creator goroutine id → goroutines of this site it started (null: the dump does not say, Go ≤ 1.20). */
  readonly creators: Map<number | null, number>;
  /** Every member's stack has the same functions at the same lines as the first. */
  identicalStacks: boolean;
  /**
   * Pointer arguments of the entry frame that every member shares (position → value), e.g. one
   * jobs channel handed to each worker of a pool. Empty when none is shared or none is printed.
   */
  sharedPointers: Map<number, string>;
  /** The first member's frames (what the identical-stacks check compares against). */
  readonly frames: readonly Frame[];
}

/** An argument the runtime printed exactly (no `?`) that looks like an address: heap pointers differ per object. */
const POINTER = /^0x[0-9a-f]{5,}$/;

/** The top-level arguments of a frame's argument text: `0xc0, {0x1, 0x2}, 0x5?` → `0xc0`, `{0x1, 0x2}`, `0x5?`. */
export function topLevelArgs(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(args.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (args.trim() !== '') out.push(args.slice(start).trim());
  return out;
}

function pointerArgs(entry: Frame | null): Map<number, string> {
  const out = new Map<number, string>();
  if (entry === null || entry.args === '...') return out;
  topLevelArgs(entry.args).forEach((a, i) => {
    if (POINTER.test(a)) out.set(i, a);
  });
  return out;
}

function sameStack(a: readonly Frame[], b: readonly Frame[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.func !== b[i]!.func && (a[i]!.func.full !== b[i]!.func.full || a[i]!.line !== b[i]!.line)) return false;
  return true;
}

export class SiteFacts {
  readonly sites = new Map<string, SiteFact>();
  /** Every goroutine of the dump by id: the creators that are alive. */
  readonly goroutines = new Map<number, GoroutineFact>();
  /** Creators known from ancestor blocks, by id. */
  readonly ancestors = new Map<number, AncestorFact>();

  /** --group-by site's key function: it makes each site's key string once, not once per goroutine. */
  private readonly siteKey = keyFunctions('site', { similarity: 'pointers', creators: true, classifier: new FrameClassifier(null) }).exact;

  readonly add = (g: Goroutine): void => {
    const entry = entryFrame(g.frames, g);
    const key = this.siteKey(goroutineMember(g));
    let site = this.sites.get(key);
    if (site === undefined) {
      site = {
        key,
        entry,
        createdBy: g.createdBy,
        count: 0,
        states: new Map(),
        leaked: 0,
        aged: 0,
        waitMin: null,
        waitMax: null,
        creators: new Map(),
        identicalStacks: true,
        sharedPointers: pointerArgs(entry),
        frames: g.frames,
      };
      this.sites.set(key, site);
    } else {
      if (site.identicalStacks && !sameStack(site.frames, g.frames)) site.identicalStacks = false;
      if (site.sharedPointers.size > 0) {
        const mine = pointerArgs(entry);
        for (const [i, v] of site.sharedPointers) if (mine.get(i) !== v) site.sharedPointers.delete(i);
      }
    }
    site.count++;
    site.states.set(g.state, (site.states.get(g.state) ?? 0) + 1);
    if (g.flags.includes('leaked')) site.leaked++;
    if (g.waitMinutes !== null) site.aged++;
    addWait(site, g.waitMinutes);
    site.creators.set(g.parentId, (site.creators.get(g.parentId) ?? 0) + 1);
    this.goroutines.set(g.id, { site: key, state: g.state, waitMinutes: g.waitMinutes, parentId: g.parentId });
    // Ancestor blocks, nearest first: each one's creator is the next block (or its own `in goroutine N`).
    g.ancestors.forEach((a, i) => {
      if (this.ancestors.has(a.id)) return;
      const next = g.ancestors[i + 1];
      this.ancestors.set(a.id, { site: siteKeyOf(a.frames, a.createdBy, a.parentId), entry: entryFrame(a.frames, a), createdBy: a.createdBy, parentId: next?.id ?? a.parentId });
    });
  };

  /** A creator goroutine is alive and keeps running: running, runnable, or parked where it wakes by itself (a timer) and has not waited a minute. */
  keepsRunning(id: number): boolean {
    const g = this.goroutines.get(id);
    if (g === undefined) return false;
    if (g.state === 'running' || g.state === 'runnable' || g.state.startsWith('running ')) return true;
    return (g.state === 'select' || g.state === 'sleep') && g.waitMinutes === null;
  }
}

/** The facts of a snapshot whose goroutines are all at hand (not folded away). */
export function siteFactsOf(s: Snapshot): SiteFacts {
  const facts = new SiteFacts();
  if (s.kind === 'traceback') for (const g of s.goroutines) facts.add(g);
  return facts;
}

/** SiteFacts for every traceback snapshot of a load, gathered as the grammar streams its goroutines. */
export class SiteFactsFolder {
  private readonly bySnapshot = new Map<Snapshot, SiteFacts>();

  /** Pass to the parser next to (before) the grouping fold: it keeps nothing of the goroutine but its facts. */
  readonly onGoroutine = (g: Goroutine, s: Snapshot): void => {
    let facts = this.bySnapshot.get(s);
    if (facts === undefined) this.bySnapshot.set(s, (facts = new SiteFacts()));
    facts.add(g);
  };

  /** The facts of a snapshot: gathered while streaming, else read off its kept goroutines. */
  of(s: Snapshot): SiteFacts {
    return this.bySnapshot.get(s) ?? siteFactsOf(s);
  }
}
