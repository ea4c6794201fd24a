/**
 * Entry of the interactive view (`gdump -i`), imported only on that path.
 * Ink and React are loaded only once a terminal is found, so the fallback
 * to the plain table costs no more than a plain run.
 */
import type { HeapSample } from '../model/profile.js';
import type { GroupBy, Similarity } from '../analysis/keys.js';
import type { DiffOptions } from '../diff/diff.js';
import type { MemberFilter } from '../analysis/group.js';
import type { Snapshot } from '../model/snapshot.js';
import { paletteFor } from '../render/palette.js';
import { DiffModel } from './diff-model.js';
import { TuiModel } from './model.js';
import { initialState } from './state.js';
import { openTerminal } from './terminal.js';
import { editorCommand, runEditor } from './editor.js';
import { SourceFiles, type PathMap } from '../input/source-files.js';
import type { Frame } from '../model/frame.js';

export interface TuiOptions {
  snapshots: Snapshot[];
  groupBy: GroupBy;
  similarity: Similarity;
  filter: MemberFilter;
  fullPaths: boolean;
  /** Name of the input for the title bar. */
  source?: string;
  /** Heap and allocs profiles: the site key (default top) and the value sorted by (default: the profile's). */
  profileGroupBy?: GroupBy;
  sample?: HeapSample;
  /** Open on the diff of the snapshots (`diff -i`, `watch -i`): one name per snapshot, and the diff's options. */
  diff?: { sources: readonly string[]; options: DiffOptions };
  /** Where `e` looks for source files (--source-root, --path-map). */
  sourceRoots?: readonly string[];
  pathMaps?: readonly PathMap[];
}

/** The model of the views: a diff of the series when asked, else the latest snapshot (its heap sites for a heap profile). */
export function tuiModel(options: TuiOptions): TuiModel {
  const snapshots = options.snapshots;
  // Several snapshots without `diff`: the latest is the one to explore (and the one a diff site's goroutine opens in).
  const snapshot = snapshots[snapshots.length - 1]!;
  const diff = options.diff === undefined ? null : new DiffModel(snapshots, options.diff.sources, options.diff.options);
  const source = (options.source ?? 'dump') + (snapshots.length > 1 && diff === null ? ` [snapshot ${snapshots.length} of ${snapshots.length}]` : '');
  const modelOptions = { groupBy: options.groupBy, similarity: options.similarity, filter: options.filter, profileGroupBy: options.profileGroupBy, sample: options.sample };
  return new TuiModel(snapshot, modelOptions, source, diff);
}

/** Leaves the screen the shell had, as less does: the alternate screen buffer. */
const ENTER_ALT_SCREEN = '\u001b[?1049h';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';

/**
 * Runs the interactive view until the user quits and returns true; returns
 * false when there is no terminal (after saying so on stderr), for the
 * caller to print the plain report instead.
 */
export async function startTui(options: TuiOptions): Promise<boolean> {
  const terminal = openTerminal();
  if (terminal === null) {
    process.stderr.write('gdump: -i needs a terminal, and neither standard input nor /dev/tty is one; printing the table instead\n');
    return false;
  }
  const model = tuiModel(options);
  // React's development build checks every render and is several times slower; a CLI runs the production one.
  process.env.NODE_ENV ??= 'production';
  // React is CommonJS: its named exports are not visible to import() under every NODE_ENV, its default export is.
  const [{ render }, { default: React }, { App }] = await Promise.all([import('ink'), import('react'), import('./App.js')]);

  const { stdin, stdout } = terminal;
  const initial = initialState(model, { sort: 'count', filter: null, hideRuntime: false, fullPaths: options.fullPaths }, stdout.columns || 80, (stdout.rows || 24) - 1);
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALT_SCREEN);
    terminal.close();
  };
  process.once('exit', restore);
  stdout.write(ENTER_ALT_SCREEN);
  try {
    const sources = new SourceFiles({ roots: options.sourceRoots, pathMaps: options.pathMaps, dumpGoroot: model.classifier.goroot });
    // The editor gets the terminal: Ink's raw mode off while it runs, the screen redrawn after.
    const openEditor = (frame: Frame): string => {
      const cmd = editorCommand(frame, sources);
      if ('error' in cmd) return cmd.error;
      stdin.setRawMode(false);
      const note = runEditor(cmd, [stdin, stdout, 'inherit']);
      stdin.setRawMode(true);
      stdout.write(ENTER_ALT_SCREEN);
      app.clear();
      return note;
    };
    const app = render(React.createElement(App, { model, initial, palette: paletteFor(stdout, undefined), openEditor }), { stdin, stdout, exitOnCtrlC: false, patchConsole: false, maxFps: 60 });
    await app.waitUntilExit();
  } finally {
    restore();
    process.off('exit', restore);
  }
  return true;
}
