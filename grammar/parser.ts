/**
 * The grammar of every text dump gdump reads, one rule per production.
 * Tokens are whole lines (tokens.ts), so each rule reads as the runtime's
 * output format. Sample lines and the Go versions that print them are in
 * lines.ts and ../shared/FORMATS.md.
 *
 * The top level accepts every line kind, so the parser never fails: lines
 * outside a goroutine or record (log lines, `panic: …`, the frames of a
 * `runtime stack:` block, register dumps) become `noise` events, and the
 * snapshot builder decides what they mean. Embedded actions build the model
 * directly; no CST is kept.
 */
import { EmbeddedActionsParser, type IOrAlt, type IToken } from 'chevrotain';
import type { Frame } from '../src/model/frame.js';
import type { Ancestor, Goroutine, Labels } from '../src/model/goroutine.js';
import {
  makeFrame,
  readAncestorId,
  readCall,
  readCreatedBy,
  readElided,
  readHeader,
  readLocation,
  readProfileFrame,
  readProfileHeader,
  readProfileLabels,
  readRecord,
  type CallFields,
  type ProfileHeaderFields,
} from './fields.js';
import { Interner } from './intern.js';
import { FramePairs } from './pairs.js';
import {
  allTokens,
  AncestorHeader,
  BlankLine,
  CallLine,
  CreatedByLine,
  endOf,
  FramesElidedLine,
  GoroutineHeader,
  lineOf,
  LocationLine,
  OtherLine,
  pairOf,
  ProfileComment,
  ProfileFrame,
  ProfileHeader,
  ProfileLabels,
  ProfileRecord,
  ProfileSetting,
  StackUnavailable,
} from './tokens.js';

/** A record line of any profile with its `#` lines: the values before `@` depend on the profile. */
export interface RawRecord {
  values: number[];
  pcs: string[];
  labels: Labels | null;
  frames: Frame[];
  /** The `@` line as the grammar counts lines: what warnings about the record name (settled later with every warning). */
  line: number;
  /** The `@` line in the input, stored in the record (the snapshot builder maps it when a wrapper changed the lines). */
  inputLine: number;
}

/** What the grammar reports, in input order. */
export interface DumpEvents {
  goroutine(g: Goroutine, gluedPrefix: string): void;
  profileHeader(header: ProfileHeaderFields, line: number, text: string): void;
  /** `cycles/second=N`, `sampling period=N`, and `# Name = value` comment lines. */
  profileSetting(text: string, line: number): void;
  record(record: RawRecord): void;
  /** A line that is not part of a dump, or a dump line standing where it means nothing. */
  noise(text: string, line: number): void;
  blank(line: number): void;
  warning(line: number, message: string): void;
}

interface StackAcc {
  frames: Frame[];
  elided: number;
  unavailable: boolean;
}

interface CreatorAcc {
  frame: Frame;
  parentId: number | null;
}

const NO_EVENTS: DumpEvents = {
  goroutine: () => undefined,
  profileHeader: () => undefined,
  profileSetting: () => undefined,
  record: () => undefined,
  noise: () => undefined,
  blank: () => undefined,
  warning: () => undefined,
};

