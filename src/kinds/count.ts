/** Count profiles (goroutine, threadcreate, goroutineleak with debug=1): records grouped as goroutines are, by count. */
import type { CountSnapshot } from '../model/snapshot.js';
import type { Kind } from './kind.js';
import { stacksJson, stacksText, STACKS_GROUP_BY } from './stacks.js';

export const countKind: Kind<CountSnapshot> = {
  defaultGroupBy: STACKS_GROUP_BY,
  firstPage: 'list',
  json: stacksJson,
  text: stacksText,
};
