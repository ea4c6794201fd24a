/** The report's stylesheet, inlined into the page: no network, light and dark. */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1b1f24; --dim: #6a737d; --bg: #fff; --line: #e1e4e8; --user: #0b5cad; --bar: #4c8bf5; --hover: #f1f5fb; --warn: #b35900; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --dim: #8b949e; --bg: #0d1117; --line: #30363d; --user: #58a6ff; --bar: #388bfd; --hover: #161b22; --warn: #f0883e; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 24px; font: 13px/1.45 ui-sans-serif, system-ui, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 18px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 20px 0 6px; }
.dim { color: var(--dim); }
.mono, td, .frame, .fnode { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.controls { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
.controls input { width: 320px; padding: 3px 6px; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-weight: 600; color: var(--dim); border-bottom: 1px solid var(--line); padding: 3px 8px; white-space: nowrap; }
td { padding: 2px 8px; vertical-align: top; white-space: nowrap; }
td.num, th.num { text-align: right; }
td.title { white-space: normal; word-break: break-all; }
tr.grow { cursor: pointer; }
tr.grow:hover, tr.grow.open { background: var(--hover); }
.bar { display: inline-block; height: 9px; background: var(--bar); vertical-align: middle; margin-left: 4px; }
.detail td { padding: 6px 8px 12px 32px; background: var(--hover); white-space: normal; }
.frame { white-space: pre-wrap; word-break: break-all; }
.frame.k1, .frame.k2 { color: var(--dim); }
.frame.k0 { color: var(--user); font-weight: 600; }
.messages { color: var(--warn); }
.flame { position: relative; border: 1px solid var(--line); overflow: hidden; margin-top: 6px; }
.fnode { position: absolute; height: 18px; line-height: 18px; padding: 0 3px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; cursor: pointer; border-right: 1px solid var(--bg); border-bottom: 1px solid var(--bg); color: #1b1f24; }
.fnode.k0 { background: #f5a25d; } .fnode.k1 { background: #9cc5e8; } .fnode.k2 { background: #c9ccd1; } .fnode.root { background: #e7d07a; } .fnode.anc { opacity: 0.6; }
.fnode:hover { filter: brightness(1.1); outline: 1px solid #333; }
.spark { letter-spacing: 1px; }
.badge { color: var(--warn); font-weight: 600; }
footer { margin-top: 24px; color: var(--dim); font-size: 11px; }
`;
