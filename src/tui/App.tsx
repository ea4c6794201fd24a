/**
 * The Ink app: keys in, reducer, one Screen out. The model comes in as a
 * prop and never enters React state; the reducer's state holds only
 * settings, the page stack and each page's window.
 */
import { useEffect, useReducer } from 'react';
import { useApp, useInput, useStdout } from 'ink';
import { escapeTerminal } from '../render/escape.js';
import { NO_COLOR_PALETTE, type Palette } from '../render/palette.js';
import type { Frame } from '../model/frame.js';
import type { Style } from './document.js';
import type { TuiModel } from './model.js';
import { Screen } from './Screen.js';
import { bodyHeight, currentPage, reduce, visibleDoc, type Page, type TuiAction, type TuiState } from './state.js';

const HINTS: Record<Page['kind'], string> = {
  list: 'Enter open · / filter · g group by · o sort · s runtime frames · f paths · ? help · q quit',
  group: 'Enter open goroutine · t spawn chain · e edit · Esc back · s runtime frames · f paths · ? help · q quit',
  goroutine: 'p parent · t spawn chain · e edit · Enter open · Esc back · s runtime frames · f paths · ? help · q quit',
  diff: 'Enter before/after stacks · / filter · g match on · o sort · s runtime frames · f paths · ? help · q quit',
  diffSite: 'Enter open the latest goroutine · Esc back · s runtime frames · f paths · ? help · q quit',
  heap: 'Enter open · / filter · g group by · o sort by · s runtime frames · f paths · ? help · q quit',
  heapSite: 'Esc back · s runtime frames · f paths · ? help · q quit',
  contention: 'Enter open · / filter · g group by · o sort · s runtime frames · f paths · ? help · q quit',
  contentionSite: 'Esc back · s runtime frames · f paths · ? help · q quit',
  chain: 'Enter open the site\'s group · Esc back · f paths · ? help · q quit',
};

function statusOf(state: TuiState): { text: string; style: Style } {
  if (state.editingFilter) {
    const note = state.filterError !== null ? `  (not a regex yet: ${state.filterError})` : '  (Enter keeps, Esc cancels)';
    return { text: `/${escapeTerminal(state.filterText)}▏${note}`, style: state.filterError !== null ? 'warn' : 'plain' };
  }
  if (state.message !== null) return { text: state.message, style: 'warn' };
  if (state.help !== null) return { text: 'any key closes the help', style: 'dim' };
  return { text: HINTS[currentPage(state).page.kind], style: 'dim' };
}

export interface AppProps {
  model: TuiModel;
  initial: TuiState;
  /** Colours for the terminal (paletteFor: NO_COLOR, FORCE_COLOR); none by default. */
  palette?: Palette;
  /** `e`: opens a frame's file in the editor on this terminal, returns a note for the status bar. */
  openEditor?: (frame: Frame) => string;
}

export function App({ model, initial, palette = NO_COLOR_PALETTE, openEditor }: AppProps) {
  const [state, dispatch] = useReducer((s: TuiState, a: TuiAction) => reduce(model, s, a), initial);
  const { exit } = useApp();
  const { stdout } = useStdout();

  useInput((input, key) => dispatch({ type: 'key', input, key }));

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  useEffect(() => {
    if (state.edit === null) return;
    dispatch({ type: 'note', message: openEditor === undefined ? 'no editor in this view' : openEditor(state.edit.frame) });
  }, [state.edit, openEditor]);

  useEffect(() => {
    const onResize = (): void => {
      if (stdout.columns > 0 && stdout.rows > 0) dispatch({ type: 'resize', width: stdout.columns, height: stdout.rows - 1 });
    };
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);

  const doc = visibleDoc(model, state);
  const window = state.help ?? currentPage(state);
  const status = statusOf(state);
  return <Screen doc={doc} cursor={window.cursor} top={window.top} height={bodyHeight(state, doc)} width={state.width} status={status.text} statusStyle={status.style} palette={palette} />;
}
