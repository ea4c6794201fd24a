/** Terminal escaping lives below every layer (input escapes too); the renderers and the TUI import it from here. */
export { escapeLineBreaks, escapeTerminal, escapeTerminalLine } from '../text/escape.js';
