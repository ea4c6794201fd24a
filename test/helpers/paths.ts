/** Where tests find the repository's files once compiled to dist/test/. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../');
export const FIXTURES = path.join(REPO, 'fixtures');
export const CACHE = path.join(FIXTURES, '.cache');
export const BIN = path.join(REPO, 'bin', 'gdump.cjs');
/** ../shared/realworld next to the checkout; absent on some machines (tests skip with a message). */
export const REALWORLD = path.resolve(REPO, '..', 'shared', 'realworld');
export const HAS_REALWORLD = existsSync(path.join(REALWORLD, 'README.md'));

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}
