/** Terminal escaping lives below every layer (input escapes too); the renderers and the TUI import it from here. */
export { escapeTerminal } from '../text/escape.js';
