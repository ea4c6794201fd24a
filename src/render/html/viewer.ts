/**
 * The report's viewer: plain JavaScript inlined into the page, no framework,
 * no network. It reads the embedded JSON (data.ts) and builds every element
 * with createElement and textContent: dump text never goes through innerHTML,
 * so a label, function name or path cannot become markup or script.
 *
 * Written without template literals so it can live in this string.
 */
export const REPORT_JS = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('gdump-data').textContent);
  var F = data.frames;
  var ROWS = 100;
  var state = { snap: data.snapshots.length - 1, grouping: null, filter: '', column: null, open: {}, zoom: [], all: false };
  var NAMES = { goroutines: 'COUNT', inuse_space: 'IN USE', inuse_objects: 'OBJECTS', alloc_space: 'ALLOCATED', alloc_objects: 'ALLOC OBJECTS', delay_seconds: 'DELAY', contentions: 'EVENTS' };
  var GROUPINGS = { site: 'site (function run + go statement)', stack: 'identical stack', top: 'top frame (first of your code)', state: 'state (wait reason)' };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) { for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]); return parent; }
  function digits(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function bytes(n) {
    var u = ['B', 'KiB', 'MiB', 'GiB', 'TiB'], i = 0;
    while (n >= 1024 && i < u.length - 1) { n /= 1024; i++; }
    return (i === 0 ? String(n) : n.toFixed(n >= 100 ? 0 : 1)) + ' ' + u[i];
  }
  function seconds(s) { return s >= 1 ? s.toFixed(2) + 's' : s >= 1e-3 ? (s * 1e3).toFixed(1) + 'ms' : (s * 1e6).toFixed(0) + '\u00b5s'; }
  function fmt(column, v) {
    if (/_space$/.test(column)) return bytes(v);
    if (column === 'delay_seconds') return seconds(v);
    if (column === 'delay') return seconds(v / 1e9);
    return digits(Math.round(v));
  }
  function pct(part, whole) { return whole > 0 ? (100 * part / whole).toFixed(1) + '%' : ''; }
  function frameText(id) { var f = F[id]; return f[0] + (f[1] ? '  ' + f[1] : ''); }

  var root = document.getElementById('gdump');

  function header() {
    var h = el('header');
    add(h, el('h1', null, data.title));
    var s = data.snapshots[state.snap];
    var groups = s.groupings[s.defaultGrouping] || [];
    var what = s.kind === 'goroutine' ? digits(s.total) + ' goroutines in ' + digits(groups.length) + ' sites' : digits(s.total) + ' records in ' + digits(groups.length) + ' sites';
    add(h, el('div', 'dim summary', s.source + ': ' + s.format + ', ' + what + (s.estimated ? ' (sampled: values are estimates)' : '')));
    s.messages.forEach(function (m) { add(h, el('div', 'messages mono', m)); });
    if (s.warningCount > 0) {
      var w = el('details', 'warnings');
      add(w, el('summary', null, s.warningCount + ' warnings (lines gdump could not fully read)'));
      s.warnings.forEach(function (x) { add(w, el('div', 'mono', 'line ' + x[0] + ': ' + x[1])); });
      add(h, w);
    }
    return h;
  }

  function diffSection() {
    var d = data.diff;
    if (!d) return null;
    var sec = el('section', 'diff');
    sec.id = 'diff';
    var value = function (n) { return fmt(d.unit, n); };
    add(sec, el('h2', null, 'Diff: ' + d.sources.join(' \u2192 ') + ' (' + d.totals.map(value).join(' \u2192 ') + ' ' + d.unit + ')'));
    var t = el('table');
    var hr = el('tr');
    ['COUNTS', 'TREND', '\u0394', '\u0394%', 'STATES', 'SITE'].forEach(function (c, i) { add(hr, el('th', i === 2 || i === 3 ? 'num' : null, c)); });
    add(t, add(el('thead'), hr));
    var body = el('tbody');
    d.sites.forEach(function (x) {
      var tr = el('tr', 'drow ' + x.status);
      add(tr, el('td', null, x.counts.map(value).join(' \u2192 ')));
      var trend = add(el('td'), el('span', 'spark', x.spark));
      if (x.monotonic) add(trend, el('span', 'badge', ' \u2191 every interval'));
      add(tr, trend, el('td', 'num', (x.delta > 0 ? '+' : x.delta < 0 ? '-' : '') + value(Math.abs(x.delta))), el('td', 'num', x.pct), el('td', null, x.states), el('td', 'title', x.t));
      add(body, tr);
    });
    add(t, body);
    return add(sec, t);
  }

  function matches(s, g, q) {
    if (!q) return true;
    if (g.t.toLowerCase().indexOf(q) >= 0) return true;
    var ids = g.c === undefined ? g.f : g.f.concat([g.c]);
    for (var i = 0; i < ids.length; i++) if (F[ids[i]][0].toLowerCase().indexOf(q) >= 0 || F[ids[i]][1].toLowerCase().indexOf(q) >= 0) return true;
    var st = g.st || [];
    for (var j = 0; j < st.length; j++) if (st[j][0].toLowerCase().indexOf(q) >= 0) return true;
    var l = g.l || [];
    for (var k = 0; k < l.length; k++) if ((l[k][0] + '=' + l[k][1]).toLowerCase().indexOf(q) >= 0) return true;
    return false;
  }

  function controls(s) {
    var c = el('div', 'controls');
    if (data.snapshots.length > 1) {
      var ss = el('select');
      ss.id = 'snapshot';
      data.snapshots.forEach(function (x, i) { var o = el('option', null, (i + 1) + ': ' + x.source); o.value = String(i); ss.appendChild(o); });
      ss.value = String(state.snap);
      ss.addEventListener('change', function () { state.snap = Number(ss.value); state.grouping = null; state.column = null; state.open = {}; state.zoom = []; render(); });
      add(c, add(el('label', null, 'snapshot '), ss));
    }
    var g = el('select');
    g.id = 'grouping';
    Object.keys(s.groupings).forEach(function (k) { var o = el('option', null, GROUPINGS[k] || k); o.value = k; g.appendChild(o); });
    g.value = state.grouping;
    g.addEventListener('change', function () { state.grouping = g.value; state.open = {}; render(); });
    add(c, add(el('label', null, 'group by '), g));
    if (s.kind === 'heap') {
      var v = el('select');
      v.id = 'column';
      s.columns.forEach(function (k, i) { var o = el('option', null, k); o.value = String(i); v.appendChild(o); });
      v.value = String(state.column);
      v.addEventListener('change', function () { state.column = Number(v.value); state.zoom = []; render(); });
      add(c, add(el('label', null, 'sort by '), v));
    }
    var f = el('input');
    f.id = 'filter';
    f.type = 'search';
    f.placeholder = 'filter: function, file, state or label=value';
    f.value = state.filter;
    f.addEventListener('input', function () { state.filter = f.value; state.open = {}; renderTable(); });
    add(c, add(el('label', null, 'filter '), f));
    return c;
  }

  function detail(s, g, span) {
    var td = el('td');
    td.colSpan = span;
    if (g.l) add(td, el('div', 'mono labels', 'labels: ' + g.l.map(function (p) { return p[0] + '=' + p[1]; }).join(', ')));
    if (g.f.length === 0) add(td, el('div', 'frame dim', '(no frames)'));
    g.f.forEach(function (id) { add(td, el('div', 'frame k' + F[id][3], frameText(id))); });
    if (g.c !== undefined) add(td, el('div', 'frame created', 'created by ' + frameText(g.c)));
    if (g.ids) add(td, el('div', 'mono dim', 'ids: ' + g.ids.join(' ') + (g.n > g.ids.length ? ' \u2026 (' + (g.n - g.ids.length) + ' more)' : '')));
    return add(el('tr', 'detail'), td);
  }

  var tableHost = el('div');
  function renderTable() {
    var s = data.snapshots[state.snap];
    var groups = s.groupings[state.grouping] || [];
    var col = state.column;
    var q = state.filter.trim().toLowerCase();
    var shown = groups.map(function (g, i) { return { g: g, i: i }; }).filter(function (x) { return matches(s, x.g, q); });
    if (col !== s.main) shown.sort(function (a, b) { return b.g.v[col] - a.g.v[col] || a.i - b.i; });
    var whole = 0;
    groups.forEach(function (g) { whole += g.v[col]; });
    var max = shown.length > 0 ? Math.max.apply(null, shown.map(function (x) { return x.g.v[col]; })) : 0;
    var t = el('table', 'sites');
    t.id = 'sites';
    var hr = el('tr');
    var heads = s.columns.map(function (c) { return NAMES[c] || c; });
    heads.forEach(function (h) { add(hr, el('th', 'num', h)); });
    add(hr, el('th', 'num', 'SHARE'));
    if (s.kind === 'goroutine') add(hr, el('th', null, 'STATE'), el('th', null, 'WAIT'));
    add(hr, el('th', null, state.grouping === 'site' ? 'SITE (function run \u2190 where it was started)' : 'GROUP'));
    add(t, add(el('thead'), hr));
    var body = el('tbody');
    var span = hr.childNodes.length;
    var listed = state.all ? shown : shown.slice(0, ROWS);
    listed.forEach(function (x) {
      var g = x.g;
      var tr = el('tr', 'grow' + (state.open[x.i] ? ' open' : ''));
      tr.setAttribute('data-index', String(x.i));
      g.v.forEach(function (v, i) { add(tr, el('td', 'num' + (i === 0 ? ' count' : ''), fmt(s.columns[i], v))); });
      var share = add(el('td', 'num share', pct(g.v[col], whole)));
      var bar = el('span', 'bar');
      bar.style.width = (max > 0 ? Math.max(1, Math.round(60 * g.v[col] / max)) : 0) + 'px';
      add(share, bar);
      add(tr, share);
      if (s.kind === 'goroutine') {
        var st = g.st || [];
        add(tr, el('td', 'state', st.length === 1 ? st[0][0] : st.map(function (p) { return p[0] + ' ' + p[1]; }).join(', ')));
        add(tr, el('td', 'wait', g.w ? (g.w[0] === g.w[1] ? g.w[0] + ' min' : g.w[0] + '-' + g.w[1] + ' min') : ''));
      }
      add(tr, el('td', 'title', g.t));
      tr.addEventListener('click', function () { state.open[x.i] = !state.open[x.i]; renderTable(); });
      add(body, tr);
      if (state.open[x.i]) add(body, detail(s, g, span));
    });
    add(t, body);
    tableHost.textContent = '';
    add(tableHost, el('div', 'dim shown', shown.length + ' of ' + groups.length + ' groups' + (q ? ' match the filter' : '')), t);
    if (listed.length < shown.length) {
      var more = el('button', 'more', 'show all ' + shown.length + ' (' + (shown.length - listed.length) + ' more)');
      more.id = 'more';
      more.addEventListener('click', function () { state.all = true; renderTable(); });
      add(tableHost, more);
    }
  }

  function flameTree(s) {
    var fl = s.flame;
    var vi = fl.main;
    if (s.kind === 'heap') { var want = s.columns[state.column]; var j = fl.columns.indexOf(want); if (j >= 0) vi = j; }
    var top = { name: 'all', kind: -1, value: 0, children: {} };
    fl.stacks.forEach(function (st) {
      var v = st[1][vi];
      if (!v) return;
      top.value += v;
      var n = top;
      st[0].forEach(function (id) {
        var name = F[id][0];
        var c = n.children[name];
        if (!c) { c = n.children[name] = { name: name, kind: F[id][3], value: 0, children: {} }; }
        c.value += v;
        n = c;
      });
    });
    return { top: top, column: fl.columns[vi] };
  }

  var flameHost = el('div');
  function renderFlame() {
    var s = data.snapshots[state.snap];
    var tree = flameTree(s);
    var path = [tree.top];
    for (var i = 0; i < state.zoom.length; i++) {
      var next = path[path.length - 1].children[state.zoom[i]];
      if (!next) break;
      path.push(next);
    }
    var focus = path[path.length - 1];
    var box = el('div', 'flame');
    box.id = 'flame';
    var H = 19, depth = 0, drawn = 0;
    function node(n, left, width, d, cls, zoomTo) {
      var e = el('div', 'fnode ' + cls, n.name + ' (' + fmt(tree.column, n.value) + ', ' + pct(n.value, tree.top.value) + ')');
      e.style.left = left + '%';
      e.style.width = width + '%';
      e.style.top = (d * H) + 'px';
      e.setAttribute('title', n.name + '\n' + fmt(tree.column, n.value) + ' ' + tree.column + ', ' + pct(n.value, tree.top.value) + ' of all');
      e.setAttribute('data-name', n.name);
      e.addEventListener('click', function () { state.zoom = zoomTo; renderFlame(); });
      box.appendChild(e);
      drawn++;
      if (d > depth) depth = d;
    }
    path.forEach(function (n, d) { if (d < path.length - 1) node(n, 0, 100, d, (d === 0 ? 'root' : 'k' + n.kind) + ' anc', state.zoom.slice(0, d)); });
    function draw(n, left, width, d, zoom) {
      node(n, left, width, d, n.kind < 0 ? 'root' : 'k' + n.kind, zoom);
      var kids = Object.keys(n.children).map(function (k) { return n.children[k]; }).sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
      var x = left;
      kids.forEach(function (c) {
        var w = n.value > 0 ? width * c.value / n.value : 0;
        if (w >= 0.15 && drawn < 4000) draw(c, x, w, d + 1, zoom.concat([c.name]));
        x += w;
      });
    }
    draw(focus, 0, 100, path.length - 1, state.zoom.slice());
    box.style.height = ((depth + 1) * H + 2) + 'px';
    flameHost.textContent = '';
    var note = 'width = ' + tree.column + '; click a frame to zoom' + (state.zoom.length > 0 ? ', click "all" or a faded frame above to zoom out' : '') + '.';
    add(flameHost, el('div', 'dim', note), box);
  }

  function render() {
    var s = data.snapshots[state.snap];
    if (state.grouping === null || !s.groupings[state.grouping]) state.grouping = s.defaultGrouping;
    if (state.column === null) state.column = s.main;
    root.textContent = '';
    add(root, header(), diffSection());
    var what = s.kind === 'goroutine' ? 'Goroutines' : s.kind === 'heap' ? 'Allocation sites' : 'Contention sites';
    add(root, el('h2', null, what), controls(s), tableHost);
    renderTable();
    add(root, el('h2', null, 'Flame view (root at the top)'), flameHost);
    renderFlame();
    add(root, el('footer', null, 'gdump ' + data.version + ' \u00b7 generated ' + data.generated + ' \u00b7 one self-contained file: no network'));
  }

  render();
  document.documentElement.setAttribute('data-ready', '1');
})();
`;
