import { readFileSync } from 'node:fs';

/** The package version, read once from package.json: two levels up from dist/src/ (tsc) and dist/bundle/ (the CLI). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** How gdump names itself to the services it fetches from. */
export const USER_AGENT = `gdump/${VERSION}`;
