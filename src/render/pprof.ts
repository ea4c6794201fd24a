/**
 * Any snapshot as a gzip'd profile.proto that `go tool pprof` opens: one
 * sample per distinct stack (labels as string sample labels), one location
 * per distinct function:file:line, one function per name and file. The
 * dump's text has no addresses: locations get address 0 in one mapping that
 * says functions, files and lines are already there, so pprof does not try
 * to symbolize. Heap profiles carry runtime/pprof's four sample types and
 * MemProfileRate as period; contention profiles events and delay (ns).
 */
import { gzipSync } from 'node:zlib';
import type { Frame } from '../model/frame.js';
import type { StackProfile } from '../analysis/stacks.js';

type PprofModule = typeof import('pprof-format');

class ProfileTables {
  readonly strings: InstanceType<PprofModule['StringTable']>;
  readonly functions: InstanceType<PprofModule['Function']>[] = [];
  readonly locations: InstanceType<PprofModule['Location']>[] = [];
  private readonly functionIds = new Map<string, number>();
  private readonly locationIds = new Map<string, number>();

  constructor(private readonly pprof: PprofModule) {
    this.strings = new pprof.StringTable();
  }

  str(s: string): number {
    return this.strings.dedup(s);
  }

  private functionId(f: Frame): number {
    const key = `${f.func.full}\u0000${f.file}`;
    let id = this.functionIds.get(key);
    if (id === undefined) {
      id = this.functions.length + 1;
      const name = this.str(f.func.full);
      this.functions.push(new this.pprof.Function({ id, name, systemName: name, filename: this.str(f.file) }));
      this.functionIds.set(key, id);
    }
    return id;
  }

  locationId(f: Frame): number {
    const key = `${f.func.full}\u0000${f.file}\u0000${f.line}`;
    let id = this.locationIds.get(key);
    if (id === undefined) {
      id = this.locations.length + 1;
      this.locations.push(new this.pprof.Location({ id, mappingId: 1, address: 0, line: [{ functionId: this.functionId(f), line: f.line }] }));
      this.locationIds.set(key, id);
    }
    return id;
  }
}

/** The profile, encoded and gzip'd as `go tool pprof` reads it. `comment`: where it came from. */
export async function encodePprof(profile: StackProfile, comment: string): Promise<Buffer> {
  const pprof = await import('pprof-format');
  const t = new ProfileTables(pprof);
  const valueType = (v: { type: string; unit: string }) => ({ type: t.str(v.type), unit: t.str(v.unit) });
  const sampleType = profile.sampleTypes.map(valueType);
  const sample = profile.stacks.map(
    (s) =>
      new pprof.Sample({
        locationId: s.frames.map((f) => t.locationId(f)),
        value: s.values,
        label: s.labels === null ? [] : Object.entries(s.labels).map(([k, v]) => ({ key: t.str(k), str: t.str(v) })),
      }),
  );
  const p = new pprof.Profile({
    sampleType,
    sample,
    mapping: [{ id: 1, filename: t.str('gdump'), hasFunctions: true, hasFilenames: true, hasLineNumbers: true, hasInlineFrames: true }],
    location: t.locations,
    function: t.functions,
    stringTable: t.strings,
    periodType: valueType(profile.periodType),
    period: profile.period,
    comment: [t.str(comment)],
    defaultSampleType: sampleType[profile.defaultType]?.type ?? 0,
  });
  return gzipSync(p.encode());
}