class DumpParser extends EmbeddedActionsParser {
  events: DumpEvents = NO_EVENTS;
  names: Interner = new Interner();
  pairs: FramePairs = new FramePairs();
  /** The chunk the tokens point into: a token holds offsets, not text. */
  text = '';

  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1, skipValidations: true });
    this.performSelfAnalysis();
  }

  /** document := item* */
  public document = this.RULE('document', () => {
    this.MANY(() => this.SUBRULE(this.item));
  });

  /**
   * item := goroutine | record | strayFrame | BlankLine | ProfileHeader
   *       | ProfileSetting | ProfileComment | (any other line: noise)
   */
  // OR's alternatives are built once, here, rather than on every call (Chevrotain's performance advice).
  private readonly itemAlts: IOrAlt<unknown>[] = [
      { ALT: () => this.SUBRULE(this.goroutine) },
      { ALT: () => this.SUBRULE(this.record) },
      { ALT: () => this.SUBRULE(this.strayFrame) },
      {
        ALT: () => {
          const t = this.CONSUME(BlankLine);
          this.ACTION(() => this.events.blank(lineOf(t)));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(ProfileHeader);
          this.ACTION(() => {
            const text = this.lineText(t);
            this.events.profileHeader(readProfileHeader(text), lineOf(t), text);
          });
        },
      },
      {
        ALT: () => {
          const t = this.OR1([
            { ALT: () => this.CONSUME(ProfileSetting) },
            { ALT: () => this.CONSUME(ProfileComment) },
          ]);
          this.ACTION(() => this.events.profileSetting(this.lineText(t), lineOf(t)));
        },
      },
      {
        ALT: () => {
          const t = this.OR2([
            { ALT: () => this.CONSUME(OtherLine) },
            { ALT: () => this.CONSUME(LocationLine) },
            { ALT: () => this.CONSUME(CreatedByLine) },
            { ALT: () => this.CONSUME(FramesElidedLine) },
            { ALT: () => this.CONSUME(AncestorHeader) },
            { ALT: () => this.CONSUME(StackUnavailable) },
            { ALT: () => this.CONSUME(ProfileFrame) },
            { ALT: () => this.CONSUME(ProfileLabels) },
          ]);
          this.ACTION(() => this.events.noise(this.lineText(t), lineOf(t)));
        },
      },
  ];

  private item = this.RULE('item', () => {
    this.OR(this.itemAlts);
  });

  /**
   * goroutine := GoroutineHeader stack creator? ancestor*
   *
   *   goroutine 7 [chan receive, 12 minutes]:
   *   main.fetchName.func2()
   *   	/srv/app/main.go:96 +0x5d
   *   created by main.fetchName in goroutine 6
   *   	/srv/app/main.go:95 +0x1a5
   */
  private goroutine = this.RULE('goroutine', () => {
    const header = this.CONSUME(GoroutineHeader);
    const stack = this.SUBRULE(this.stack);
    const creator = this.OPTION(() => this.SUBRULE(this.creator));
    const ancestors: Ancestor[] = [];
    this.MANY(() => {
      ancestors.push(this.SUBRULE(this.ancestor));
    });
    this.ACTION(() => this.emitGoroutine(header, stack, creator ?? null, ancestors));
  });

  /** The stack being read; stacks do not nest (an ancestor's stack starts after the goroutine's ends). */
  private acc: StackAcc = { frames: [], elided: 0, unavailable: false };
  private readonly location = (): IToken => this.CONSUME(LocationLine);
  // Built once: per frame, the parser then allocates no closures, only the frame.
  private readonly stackAlts: IOrAlt<void>[] = [
    {
      // frame := CallLine LocationLine?
      ALT: () => {
        const call = this.CONSUME(CallLine);
        const loc = this.OPTION(this.location);
        if (!this.RECORDING_PHASE) this.acc.frames.push(this.frame(call, loc));
      },
    },
    {
      ALT: () => {
        const t = this.CONSUME(FramesElidedLine);
        if (this.RECORDING_PHASE) return;
        const n = readElided(this.lineText(t));
        this.acc.elided = n < 0 || this.acc.elided < 0 ? -1 : this.acc.elided + n;
      },
    },
    {
      ALT: () => {
        this.CONSUME(StackUnavailable);
        if (!this.RECORDING_PHASE) this.acc.unavailable = true;
      },
    },
  ];
  private readonly stackItem = (): void => this.OR(this.stackAlts);

  /** stack := (frame | FramesElidedLine | StackUnavailable)* */
  private stack = this.RULE('stack', () => {
    const acc: StackAcc = { frames: [], elided: 0, unavailable: false };
    this.acc = acc;
    this.MANY(this.stackItem);
    return acc;
  });

  /** creator := CreatedByLine LocationLine? — `created by main.fetchName in goroutine 6` */
  private creator = this.RULE('creator', (): CreatorAcc => {
    const t = this.CONSUME(CreatedByLine);
    const loc = this.OPTION(() => this.CONSUME(LocationLine));
    return this.ACTION(() => {
      const known = pairOf(t) ?? (loc === undefined ? undefined : this.pairs.find(this.text, t.startOffset, endOf(loc)));
      if (known !== undefined) return known;
      const fields = readCreatedBy(this.text, t.startOffset, endOf(t), this.names);
      if (fields === null) {
        this.events.warning(lineOf(t), `cannot read the creator in "${this.lineText(t)}"; expected "created by FUNCTION [in goroutine N]"`);
        return { frame: this.located(this.unknownCall(), loc, lineOf(t), null, null), parentId: null };
      }
      return { frame: this.located({ func: fields.func, args: '' }, loc, lineOf(t), t, fields.parentId), parentId: fields.parentId };
    });
  });

  /** ancestor := AncestorHeader stack creator? — `[originating from goroutine 5]:` (GODEBUG=tracebackancestors) */
  private ancestor = this.RULE('ancestor', (): Ancestor => {
    const t = this.CONSUME(AncestorHeader);
    const stack = this.SUBRULE(this.stack);
    const creator = this.OPTION(() => this.SUBRULE(this.creator));
    return this.ACTION(() => ({
      id: readAncestorId(this.lineText(t)) ?? -1,
      frames: stack.frames,
      createdBy: creator?.frame ?? null,
      parentId: creator?.parentId ?? null,
    }));
  });

  /**
   * record := ProfileRecord ProfileLabels? ProfileFrame*
   *
   *   395 @ 0x43a1b6 0x44b0c5 0x6a2f31 0x46d8c1
   *   # labels: {"worker":"zk"}
   *   #	0x6a2f30	main.fetchName.func2+0x50	/srv/app/main.go:96
   */
  private record = this.RULE('record', () => {
    const t = this.CONSUME(ProfileRecord);
    const labels = this.OPTION(() => this.CONSUME(ProfileLabels));
    const frameLines: IToken[] = [];
    this.MANY(() => {
      frameLines.push(this.CONSUME(ProfileFrame));
    });
    this.ACTION(() => {
      const fields = readRecord(this.lineText(t));
      if (fields === null) {
        this.events.warning(lineOf(t), `cannot read the record "${this.lineText(t)}"; expected numbers, then "@" and program counters`);
        return;
      }
      const frames: Frame[] = [];
      for (const f of frameLines) {
        const frame = readProfileFrame(this.lineText(f), this.names);
        if (frame === null) this.events.warning(lineOf(f), `cannot read the frame "${this.lineText(f)}"; expected "#  0xPC  function+0xOFF  file:line"`);
        else frames.push(frame);
      }
      this.events.record({
        values: fields.values,
        pcs: fields.pcs,
        labels: labels === undefined ? null : readProfileLabels(this.lineText(labels)),
        frames,
        line: lineOf(t),
        inputLine: lineOf(t),
      });
    });
  });

  /** strayFrame := CallLine LocationLine? — frames outside a goroutine, e.g. under `runtime stack:`. */
  private strayFrame = this.RULE('strayFrame', () => {
    const call = this.CONSUME(CallLine);
    const loc = this.OPTION(() => this.CONSUME(LocationLine));
    this.ACTION(() => {
      this.events.noise(this.lineText(call), lineOf(call));
      if (loc !== undefined) this.events.noise(this.lineText(loc), lineOf(loc));
    });
  });

  private frame(call: IToken, loc: IToken | undefined): Frame {
    // Seen before: found by the lexer, or (earlier in this chunk) here.
    const known = pairOf(call) ?? (loc === undefined ? undefined : this.pairs.find(this.text, call.startOffset, endOf(loc)));
    if (known !== undefined) return known.frame;
    const fields = readCall(this.text, call.startOffset, endOf(call), this.names);
    return fields === null ? this.located(this.unknownCall(), loc, lineOf(call), null, null) : this.located(fields, loc, lineOf(call), call, null);
  }

  private unknownCall(): CallFields {
    return { func: this.names.functionName('?'), args: '' };
  }

  /**
   * The frame of a call and its location line. When both lines read cleanly
   * and `first` is the call's token, the pair is remembered, so the same two
   * lines in later goroutines give this same frame (pairs.ts).
   */
  private located(call: CallFields, loc: IToken | undefined, callLine: number, first: IToken | null, parentId: number | null): Frame {
    if (loc === undefined) {
      this.events.warning(callLine, `"${call.func.full}" has no location line after it; expected a tab-indented "file.go:LINE"`);
      return makeFrame(call, null);
    }
    const fields = readLocation(this.text, loc.startOffset, endOf(loc), this.names);
    if (fields === null) {
      this.events.warning(lineOf(loc), `cannot read the location "${this.lineText(loc).trim()}"; expected "file.go:LINE [+0xOFFSET]"`);
      return makeFrame(call, null);
    }
    const frame = makeFrame(call, fields);
    if (first !== null) this.pairs.add(this.text, first.startOffset, endOf(loc), first.tokenType, frame, parentId);
    return frame;
  }

  /** The line's text without its newline: cut from the chunk only when a reader or a message needs it. */
  private lineText(t: IToken): string {
    return this.text.slice(t.startOffset, endOf(t));
  }

  private emitGoroutine(header: IToken, stack: StackAcc, creator: CreatorAcc | null, ancestors: Ancestor[]): void {
    const text = this.lineText(header);
    const line = lineOf(header);
    const h = readHeader(text, this.names);
    if (h === null) {
      this.events.warning(line, `cannot read the goroutine header "${text}"; expected "goroutine N [STATE]:"`);
      return;
    }
    if (stack.frames.length === 0 && !stack.unavailable) {
      this.events.warning(line, `goroutine ${h.id} has no frames (the dump may be cut off here)`);
    }
    this.events.goroutine(
      {
        id: h.id,
        state: h.state,
        waitMinutes: h.waitMinutes,
        locked: h.locked,
        flags: h.flags,
        attributes: h.attributes,
        labels: h.labels,
        frames: stack.frames,
        elidedFrames: stack.elided,
        createdBy: creator?.frame ?? null,
        parentId: creator?.parentId ?? null,
        ancestors,
        stackUnavailable: stack.unavailable,
        line,
      },
      h.prefix,
    );
  }
}

let parser: DumpParser | undefined;

/** Parses whole lines already tokenized from `text`, reporting to `events`. The parser is built once. */
export function parseTokens(tokens: IToken[], text: string, events: DumpEvents, names: Interner, pairs: FramePairs): void {
  parser ??= new DumpParser();
  parser.text = text;
  parser.events = events;
  parser.names = names;
  parser.pairs = pairs;
  parser.input = tokens;
  parser.document();
  parser.events = NO_EVENTS;
  parser.text = '';
  // The top level accepts every line kind, so a parse error means a grammar bug: say so, never throw.
  for (const e of parser.errors) events.warning(lineOf(e.token) || 0, `internal grammar error: ${e.message}`);
}
