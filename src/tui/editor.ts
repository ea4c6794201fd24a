/**
 * `e` in the TUI: the source file of a frame opened in the user's editor
 * at its line ($VISUAL, else $EDITOR, else vi; `+LINE FILE`, which vi, vim,
 * nvim, emacs, nano, micro and kak all read). The file is looked for as
 * --source-root and --path-map would (src/input/source-files.ts).
 */
import { spawnSync, type StdioOptions } from 'node:child_process';
import type { Frame } from '../model/frame.js';
import type { SourceFiles } from '../input/source-files.js';

export interface EditorCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/** The command that opens the frame's file at its line, or why there is none. */
export function editorCommand(frame: Frame, sources: SourceFiles, env: NodeJS.ProcessEnv = process.env): EditorCommand | { readonly error: string } {
  const local = sources.resolve(frame.file);
  if (local === null) return { error: `${frame.file}: not found on this machine (gdump -i --source-root DIR or --path-map FROM=TO)` };
  const editor = (env.VISUAL || env.EDITOR || 'vi').trim();
  // $EDITOR may carry flags (`code -w`); split on spaces as git does for simple cases.
  const [command, ...flags] = editor.split(/\s+/);
  return { command: command!, args: [...flags, `+${frame.line}`, local] };
}

/** Runs the editor on the terminal and waits for it; returns a note for the status bar. */
export function runEditor(cmd: EditorCommand, stdio: StdioOptions): string {
  const r = spawnSync(cmd.command, [...cmd.args], { stdio });
  if (r.error !== undefined) return `cannot run ${cmd.command}: ${r.error.message}`;
  return `edited ${cmd.args[cmd.args.length - 1]}:${cmd.args[cmd.args.length - 2]!.slice(1)}`;
}
