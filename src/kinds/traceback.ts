/** Goroutine tracebacks (debug=2, panics, SIGQUIT, runtime.Stack): goroutines grouped by creation site. */
import type { TracebackSnapshot } from '../model/snapshot.js';
import type { Kind } from './kind.js';
import { stacksJson, stacksText, STACKS_GROUP_BY } from './stacks.js';

export const tracebackKind: Kind<TracebackSnapshot> = {
  defaultGroupBy: STACKS_GROUP_BY,
  firstPage: 'list',
  json: stacksJson,
  text: stacksText,
};
