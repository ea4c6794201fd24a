/**
 * Function names (src/model/frame.ts): every name the Go runtime printed in
 * the committed fixtures splits into package, receiver and name that put
 * back together give the printed name, and the forms people filter on split
 * where they expect.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readText } from '../../src/input/pipeline.js';
import { splitFunctionName, type FunctionName } from '../../src/model/frame.js';
import { FIXTURES } from '../helpers/paths.js';

function joined(f: FunctionName): string {
  if (f.pkg === '') return f.name;
  if (f.receiver === '') return `${f.pkg}.${f.name}`;
  return f.receiver.startsWith('*') ? `${f.pkg}.(${f.receiver}).${f.name}` : `${f.pkg}.${f.receiver}.${f.name}`;
}

/** Every function name in the traceback fixtures, as the grammar read it. */
function fixtureNames(): Set<string> {
  const names = new Set<string>();
  for (const dir of ['leak', 'crash', 'states', 'aged']) {
    for (const file of readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith('.txt'))) {
      for (const s of readText(readFileSync(path.join(FIXTURES, dir, file), 'utf8')).result.snapshots) {
        if (s.kind !== 'traceback') continue;
        for (const g of s.goroutines) for (const f of [...g.frames, ...(g.createdBy === null ? [] : [g.createdBy])]) names.add(f.func.full);
      }
    }
  }
  return names;
}

describe('splitFunctionName', () => {
  it('splits every name in the fixtures into parts that make the name again', () => {
    const names = fixtureNames();
    assert.ok(names.size > 50, `${names.size} names`);
    for (const full of names) {
      const f = splitFunctionName(full);
      assert.equal(joined(f), full, full);
      assert.ok(f.name !== '', full);
    }
  });

  it('finds the package path, pointer and value receivers, closures and generics', () => {
    const cases: [string, string, string, string][] = [
      ['net/http.(*conn).serve', 'net/http', '*conn', 'serve'],
      ['main.main.func1', 'main', '', 'main.func1'],
      ['main.Server.Run', 'main', 'Server', 'Run'],
      ['main.Server.Run.func2', 'main', 'Server', 'Run.func2'],
      ['main.waitG[...]', 'main', '', 'waitG[...]'],
      ['github.com/x/y/v2.(*Pool[...]).Get', 'github.com/x/y/v2', '*Pool[...]', 'Get'],
      // The linker escapes dots in an import path's last element, so a versioned path splits at the right dot.
      ['gopkg.in/yaml%2ev3.Unmarshal', 'gopkg.in/yaml%2ev3', '', 'Unmarshal'],
    ];
    for (const [full, pkg, receiver, name] of cases) assert.deepEqual(splitFunctionName(full), { full, pkg, receiver, name }, full);
  });
});
