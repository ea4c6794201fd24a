/**
 * The parse alone: gdump's own input path (file chunks, UTF-8 decoding,
 * DumpReader) with every goroutine dropped as parsed, no grouping and no
 * output. Prints the number of goroutines read.
 */
import { load } from '../src/input/load.js';
import { fileSource } from '../src/input/source.js';

const { result } = await load(await fileSource(process.argv[2]!), { onGoroutine: () => false });
let total = 0;
for (const s of result.snapshots) if (s.format === 'goroutine') total += s.total;
process.stdout.write(`${total}\n`);
