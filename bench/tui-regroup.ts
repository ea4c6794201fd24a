/**
 * The TUI's first regroup on a dump: the model `gdump -i` builds (every
 * goroutine kept), its first page grouped by site, then the time of the
 * first `g` (the next grouping of the cycle, built from scratch: groups,
 * titles, search text). Prints `<mode> <milliseconds>`.
 */
import { readFileSync } from 'node:fs';
import { parseDump } from '../grammar/parse.js';
import { TuiModel } from '../src/tui/model.js';

const file = process.argv[2]!;
const snapshot = parseDump(readFileSync(file, 'utf8')).snapshots[0];
if (snapshot === undefined) throw new Error(`${file}: no dump`);
const model = new TuiModel(snapshot, { groupBy: 'site', similarity: 'pointers', filter: {} }, file);
model.order('site', 'count', null);
const next = model.nextGroupBy('site');
const start = performance.now();
model.order(next, 'count', null);
process.stdout.write(`${next} ${(performance.now() - start).toFixed(1)}\n`);
