/*
 * bench4j viewer: one page, views chosen by the URL's #fragment. The same script runs served by
 * `bench serve` (data from the JSON API) and inside a `bench report` file (data embedded in the
 * page). Everything from a run file is shown as text: the DOM is built with textContent, never
 * innerHTML, so a model's output cannot become markup.
 */
(function () {
  'use strict';

  const meta = name => {
    const m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : '';
  };
  const MODE = meta('bench4j-mode') || 'server';
  const TOKEN = meta('bench4j-token');
  const main = document.getElementById('main');

  // ---------------------------------------------------------------- DOM and formatting

  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') el.className = v;
        else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
        else if (k === 'text') el.textContent = v;
        else if (k === 'value') el.value = v;
        else if (k === 'checked') el.checked = !!v;
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    add(el, kids);
    return el;
  }

  function add(el, kids) {
    for (const k of kids.flat(Infinity)) {
      if (k === null || k === undefined || k === false) continue;
      el.appendChild(k instanceof Node ? k : document.createTextNode(String(k)));
    }
    return el;
  }

  const isNum = v => typeof v === 'number' && isFinite(v);
  const fmt = (v, d = 3) => isNum(v) ? v.toFixed(d) : '–';
  const pct = v => isNum(v) ? (v * 100).toFixed(v === 1 || v === 0 ? 0 : 1) + '%' : '–';
  const int = v => isNum(v) ? Math.round(v).toLocaleString('en-US') : '–';
  const ms = v => !isNum(v) ? '–' : v >= 1000 ? (v / 1000).toFixed(2) + ' s' : v.toFixed(v < 10 ? 1 : 0) + ' ms';
  const usd = v => !isNum(v) ? '–' : v === 0 ? '$0' : v < 0.01 ? '$' + v.toPrecision(3) : '$' + v.toFixed(4);
  const pval = p => !isNum(p) ? '–' : p < 0.001 ? 'p < 0.001' : 'p = ' + p.toFixed(3);
  const when = s => s ? s.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '–';
  const dur = s => !isNum(s) ? '–' : s < 60 ? s.toFixed(s < 10 ? 2 : 1) + ' s' : s < 3600 ? (s / 60).toFixed(1) + ' min' : (s / 3600).toFixed(1) + ' h';
  const meanCi = st => {
    if (!st || !isNum(st.mean)) return '–';
    // a pass/fail score of a run with repetitions also shows pass@k and pass^k
    const k = st.pass_at_k && isNum(st.pass_at_k.pass_at_k)
      ? ' · pass@' + st.pass_at_k.k + ' ' + fmt(st.pass_at_k.pass_at_k) + ' · pass^' + st.pass_at_k.k + ' '
        + fmt(st.pass_at_k.pass_hat_k) : '';
    if (!isNum(st.ci_low) || !isNum(st.ci_high)) return fmt(st.mean) + k;
    // a t-interval is symmetric; Wilson and clamped intervals need not be, so they show their bounds
    if (!st.ci_method || st.ci_method === 't') return fmt(st.mean) + ' ± ' + fmt((st.ci_high - st.ci_low) / 2) + k;
    return fmt(st.mean) + ' (' + fmt(st.ci_low) + '–' + fmt(st.ci_high) + ')' + k;
  };
  const pctCi = (v, ci) => ci && isNum(ci.low) ? pct(v) + ' (' + pct(ci.low) + '–' + pct(ci.high) + ')' : pct(v);
  const msCi = (v, ci) => ci && isNum(ci.low) ? ms(v) + ' (' + ms(ci.low) + '–' + ms(ci.high) + ')' : ms(v);
  const enc = encodeURIComponent;
  const json = v => JSON.stringify(v, null, 2);

  function badge(text, cls) {
    return h('span', {class: 'badge ' + (cls || text)}, text);
  }

  function toast(text) {
    const t = document.getElementById('toast');
    t.textContent = text;
    t.classList.add('show');
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => t.classList.remove('show'), 2500);
  }

  function errorBox(message) {
    return h('div', {class: 'error-box', role: 'alert'}, message);
  }

  function table(headers, rows, opts) {
    const o = opts || {};
    return h('div', {class: 'table-wrap'}, h('table', {class: o.cls || null},
      h('thead', null, h('tr', null, headers.map(x => typeof x === 'string' ? h('th', null, x) : x))),
      h('tbody', null, rows)));
  }

  function td(v, cls) {
    return h('td', {class: cls || null}, v);
  }

  // ---------------------------------------------------------------- reviewer identity

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function reviewer() {
    const s = storage();
    return (s && s.getItem('bench4j.reviewer')) || '';
  }

  function reviewerInput() {
    const input = h('input', {type: 'text', id: 'reviewer', 'aria-label': 'Your name', placeholder: 'your name', value: reviewer()});
    input.addEventListener('change', () => {
      const s = storage();
      if (s) s.setItem('bench4j.reviewer', input.value.trim());
    });
    return h('label', null, 'Reviewer ', input);
  }

  function needReviewer() {
    const input = document.getElementById('reviewer');
    const name = (input ? input.value : reviewer()).trim();
    if (!name) {
      toast('Type your name first (Reviewer)');
      if (input) input.focus();
      return null;
    }
    const s = storage();
    if (s) s.setItem('bench4j.reviewer', name);
    return name;
  }

  // ---------------------------------------------------------------- data: the server's API

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v === null || v === undefined || v === '' || v === false) continue;
      if (Array.isArray(v)) v.forEach(x => q.append(k, x));
      else q.append(k, v === true ? '1' : v);
    }
    const s = q.toString();
    return s ? '?' + s : '';
  }

  async function fetchJson(url, init) {
    const r = await fetch(url, Object.assign({headers: {Accept: 'application/json'}, credentials: 'same-origin'}, init || {}));
    let body = null;
    try {
      body = await r.json();
    } catch (e) {
      body = null;
    }
    if (!r.ok) throw new Error((body && body.error) || ('HTTP ' + r.status));
    return body;
  }

  const serverApi = {
    runs: q => fetchJson('/api/runs' + query(q)),
    run: id => fetchJson('/api/runs/' + enc(id)),
    cells: (id, q) => fetchJson('/api/runs/' + enc(id) + '/cells' + query(q)),
    cell: (id, c) => fetchJson('/api/runs/' + enc(id) + '/cell' + query(c)),
    compare: q => fetchJson('/api/compare' + query(q)),
    compareRuns: (a, b) => fetchJson('/api/compare-runs' + query({a, b})),
    trendOptions: () => fetchJson('/api/trends/options'),
    trends: (metric, models) => fetchJson('/api/trends' + query({metric, model: models})),
    leaderboard: metric => fetchJson('/api/leaderboard' + query({metric})),
    reviews: id => fetchJson('/api/runs/' + enc(id) + '/reviews'),
    agreement: (id, q) => fetchJson('/api/runs/' + enc(id) + '/agreement' + query(q)),
    addReview: (id, review) => fetchJson('/api/runs/' + enc(id) + '/reviews', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'X-Bench4j-Token': TOKEN, Accept: 'application/json'},
      body: JSON.stringify(review)
    })
  };

  // ---------------------------------------------------------------- routing

  let ticket = 0;
  let charts = [];

  function go(path, params) {
    const next = '#' + path + query(params);
    if (location.hash === next) route();
    else location.hash = next;
  }

  function parseHash() {
    const raw = location.hash.slice(1) || '/';
    const at = raw.indexOf('?');
    const path = at < 0 ? raw : raw.slice(0, at);
    const q = new URLSearchParams(at < 0 ? '' : raw.slice(at + 1));
    return {parts: path.split('/').filter(Boolean).map(decodeURIComponent), q};
  }

  function nav(items) {
    const n = document.getElementById('nav');
    n.replaceChildren(...items.map(([label, href, active]) => h('a', {href, class: active ? 'active' : null}, label)));
  }

  async function route() {
    const mine = ++ticket;
    window.__rendered = false;
    charts.forEach(c => c.destroy());
    charts = [];
    const stale = () => mine !== ticket;
    main.replaceChildren(h('p', {class: 'muted'}, 'Loading…'));
    try {
      const {parts, q} = parseHash();
      if (parts.length === 0) {
        nav([['Runs', '#/', true], ['Trends', '#/trends', false]]);
        await viewRuns(q, stale);
      } else if (parts[0] === 'run' && parts[1]) {
        const id = parts[1];
        const tab = parts[2] || 'summary';
        const r = '#/run/' + enc(id);
        nav([['Runs', '#/', false], ['Summary', r, tab === 'summary'], ['Cells', r + '/cells', tab === 'cells'],
          ['Compare', '#/compare?run=' + enc(id), false], ['Review', r + '/review', tab === 'review'],
          ['Agreement', r + '/agreement', tab === 'agreement'], ['Trends', '#/trends', false]]);
        const views = {summary: viewRun, cells: viewCells, review: viewReview, agreement: viewAgreement};
        if (!views[tab]) throw new Error('No such view: ' + tab);
        await views[tab](id, q, stale);
      } else if (parts[0] === 'compare') {
        nav([['Runs', '#/', false], ['Compare', location.hash, true], ['Trends', '#/trends', false]]);
        await viewCompare(q, stale);
      } else if (parts[0] === 'compare-runs') {
        nav([['Runs', '#/', false], ['Compare runs', location.hash, true], ['Trends', '#/trends', false]]);
        await viewCompareRuns(q, stale);
      } else if (parts[0] === 'trends') {
        nav([['Runs', '#/', false], ['Trends', '#/trends', true]]);
        await viewTrends(q, stale);
      } else {
        throw new Error('No such page: #' + parts.join('/'));
      }
    } catch (e) {
      if (!stale()) main.replaceChildren(errorBox(e.message), h('p', null, h('a', {href: '#/'}, '← all runs')));
    }
    if (!stale()) {
      window.__rendered = true;   // for tests and tools that wait for a view
      document.dispatchEvent(new Event('bench4j:rendered'));
    }
  }

  function show(stale, ...kids) {
    if (stale()) return false;
    main.replaceChildren(...kids.flat(Infinity).filter(k => k !== null && k !== undefined && k !== false));
    return true;
  }

  // ---------------------------------------------------------------- runs

  async function viewRuns(q, stale) {
    const filters = {name: q.get('name') || '', model: q.get('model') || '', prompt: q.get('prompt') || '',
      status: q.get('status') || '', since: q.get('since') || '', until: q.get('until') || ''};
    const data = await api.runs(filters);
    const scores = data.score_names.slice(0, 4);
    const selected = new Set();
    const compareTwo = h('button', {type: 'button', disabled: true, onclick: () => {
      const [a, b] = [...selected];
      go('/compare-runs', {a, b});
    }}, 'Compare 2 runs');
    const sideBySide = h('button', {type: 'button', disabled: true, onclick: () => {
      go('/compare', {item: [...selected].map(id => id + '|0')});
    }}, 'Answers side by side');
    const refresh = () => {
      compareTwo.disabled = selected.size !== 2;
      sideBySide.disabled = selected.size < 2;
    };
    const field = (name, label, type) => h('label', null, label, ' ',
      h('input', {type: type || 'text', name, value: filters[name], 'aria-label': label}));
    const status = h('select', {name: 'status', 'aria-label': 'status'},
      ['', 'completed', 'running', 'failed', 'cancelled'].map(s => h('option', {value: s, selected: s === filters.status}, s || 'any status')));
    const form = h('form', {class: 'filters', onsubmit: e => {
      e.preventDefault();
      const f = new FormData(form);
      const next = {};
      for (const [k, v] of f.entries()) if (v) next[k] = v;
      go('/', next);
    }}, field('name', 'Name'), field('model', 'Model'), field('prompt', 'Prompt'), status,
      field('since', 'From', 'date'), field('until', 'To', 'date'),
      h('button', {type: 'submit', class: 'primary'}, 'Filter'), h('a', {href: '#/'}, 'clear'));
    const rows = data.runs.map(r => h('tr', {'data-run': r.id},
      td(h('input', {type: 'checkbox', 'aria-label': 'select ' + r.id, onchange: e => {
        if (e.target.checked) selected.add(r.id); else selected.delete(r.id);
        refresh();
      }})),
      td([h('a', {href: '#/run/' + enc(r.id)}, r.name), h('div', {class: 'muted small mono'}, r.id)]),
      td(badge(r.status)),
      td(when(r.started_at), 'small'),
      td(dur(r.duration_seconds), 'num'),
      td(int(r.cells), 'num'),
      td(pctCi(r.success_rate, r.success_rate_ci), 'num'),
      td(usd(r.cost_usd), 'num'),
      scores.map(s => td(fmt(r.scores[s]), 'num')),
      td(h('span', {class: 'small'}, r.models.join(', ')))));
    show(stale,
      h('h1', null, 'Runs'),
      h('p', {class: 'muted'}, data.matching + ' of ' + data.total + ' runs, newest first'),
      form,
      h('div', {class: 'row'}, compareTwo, sideBySide),
      data.runs.length === 0 ? h('p', {class: 'muted'}, 'No runs match. A store is filled by `bench run PLAN --store DIR`.')
        : table(['', 'Run', 'Status', 'Started', h('th', {class: 'num'}, 'Duration'), h('th', {class: 'num'}, 'Cells'),
          h('th', {class: 'num'}, 'OK'), h('th', {class: 'num'}, 'Cost'), scores.map(s => h('th', {class: 'num'}, s)), 'Models'], rows,
        {cls: 'runs'}));
  }

  // ---------------------------------------------------------------- a run

  function runHeader(run) {
    return [h('h1', null, run.name, ' ', badge(run.status)),
      h('p', {class: 'muted small'}, h('span', {class: 'mono'}, run.id), ' · started ', when(run.started_at),
        ' · ', dur(run.duration_seconds), ' · ', int(run.summary.overall.cells), ' cells · ',
        run.plan.prompts.length, ' prompts × ', run.plan.models.length, ' models × ', run.plan.trial_count, ' trials × ',
        run.plan.repetitions, ' repetitions', run.status_reason ? ' · ' + run.status_reason : '')];
  }

  /** The run's health warnings (signs it is silently wrong), or nothing when it has none. */
  function warningsBox(run) {
    const list = run.warnings || [];
    if (list.length === 0) return null;
    return h('section', {class: 'warnings-box', id: 'run-warnings', role: 'note', 'aria-label': 'Run warnings'},
      h('strong', null, 'Warnings (' + list.length + '): the results may be silently wrong'),
      h('ul', null, list.map(w => h('li', null, h('span', {class: 'mono warning-code'}, w.code), ': ', w.message))));
  }

  function scoreSelect(names, current, onchange, label) {
    return h('select', {'aria-label': label || 'score', onchange: e => onchange(e.target.value)},
      names.map(n => h('option', {value: n, selected: n === current}, n)));
  }

  async function viewRun(id, q, stale) {
    const run = await api.run(id);
    const names = run.score_names;
    const score = q.get('score') && names.includes(q.get('score')) ? q.get('score') : names[0];
    const pairs = run.summary.by_prompt_and_model;
    const parts = [runHeader(run), warningsBox(run)];
    if (score) {
      parts.push(h('div', {class: 'filters'}, h('label', null, 'Score ',
        scoreSelect(names, score, s => go('/run/' + enc(id), {score: s})))));
      const board = run.leaderboards[score];
      if (board) {
        parts.push(h('h2', null, 'Leaderboard: ' + score));
        parts.push(table(['Rank', 'Configuration', h('th', {class: 'num'}, 'Mean'), h('th', {class: 'num'}, '95% CI'),
          h('th', {class: 'num'}, 'n'), ''], board.entries.map(e => h('tr', null,
          td(e.rank), td(e.name), td(fmt(e.mean), 'num'),
          td(isNum(e.ci_low) ? '[' + fmt(e.ci_low) + ', ' + fmt(e.ci_high) + ']' : '–', 'num'), td(int(e.n), 'num'),
          td(e.tied_with_leader && board.entries.filter(x => x.tied_with_leader).length > 1 ? badge('tied with leader', 'reference') : ''))),
        {cls: 'leaderboard'}));
      }
      const boxes = [chartBox('chart-score'), chartBox('chart-cost'), chartBox('chart-latency')];
      parts.push(h('h2', null, 'Charts'), h('div', {class: 'charts'}, boxes));
      if (!show(stale, parts)) return;
      drawScoreChart(boxes[0].firstChild, pairs, score);
      drawParetoChart(boxes[1].firstChild, pairs, score, 'cost');
      drawParetoChart(boxes[2].firstChild, pairs, score, 'latency');
      add(main, [summaryTables(run, names), planSection(run)]);
    } else {
      parts.push(h('p', {class: 'muted'}, 'This run has no scores.'));
      show(stale, parts, summaryTables(run, names), planSection(run));
    }
  }

  function chartBox(id) {
    return h('div', {class: 'chart-box'}, h('canvas', {id, role: 'img'}));
  }

  function drawScoreChart(canvas, pairs, score) {
    const rows = pairs.filter(p => p.scores[score] && isNum(p.scores[score].mean));
    canvas.setAttribute('aria-label', score + ' per configuration with 95% intervals');
    charts.push(new Chart(canvas, {
      data: {
        labels: rows.map(p => p.key),
        datasets: [
          {type: 'bar', label: '95% CI', data: rows.map(p => isNum(p.scores[score].ci_low)
            ? [p.scores[score].ci_low, p.scores[score].ci_high] : [p.scores[score].mean, p.scores[score].mean]),
          backgroundColor: 'rgba(36,86,199,0.25)', borderColor: 'rgba(36,86,199,0.7)', borderWidth: 1, barPercentage: 0.5},
          {type: 'scatter', label: 'mean', data: rows.map((p, i) => ({x: p.key, y: p.scores[score].mean})),
            backgroundColor: '#1d2330', pointRadius: 5}
        ]
      },
      options: {maintainAspectRatio: false, animation: false,
        plugins: {title: {display: true, text: score + ' per configuration (mean, 95% CI)'}},
        scales: {x: {type: 'category'}, y: {title: {display: true, text: score}}}}
    }));
  }

  /** Points (x lower is better, y higher is better) not beaten on both: the Pareto front, by increasing x. */
  function paretoFront(points) {
    const sorted = points.slice().sort((a, b) => a.x - b.x || b.y - a.y);
    const front = [];
    let best = -Infinity;
    for (const p of sorted) {
      if (p.y > best) {
        front.push(p);
        best = p.y;
      }
    }
    return front;
  }

  function drawParetoChart(canvas, pairs, score, against) {
    const xOf = p => against === 'cost' ? (isNum(p.cost_usd) && p.cells > 0 ? p.cost_usd / p.cells : null)
      : (p.latency ? p.latency.p50_ms : null);
    const pts = pairs.filter(p => p.scores[score] && isNum(p.scores[score].mean) && isNum(xOf(p)))
      .map(p => ({x: xOf(p), y: p.scores[score].mean, label: p.key}));
    const title = score + ' against ' + (against === 'cost' ? 'cost per cell (USD)' : 'latency p50 (ms)');
    canvas.setAttribute('aria-label', title);
    if (pts.length === 0) {
      canvas.parentNode.replaceChildren(h('p', {class: 'muted'}, title + ': no configuration has both values (' +
        (against === 'cost' ? 'no price known' : 'no latency') + ').'));
      return;
    }
    const front = paretoFront(pts);
    charts.push(new Chart(canvas, {
      type: 'scatter',
      data: {datasets: [
        {label: 'configurations', data: pts, backgroundColor: 'rgba(36,86,199,0.8)', pointRadius: 6},
        {label: 'Pareto front', data: front, showLine: true, borderColor: '#1d7a3e', backgroundColor: '#1d7a3e', pointRadius: 3}
      ]},
      options: {maintainAspectRatio: false, animation: false,
        plugins: {title: {display: true, text: title},
          tooltip: {callbacks: {label: c => c.raw.label + ': ' + fmt(c.raw.y) + ' at ' + (against === 'cost' ? usd(c.raw.x) : ms(c.raw.x))}}},
        scales: {x: {title: {display: true, text: against === 'cost' ? 'USD per cell' : 'ms'}},
          y: {title: {display: true, text: score}}}}
    }));
  }

  // the run's mean tokens and cost per cell with their 95% intervals (t, clamped at 0); – when unknown
  function perCell(g) {
    const tok = g.tokens.per_cell, cost = g.cost_per_cell;
    const ci = (m, f) => m.ci ? ' (95% CI ' + f(m.ci.low) + '–' + f(m.ci.high) + ')' : '';
    return h('p', {class: 'small muted'}, 'Per cell: ',
      tok ? fmt(tok.mean, 1) + ' tokens' + ci(tok, v => fmt(v, 1)) : '– tokens', ', ',
      cost ? usd(cost.mean) + ci(cost, usd) : '– cost',
      '. OK is the success rate with its Wilson interval; scores show mean ± t half-width, or their bounds for 0/1 '
        + '(Wilson) and [0, 1] (t, clamped) scores; latency intervals are order statistics; – is unknown.');
  }

  function summaryTables(run, names) {
    // a function: a header cell is a DOM node, and a node can stand in one table only
    const head = () => ['Group', h('th', {class: 'num'}, 'Cells'), h('th', {class: 'num'}, 'OK'),
      names.map(n => h('th', {class: 'num'}, n + ' (95% CI)')), h('th', {class: 'num'}, 'p50 (95% CI)'), h('th', {class: 'num'}, 'p95 (95% CI)'),
      h('th', {class: 'num'}, 'Tokens in / out'), h('th', {class: 'num'}, 'Cost'), h('th', {class: 'num'}, 'Judge cost')];
    const row = (label, g) => h('tr', null, td(label), td(int(g.cells), 'num'),
      td(pctCi(g.success_rate, g.success_rate_ci), 'num'),
      names.map(n => td(meanCi(g.scores[n]), 'num')),
      td(g.latency ? msCi(g.latency.p50_ms, g.latency.p50_ci_ms) : '–', 'num'),
      td(g.latency ? msCi(g.latency.p95_ms, g.latency.p95_ci_ms) : '–', 'num'),
      td(int(g.tokens.input) + ' / ' + int(g.tokens.output), 'num'), td(usd(g.cost_usd), 'num'),
      td(g.judge ? usd(g.judge.cost_usd) + ' (' + int(g.judge.calls) + ' calls)' : '–', 'num'));
    const s = run.summary;
    return [h('h2', null, 'Summary'),
      h('h3', null, 'Prompt × model'),
      table(head(), s.by_prompt_and_model.map(g => row(g.key, g)).concat([row('all', s.overall)]), {cls: 'summary'}),
      perCell(s.overall),
      h('h3', null, 'By model'), table(head(), Object.entries(s.by_model).map(([k, g]) => row(k, g))),
      h('h3', null, 'By prompt'), table(head(), Object.entries(s.by_prompt).map(([k, g]) => row(k, g)))];
  }

  function messageBlocks(messages) {
    return (messages || []).map(m => h('div', {class: 'msg'}, h('div', {class: 'role'}, m.role), h('pre', null, m.content)));
  }

  function planSection(run) {
    const p = run.plan;
    const scorers = p.scorers.map(name => {
      const s = p.scorer_settings[name];
      const blocks = [h('h3', null, name, s && s.type && s.type !== name ? ' (' + s.type + ')' : '')];
      if (s && s.type === 'llm_judge') {
        blocks.push(h('dl', {class: 'kv'}, h('dt', null, 'Judge'), h('dd', {class: 'mono'}, String(s.judge)),
          h('dt', null, 'Scale'), h('dd', null, Array.isArray(s.scale) ? s.scale.join(' to ') : String(s.scale))));
        blocks.push(h('div', {class: 'card criteria'}, h('strong', null, 'Criteria'), h('pre', null, String(s.criteria || ''))));
        if (Array.isArray(s.template)) {
          blocks.push(h('div', {class: 'card'}, h('strong', null, 'Review prompt'), messageBlocks(s.template)));
        }
        const rest = Object.assign({}, s);
        ['criteria', 'template'].forEach(k => delete rest[k]);
        blocks.push(h('details', null, h('summary', null, 'All settings'), h('pre', null, json(rest))));
      } else if (s) {
        blocks.push(h('pre', {class: 'card'}, json(s)));
      } else {
        blocks.push(h('p', {class: 'muted'}, 'No settings recorded (a scorer from outside bench4j, or an older run).'));
      }
      return blocks;
    });
    return [h('h2', {id: 'criteria'}, 'How it was scored'), scorers.length ? scorers : h('p', {class: 'muted'}, 'No scorers.'),
      p.scorer_models.length ? [h('h3', null, 'Judge models'), h('pre', {class: 'card'}, json(p.scorer_models))] : null,
      h('h2', null, 'Plan'),
      h('div', {class: 'row'},
        h('div', {class: 'grow'}, h('h3', null, 'Prompts'), p.prompts.map(pr => h('div', {class: 'card'},
          h('strong', null, pr.name), messageBlocks(pr.messages),
          Object.keys(pr.metadata || {}).length ? h('pre', {class: 'small muted'}, json(pr.metadata)) : null))),
        h('div', {class: 'grow'}, h('h3', null, 'Models'), h('pre', {class: 'card'}, json(p.models)),
          h('dl', {class: 'kv'}, h('dt', null, 'Trials'), h('dd', null, p.trial_count + ' (fingerprint ' + p.trials_fingerprint + ')'),
            h('dt', null, 'Repetitions'), h('dd', null, p.repetitions), h('dt', null, 'Concurrency'), h('dd', null, p.concurrency),
            h('dt', null, 'Environment'), h('dd', null, 'bench4j ' + run.environment.bench4j + ', Java ' + run.environment.java
              + ', ' + run.environment.os)))),
      MODE === 'server' ? h('p', {class: 'small muted'}, h('a', {href: '/assets/licences.txt'}, 'Licences of the front-end libraries')) : null];
  }

  // ---------------------------------------------------------------- cells

  const CELL_METRICS = ['latency', 'cost', 'output_tokens', 'input_tokens'];

  async function viewCells(id, q, stale) {
    const params = {};
    for (const k of ['configs', 'failed', 'disagree', 'score', 'below', 'above', 'q', 'sort', 'dir', 'page', 'size']) {
      if (q.get(k)) params[k] = q.get(k);
    }
    const [run, page] = await Promise.all([api.run(id), api.cells(id, params)]);
    const set = changes => {
      const next = Object.assign({}, params, changes);
      if (!('page' in changes)) delete next.page;
      for (const k of Object.keys(next)) if (next[k] === '' || next[k] === null || next[k] === false) delete next[k];
      go('/run/' + enc(id) + '/cells', next);
    };
    const shownIdx = page.configs.map(c => c.index);
    const configPicker = h('details', null, h('summary', null, 'Columns (' + shownIdx.length + ' of ' + run.configs.length + ')'),
      h('div', {class: 'row'}, run.configs.map(c => h('label', null, h('input', {type: 'checkbox', value: c.index,
        checked: shownIdx.includes(c.index), onchange: () => {
          const picked = [...configPicker.querySelectorAll('input:checked')].map(x => x.value);
          if (picked.length) set({configs: picked.join(',')});
        }}), ' ', c.key))));
    const scoreNames = page.score_names;
    const sortMetric = params.sort && params.sort.includes(':') ? params.sort.split(':').slice(1).join(':')
      : (scoreNames[0] || 'latency');
    const metricSelect = h('select', {'aria-label': 'sort metric', onchange: e => {
      if (params.sort && params.sort.includes(':')) set({sort: params.sort.split(':')[0] + ':' + e.target.value});
      else sortMetricChoice = e.target.value;
    }}, scoreNames.concat(CELL_METRICS).map(m => h('option', {value: m, selected: m === sortMetric}, m)));
    let sortMetricChoice = sortMetric;
    const text = h('input', {type: 'text', value: params.q || '', placeholder: 'text in output or error', 'aria-label': 'search'});
    const filters = h('form', {class: 'filters', onsubmit: e => {
      e.preventDefault();
      set({q: text.value.trim(), below: below.value, above: above.value});
    }},
      h('label', null, h('input', {type: 'checkbox', checked: !!params.failed, onchange: e => set({failed: e.target.checked ? '1' : ''})}),
        ' failed only'),
      h('label', null, h('input', {type: 'checkbox', checked: !!params.disagree, onchange: e => set({disagree: e.target.checked ? '1' : ''})}),
        ' configurations disagree'),
      scoreNames.length ? h('label', null, 'on ', scoreSelect(scoreNames, params.score || scoreNames[0], s => set({score: s}), 'filter score')) : null,
      text, h('button', {type: 'submit', class: 'primary'}, 'Apply'),
      h('a', {href: '#/run/' + enc(id) + '/cells'}, 'clear'));
    const below = h('input', {type: 'number', step: 'any', value: params.below || '', 'aria-label': 'score below'});
    const above = h('input', {type: 'number', step: 'any', value: params.above || '', 'aria-label': 'score above'});
    if (scoreNames.length) {
      filters.insertBefore(h('label', null, 'score below ', below), text);
      filters.insertBefore(h('label', null, 'above ', above), text);
    }
    const sortState = params.sort || 'trial';
    const dir = params.dir || 'asc';
    const header = [h('th', {class: 'sortable' + (sortState === 'trial' ? ' sorted' + (dir === 'asc' ? ' asc' : '') : ''),
      onclick: () => set({sort: 'trial', dir: sortState === 'trial' && dir === 'asc' ? 'desc' : 'asc'})}, 'Trial')];
    page.configs.forEach(c => {
      const key = c.index + ':' + (sortState.startsWith(c.index + ':') ? sortMetric : sortMetricChoice);
      const active = sortState.startsWith(c.index + ':');
      header.push(h('th', {class: 'sortable' + (active ? ' sorted' + (dir === 'asc' ? ' asc' : '') : ''), title: 'sort by this column',
        onclick: () => set({sort: active ? sortState : key, dir: active && dir === 'desc' ? 'asc' : 'desc'})}, c.key));
    });
    const rows = page.rows.map(r => h('tr', null,
      td([h('strong', null, r.trial), r.repetition ? ' #' + r.repetition : '',
        h('div', {class: 'small'}, h('a', {href: '#/compare' + query({run: id, trial: r.trial, repetition: r.repetition})}, 'compare'),
          ' · ', h('a', {href: '#/run/' + enc(id) + '/review' + query({trial: r.trial, repetition: r.repetition})}, 'rank'))]),
      r.cells.map((c, i) => c ? gridCell(id, page.configs[i], r, c) : h('td', {class: 'missing'}, 'no result'))));
    const pager = h('div', {class: 'pager'},
      h('button', {type: 'button', disabled: page.page <= 0, onclick: () => set({page: page.page - 1})}, '← previous'),
      h('span', null, 'page ' + (page.page + 1) + ' of ' + page.pages + ' · ' + int(page.total_rows) + ' of ' + int(page.all_rows) + ' rows'),
      h('button', {type: 'button', disabled: page.page + 1 >= page.pages, onclick: () => set({page: page.page + 1})}, 'next →'),
      h('label', {class: 'small'}, 'sort columns by ', metricSelect));
    show(stale, runHeader(run),
      page.partial ? h('p', {class: 'banner', id: 'indexing'}, 'Indexing this run\'s ' + int(page.cells) + ' planned cells (' + int(page.indexed_cells)
        + ' read so far): this first page is ready; the row count is the plan\'s; filters, sorting and the other pages follow in a moment.') : null,
      filters, configPicker, pager,
      page.rows.length ? table(header, rows, {cls: 'grid'}) : h('p', {class: 'muted', id: 'no-rows'}, 'No rows match these filters.'),
      page.text_complete ? null : h('p', {class: 'small muted'}, 'Outputs of this run are long: the grid shows their beginning; a search reads them whole.'));
    if (page.partial) {
      setTimeout(() => { if (!stale()) route(); }, 1200);
    }
  }

  function scoreChips(c, marks) {
    return h('div', {class: 'chips'}, Object.entries(c.scores).map(([k, v], i) => h('span', {class: 'chip'}, k + ' ' + fmt(v),
      marks && marks[k] ? [' ', badge(marks[k] === 'agree' ? '✓ agrees' : marks[k] === 'disagree' ? '✗ differs' : 'reference', marks[k])] : null)),
    Object.entries(c.score_errors || {}).map(([k, v]) => h('span', {class: 'chip err', title: v}, k + ' error')));
  }

  function cellStats(c) {
    return h('div', {class: 'stats'}, ms(c.latency_ms), ' · ', int(c.input_tokens), '/', int(c.output_tokens), ' tok · ', usd(c.cost_usd),
      c.cached ? ' · cached' : '', c.finish_reason !== 'stop' ? ' · ' + c.finish_reason : '');
  }

  function gridCell(id, config, row, c) {
    const open = () => openCell(id, {prompt: config.prompt, model: config.model, trial: row.trial, repetition: row.repetition});
    return h('td', {class: 'cell', tabindex: 0, onclick: open, onkeydown: e => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      }
    }},
    c.ok ? null : h('div', {class: 'err small'}, c.error),
    scoreChips(c),
    Object.entries(c.reasons || {}).map(([k, v]) => h('div', {class: 'reason'}, k + ': ' + v)),
    h('pre', null, c.output),
    cellStats(c));
  }

  // ---------------------------------------------------------------- one cell, with review controls

  async function openCell(id, cell) {
    const dialog = document.getElementById('dialog');
    const body = document.getElementById('dialog-body');
    body.replaceChildren(h('p', {class: 'muted'}, 'Loading…'));
    if (!dialog.open) dialog.showModal();
    try {
      const c = await api.cell(id, cell);
      body.replaceChildren();
      add(body, cellDetail(id, c));
    } catch (e) {
      body.replaceChildren(errorBox(e.message));
    }
  }

  function cellDetail(id, c) {
    const k = c.cell;
    const scores = Object.entries(c.scores).map(([name, s]) => h('tr', null, td(name), td(fmt(s.value), 'num'),
      td([s.reason ? h('pre', null, s.reason) : null, s.error ? h('div', {class: 'err'}, s.error) : null,
        Object.keys(s.details || {}).length ? h('div', {class: 'small muted'}, Object.entries(s.details).map(([a, b]) => a + ' ' + fmt(b, 4)).join(' · ')) : null,
        (s.calls || []).map(call => h('div', {class: 'small muted'}, 'call to ' + call.model + ': ' + usd(call.cost_usd) + ', ' + ms(call.latency_ms)
          + (call.error ? ' — ' + call.error.kind : '')))])));
    return [h('h2', {id: 'dialog-title'}, k.prompt + ' / ' + k.model + ' · trial ' + k.trial + (k.repetition ? ' #' + k.repetition : '')),
      c.ok ? badge('ok') : badge('failed'),
      c.error ? h('div', {class: 'error-box'}, c.error.kind + (c.error.http_status ? ' (HTTP ' + c.error.http_status + ')' : '') + ': ' + c.error.message) : null,
      h('div', {class: 'row'},
        h('div', {class: 'grow'}, h('h3', null, 'Messages sent'),
          c.messages ? messageBlocks(c.messages) : [h('p', {class: 'muted'}, c.render_error || 'not known'), messageBlocks(c.template)],
          c.vars ? [h('h3', null, 'Trial variables'), h('pre', {class: 'card'}, json(c.vars))] : null),
        h('div', {class: 'grow'}, h('h3', null, 'Expected answer'),
          c.has_expected ? h('pre', {class: 'card expected'}, typeof c.expected === 'string' ? c.expected : json(c.expected))
            : h('p', {class: 'muted'}, 'none'),
          h('h3', null, 'Output'), h('pre', {class: 'card output'}, c.output))),
      h('h3', null, 'Scores'), Object.keys(c.scores).length ? table(['Score', h('th', {class: 'num'}, 'Value'), 'Reason'], scores) : h('p', {class: 'muted'}, 'none'),
      h('h3', null, 'Call'),
      h('dl', {class: 'kv'},
        h('dt', null, 'Finish'), h('dd', null, c.finish_reason + (c.raw_finish_reason && c.raw_finish_reason !== c.finish_reason ? ' (' + c.raw_finish_reason + ')' : '')),
        h('dt', null, 'Tokens'), h('dd', null, 'in ' + int(c.usage.input_tokens) + ', out ' + int(c.usage.output_tokens) +
          (isNum(c.usage.reasoning_tokens) ? ', reasoning ' + int(c.usage.reasoning_tokens) : '') +
          (isNum(c.usage.cached_input_tokens) ? ', cached input ' + int(c.usage.cached_input_tokens) : '')),
        h('dt', null, 'Latency'), h('dd', null, ms(c.latency_ms) + (isNum(c.time_to_first_token_ms) ? ', first token after ' + ms(c.time_to_first_token_ms) : '')),
        h('dt', null, 'Cost'), h('dd', null, usd(c.cost_usd)),
        h('dt', null, 'Attempts'), h('dd', null, c.attempts + (c.cached ? ' (from cache)' : '')),
        h('dt', null, 'Model version'), h('dd', null, c.model_version || '–')),
      h('h3', null, 'Your review'), reviewControls(id, k, c.reviews)];
  }

  /** Rating on a chosen scale, acceptable / unacceptable, and a comment for one cell. */
  function reviewControls(id, cell, existing) {
    const mine = (existing || []).filter(r => r.reviewer === reviewer());
    let rating = mine.find(r => r.kind === 'rating');
    const verdict = mine.find(r => r.kind === 'verdict');
    const comment = mine.find(r => r.kind === 'comment');
    const scale = h('select', {'aria-label': 'rating scale'}, [[1, 5], [1, 10], [1, 3], [0, 1]].map(([a, b]) =>
      h('option', {value: a + '-' + b, selected: rating ? rating.scale[0] === a && rating.scale[1] === b : a === 1 && b === 5}, a + '–' + b)));
    const buttons = h('span', {class: 'row'});
    const save = async (review, what) => {
      const who = needReviewer();
      if (!who) return;
      try {
        await api.addReview(id, Object.assign({reviewer: who}, cellFields(cell), review));
        toast(what + ' saved');
        return true;
      } catch (e) {
        toast('Not saved: ' + e.message);
        return false;
      }
    };
    const drawButtons = () => {
      const [a, b] = scale.value.split('-').map(Number);
      buttons.replaceChildren(...Array.from({length: b - a + 1}, (_, i) => a + i).map(v => h('button', {type: 'button',
        class: rating && rating.value === v && rating.scale[1] === b ? 'on' : null, 'aria-label': 'rate ' + v, onclick: async e => {
          if (await save({kind: 'rating', value: v, scale: [a, b]}, 'Rating ' + v)) {
            rating = {value: v, scale: [a, b]};
            drawButtons();
          }
        }}, v)));
    };
    drawButtons();
    scale.addEventListener('change', drawButtons);
    const verdictButton = (ok, label) => h('button', {type: 'button', class: verdict && verdict.acceptable === ok ? 'on' : null,
      onclick: async e => {
        if (await save({kind: 'verdict', acceptable: ok}, label)) {
          e.target.parentNode.querySelectorAll('button.verdict').forEach(b => b.classList.remove('on'));
          e.target.classList.add('on');
        }
      }}, label);
    const acceptable = verdictButton(true, 'Acceptable');
    const unacceptable = verdictButton(false, 'Unacceptable');
    acceptable.classList.add('verdict');
    unacceptable.classList.add('verdict');
    const text = h('textarea', {'aria-label': 'comment', placeholder: 'comment'}, comment ? comment.text : '');
    const others = (existing || []).filter(r => r.reviewer !== reviewer());
    return h('div', {class: 'review-box'}, reviewerInput(), h('label', null, 'Scale ', scale), buttons,
      h('span', {class: 'row'}, acceptable, unacceptable),
      h('div', {class: 'grow'}, text, h('button', {type: 'button', onclick: () => save({kind: 'comment', text: text.value}, 'Comment')}, 'Save comment')),
      others.length ? h('div', {class: 'small muted'}, 'Others: ' + others.map(r => r.reviewer + ' ' + (r.kind === 'rating' ? r.value + '/' + r.scale[1]
        : r.kind === 'verdict' ? (r.acceptable ? 'acceptable' : 'unacceptable') : '“' + r.text + '”')).join('; ')) : null);
  }

  function cellFields(cell) {
    return {prompt: cell.prompt, model: cell.model, trial: cell.trial, repetition: Number(cell.repetition) || 0};
  }

  // ---------------------------------------------------------------- compare

  async function viewCompare(q, stale) {
    let items = q.getAll('item');
    const runId = q.get('run');
    const runIds = [...new Set((runId ? [runId] : []).concat(items.map(it => it.slice(0, it.lastIndexOf('|')))))];
    const runs = await Promise.all(runIds.map(id => api.run(id)));
    if (runId && !items.length) items = runs[0].configs.slice(0, 4).map(c => runId + '|' + c.index);
    if (!items.length) throw new Error('Choose what to compare: open a run and its Compare tab, or select runs on the runs page.');
    const disagree = q.get('disagree') === '1';
    const data = await api.compare({item: items, trial: q.get('trial'), repetition: q.get('repetition'), disagree});
    const here = (changes) => {
      const next = {item: items, disagree: disagree ? '1' : '', trial: data.trial, repetition: data.repetition};
      if (runId) next.run = runId;
      go('/compare', Object.assign(next, changes));
    };
    const picker = h('details', {id: 'compare-picker'}, h('summary', null, 'Configurations (' + items.length + ' shown)'),
      runs.map(r => h('div', {class: 'row'}, runs.length > 1 ? h('strong', null, r.name + ' ', h('span', {class: 'mono small muted'}, r.id)) : null,
        r.configs.map(c => h('label', null, h('input', {type: 'checkbox', checked: items.includes(r.id + '|' + c.index), onchange: () => {
          const picked = [...picker.querySelectorAll('input:checked')].map(x => x.value);
          if (picked.length) here({item: picked});
        }, value: r.id + '|' + c.index}), ' ', c.key)))));
    const navBar = h('div', {class: 'filters'},
      h('button', {type: 'button', disabled: !data.prev, onclick: () => here(data.prev)}, '← previous trial'),
      h('span', null, data.position >= 0 ? 'trial ' + (data.position + 1) + ' of ' + data.count : data.count + ' trials'),
      h('button', {type: 'button', disabled: !data.next, onclick: () => here(data.next)}, 'next trial →'),
      h('label', null, h('input', {type: 'checkbox', id: 'only-disagree', checked: disagree, onchange: e =>
        here({disagree: e.target.checked ? '1' : '', trial: null, repetition: null})}), ' show only where they disagree'),
      runIds.length === 1 ? h('a', {href: '#/run/' + enc(runIds[0]) + '/review' + query({trial: data.trial, repetition: data.repetition})},
        'rank these answers') : null);
    if (!data.trial) {
      show(stale, h('h1', null, 'Compare'), picker, navBar, h('p', {class: 'muted'}, disagree ? 'They agree on every trial.' : 'Nothing to compare.'));
      return;
    }
    const first = data.items[0].cell;
    const columns = data.items.map((it, i) => {
      const c = it.cell;
      const marks = {};
      data.score_names.forEach(s => {
        if (data.marks[s] && data.marks[s][i]) marks[s] = data.marks[s][i];
      });
      return h('div', {class: 'card compare-item'}, h('strong', null, it.label),
        c ? [c.ok ? null : h('div', {class: 'err small'}, c.error), scoreChips(c, marks),
          Object.entries(c.reasons || {}).map(([k, v]) => h('div', {class: 'reason'}, k + ': ' + v)),
          h('pre', {class: 'answer'}, i === 0 || !first ? c.output : wordDiff(first.output, c.output)), cellStats(c)]
          : h('p', {class: 'muted'}, 'no answer to this trial'));
    });
    show(stale, h('h1', null, 'Compare answers: trial ' + data.trial + (data.repetition ? ' #' + data.repetition : '')),
      picker, navBar,
      h('div', {class: 'row'},
        data.vars ? h('div', {class: 'grow'}, h('h3', null, 'Trial'), h('pre', {class: 'card'}, json(data.vars))) : null,
        h('div', {class: 'grow'}, h('h3', null, 'Expected'), data.has_expected ? h('pre', {class: 'card'},
          typeof data.expected === 'string' ? data.expected : json(data.expected)) : h('p', {class: 'muted'}, 'none'))),
      h('p', {class: 'small muted'}, 'Differences are marked word by word against the first answer: ', h('ins', null, 'added'), ' ', h('del', null, 'removed'), '.'),
      h('div', {class: 'compare'}, columns));
  }

  /** The second text with its words marked against the first: insertions in <ins>, removals in <del>. */
  function wordDiff(a, b) {
    const parts = window.Diff ? window.Diff.diffWordsWithSpace(a, b) : [{value: b}];
    return parts.map(p => p.added ? h('ins', null, p.value) : p.removed ? h('del', null, p.value) : document.createTextNode(p.value));
  }

  async function viewCompareRuns(q, stale) {
    const a = q.get('a');
    const b = q.get('b');
    if (!a || !b) throw new Error('Choose two runs on the runs page.');
    const data = await api.compareRuns(a, b);
    const rows = [];
    data.models.forEach(m => m.metrics.forEach((x, i) => rows.push(h('tr', null,
      td(i === 0 ? h('strong', null, m.model) : ''), td(x.metric),
      td(x.metric === 'cost_usd' ? usd(x.a) : x.metric.startsWith('latency') ? ms(x.a) : x.metric === 'success_rate' ? pct(x.a) : fmt(x.a), 'num'),
      td(x.metric === 'cost_usd' ? usd(x.b) : x.metric.startsWith('latency') ? ms(x.b) : x.metric === 'success_rate' ? pct(x.b) : fmt(x.b), 'num'),
      td(isNum(x.delta) ? (x.delta > 0 ? '+' : '') + fmt(x.delta, x.metric === 'cost_usd' ? 6 : 3) : '–', 'num'),
      td(isNum(x.difference_ci_low) ? '[' + fmt(x.difference_ci_low, 4) + ', ' + fmt(x.difference_ci_high, 4) + ']' : '–', 'num'),
      td(isNum(x.p_adjusted) ? [pval(x.p_adjusted), h('div', {class: 'small muted'}, 'raw ' + pval(x.p_value))] : pval(x.p_value), 'num'),
      td(x.test ? x.test + ', n = ' + x.pairs : x.test_error || (x.pairs + ' pairs'), 'small')))));
    const family = data.models.flatMap(m => m.metrics).find(x => isNum(x.comparisons));
    show(stale, h('h1', null, 'Two runs'),
      h('p', null, 'A: ', h('a', {href: '#/run/' + enc(data.a.id)}, data.a.name), ' ', h('span', {class: 'mono small'}, data.a.id), ' · ',
        'B: ', h('a', {href: '#/run/' + enc(data.b.id)}, data.b.name), ' ', h('span', {class: 'mono small'}, data.b.id)),
      h('p', {class: 'small muted'}, 'A and B are each run\'s figure (score mean, success rate, latency p50, total cost). The interval and the test are over the cells both runs have (same prompt, model, trial and repetition): a paired bootstrap of the mean difference, McNemar\'s exact test for pass/fail values, else Wilcoxon\'s signed-rank test.' +
        (family ? ' With several models, each metric\'s p-values are ' + family.p_adjustment + '-adjusted over the models tested on it (the raw p-value below).' : '')),
      h('p', null, h('a', {href: '#/compare' + query({item: [data.a.id + '|0', data.b.id + '|0']})}, 'Answers side by side →')),
      table(['Model', 'Metric', h('th', {class: 'num'}, 'A'), h('th', {class: 'num'}, 'B'), h('th', {class: 'num'}, 'B − A'),
        h('th', {class: 'num'}, '95% CI of the paired difference'), h('th', {class: 'num'}, 'p'), 'Test'], rows, {cls: 'deltas'}));
  }

  // ---------------------------------------------------------------- trends

  async function viewTrends(q, stale) {
    const opts = await api.trendOptions();
    if (!opts.models.length) {
      show(stale, h('h1', null, 'Trends'), h('p', {class: 'muted'}, 'No runs yet.'));
      return;
    }
    const metric = q.get('metric') && opts.metrics.includes(q.get('metric')) ? q.get('metric') : opts.metrics[0];
    let models = q.getAll('model').filter(m => opts.models.includes(m));
    if (!models.length) models = opts.models.slice(0, 3);
    const [series, board] = await Promise.all([api.trends(metric, models), api.leaderboard(metric)]);
    const form = h('div', {class: 'filters'},
      h('label', null, 'Metric ', scoreSelect(opts.metrics, metric, m => go('/trends', {metric: m, model: models}), 'metric')),
      h('span', null, 'Models: '), opts.models.map(m => h('label', null, h('input', {type: 'checkbox', checked: models.includes(m),
        onchange: () => go('/trends', {metric, model: [...form.querySelectorAll('input:checked')].map(x => x.value)}), value: m}), ' ', m)));
    const box = chartBox('chart-trend');
    const parts = [h('h1', null, 'Trends'), form, box, h('h2', null, 'Leaderboard across runs: ' + metric),
      board.entries.length ? table(['Rank', 'Model', h('th', {class: 'num'}, 'Mean'), h('th', {class: 'num'}, '95% CI'), h('th', {class: 'num'}, 'n'), 'Latest run'],
        board.entries.map(e => h('tr', null, td(e.rank), td(e.name), td(fmt(e.mean), 'num'),
          td(isNum(e.ci_low) ? '[' + fmt(e.ci_low) + ', ' + fmt(e.ci_high) + ']' : '–', 'num'), td(int(e.n), 'num'),
          td(e.run ? [h('a', {href: '#/run/' + enc(e.run)}, e.run_name), ' ', h('span', {class: 'small muted'}, when(e.started_at))] : '–')))) :
        h('p', {class: 'muted'}, 'Only scores have a leaderboard.')];
    if (!show(stale, parts)) return;
    const palette = ['#2456c7', '#b3261e', '#1d7a3e', '#9a6700', '#7b3fb8', '#00838f'];
    const labels = [...new Set(Object.values(series.series).flat().map(p => p.started_at))].sort();
    const datasets = [];
    Object.entries(series.series).forEach(([model, pts], i) => {
      const color = palette[i % palette.length];
      const at = new Map(pts.map(p => [p.started_at, p]));
      const values = labels.map(l => at.has(l) ? at.get(l).value : null);
      const hasCi = pts.some(p => isNum(p.ci_low));
      if (hasCi) {
        datasets.push({type: 'line', label: model + ' 95% CI low', data: labels.map(l => at.has(l) ? at.get(l).ci_low : null),
          borderColor: 'transparent', pointRadius: 0, fill: false, spanGaps: true});
        datasets.push({type: 'line', label: model + ' 95% CI', data: labels.map(l => at.has(l) ? at.get(l).ci_high : null),
          borderColor: 'transparent', backgroundColor: color + '33', pointRadius: 0, fill: '-1', spanGaps: true});
      }
      datasets.push({type: 'line', label: model, data: values, borderColor: color, backgroundColor: color, spanGaps: true, tension: 0});
    });
    const canvas = box.firstChild;
    canvas.setAttribute('aria-label', metric + ' over runs');
    charts.push(new Chart(canvas, {data: {labels: labels.map(when), datasets},
      options: {maintainAspectRatio: false, animation: false,
        plugins: {title: {display: true, text: metric + ' by run, oldest first'},
          legend: {labels: {filter: item => !item.text.includes('95% CI low')}}},
        scales: {y: {title: {display: true, text: metric}}}}}));
  }

  // ---------------------------------------------------------------- review: drag-and-drop ranking

  async function viewReview(id, q, stale) {
    const [run, reviews] = await Promise.all([api.run(id), api.reviews(id)]);
    const trials = await trialList(id, run);
    const trial = q.get('trial') || (trials[0] && trials[0].trial);
    const rep = Number(q.get('repetition') || (trials[0] && trials[0].repetition) || 0);
    if (!trial) {
      show(stale, runHeader(run), h('p', {class: 'muted'}, 'This run has no answers to review.'));
      return;
    }
    const data = await api.compare({item: run.configs.map(c => id + '|' + c.index), trial, repetition: rep});
    const answered = data.items.filter(it => it.cell && it.cell.ok);
    const me = reviewer();
    const ranked = new Set(reviews.latest.filter(r => r.kind === 'ranking' && r.reviewer === me).map(r => r.trial + '#' + r.repetition));
    const previous = reviews.latest.find(r => r.kind === 'ranking' && r.reviewer === me && r.trial === trial && r.repetition === rep);
    if (previous) {
      const order = previous.ranking.map(x => x.prompt + ' / ' + x.model);
      answered.sort((a, b) => (order.indexOf(a.config.key) + 1 || 999) - (order.indexOf(b.config.key) + 1 || 999));
    }
    const started = Date.now();
    const list = h('ol', {class: 'ranking', id: 'ranking', 'aria-label': 'answers, best first; Alt+Up and Alt+Down move the focused answer'});
    const renumber = () => [...list.children].forEach((li, i) => { li.querySelector('.place').textContent = String(i + 1); });
    const move = (li, by) => {
      const items = [...list.children];
      const at = items.indexOf(li);
      const to = at + by;
      if (to < 0 || to >= items.length) return;
      if (by < 0) list.insertBefore(li, items[to]);
      else list.insertBefore(li, items[to].nextSibling);
      renumber();
      li.focus();
    };
    answered.forEach(it => {
      const li = h('li', {tabindex: 0, 'data-prompt': it.config.prompt, 'data-model': it.config.model, 'aria-label': it.config.key,
        onkeydown: e => {
          if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
            e.preventDefault();
            move(li, e.key === 'ArrowUp' ? -1 : 1);
          }
        }},
      h('span', {class: 'place'}, ''), h('span', {class: 'handle', 'aria-hidden': 'true', title: 'drag'}, '⠿'),
      h('div', {class: 'body'}, h('strong', null, it.config.key), scoreChips(it.cell), h('pre', null, it.cell.output), cellStats(it.cell)),
      h('div', {class: 'moves'}, h('button', {type: 'button', 'aria-label': 'move ' + it.config.key + ' up', onclick: () => move(li, -1)}, '▲'),
        h('button', {type: 'button', 'aria-label': 'move ' + it.config.key + ' down', onclick: () => move(li, 1)}, '▼'),
        h('button', {type: 'button', class: 'small', onclick: () => openCell(id, {prompt: it.config.prompt, model: it.config.model, trial, repetition: rep})}, 'rate')));
      list.appendChild(li);
    });
    renumber();
    if (window.Sortable) {
      window.Sortable.create(list, {animation: 120, handle: '.handle', ghostClass: 'ghost', forceFallback: true, onEnd: renumber});
    }
    const saveButton = h('button', {type: 'button', class: 'primary', id: 'save-ranking', disabled: answered.length < 2, onclick: async () => {
      const who = needReviewer();
      if (!who) return;
      const order = [...list.children].map(li => ({prompt: li.dataset.prompt, model: li.dataset.model}));
      try {
        await api.addReview(id, {kind: 'ranking', reviewer: who, trial, repetition: rep, ranking: order, time_spent_ms: Date.now() - started});
        toast('Ranking saved');
        const next = trials.findIndex(t => t.trial === trial && t.repetition === rep) + 1;
        saveButton.replaceWith(h('span', {class: 'badge ok', id: 'ranking-saved'}, 'saved'),
          next < trials.length ? h('a', {class: 'button', href: '#/run/' + enc(id) + '/review' + query(trials[next])}, 'next trial →') : null,
          h('a', {class: 'button', href: '#/run/' + enc(id) + '/agreement'}, 'see agreement'));
      } catch (e) {
        toast('Not saved: ' + e.message);
      }
    }}, 'Save ranking');
    const listNav = h('div', {class: 'trial-list', role: 'navigation', 'aria-label': 'trials'}, trials.map(t =>
      h('a', {href: '#/run/' + enc(id) + '/review' + query(t), class: t.trial === trial && t.repetition === rep ? 'current' : null},
        (ranked.has(t.trial + '#' + t.repetition) ? '✓ ' : '') + t.trial + (t.repetition ? ' #' + t.repetition : ''))));
    show(stale, runHeader(run),
      h('div', {class: 'filters'}, reviewerInput(), h('span', {class: 'muted small'},
        'Drag the answers into order, best first (or focus one and press Alt+↑ / Alt+↓), then save. Time spent is recorded.')),
      h('div', {class: 'split'}, listNav, h('div', null,
        h('h2', null, 'Trial ' + trial + (rep ? ' #' + rep : '')),
        h('div', {class: 'row'}, data.vars ? h('div', {class: 'grow'}, h('pre', {class: 'card'}, json(data.vars))) : null,
          h('div', {class: 'grow'}, h('strong', null, 'Expected'), data.has_expected ? h('pre', {class: 'card'},
            typeof data.expected === 'string' ? data.expected : json(data.expected)) : h('p', {class: 'muted'}, 'none'))),
        answered.length < 2 ? h('p', {class: 'muted'}, 'Fewer than two answers succeeded on this trial: nothing to rank.') : list,
        h('div', {class: 'row'}, saveButton, previous ? h('span', {class: 'small muted'}, 'You ranked this trial before; saving again replaces it.') : null))));
  }

  async function trialList(id, run) {
    const out = [];
    let page = 0;
    for (;;) {
      const p = await api.cells(id, {configs: run.configs.map(c => c.index).join(','), size: 200, page, keys: '1'});
      p.rows.forEach(r => out.push({trial: r.trial, repetition: r.repetition}));
      if (++page >= p.pages) break;
      if (out.length >= 2000) break;
    }
    return out;
  }

  // ---------------------------------------------------------------- agreement

  async function viewAgreement(id, q, stale) {
    const params = {score: q.get('score') || '', human_weight: q.get('human_weight') || '1', ai_weight: q.get('ai_weight') || '1'};
    const [run, a] = await Promise.all([api.run(id), api.agreement(id, params)]);
    const set = changes => go('/run/' + enc(id) + '/agreement', Object.assign({}, params, changes));
    const hw = h('input', {type: 'number', min: 0, step: 'any', value: params.human_weight, 'aria-label': 'human weight'});
    const aw = h('input', {type: 'number', min: 0, step: 'any', value: params.ai_weight, 'aria-label': 'AI weight'});
    const parts = [runHeader(run), h('h2', null, 'Agreement'),
      h('p', {class: 'muted small'}, a.counts.rankings + ' rankings, ' + a.counts.ratings + ' ratings, ' + a.counts.verdicts + ' verdicts and '
        + a.counts.comments + ' comments by ' + (a.reviewers.length ? a.reviewers.join(', ') : 'nobody yet') + ' (the latest of each reviewer\'s reviews).'),
      a.score_names.length ? h('form', {class: 'filters', onsubmit: e => {
        e.preventDefault();
        set({human_weight: hw.value, ai_weight: aw.value});
      }}, h('label', null, 'AI ranking by ', scoreSelect(a.score_names, a.score, s => set({score: s}), 'AI score')),
      h('label', null, 'human weight ', hw), h('label', null, 'AI weight ', aw), h('button', {type: 'submit', class: 'primary'}, 'Recompute'))
        : h('p', {class: 'muted'}, 'The run has no scores: there is no AI ranking to compare with.')];
    parts.push(h('h3', null, 'Each reviewer\'s rankings against ' + (a.score || 'the AI')));
    parts.push(a.rankings.length ? a.rankings.map(r => h('div', {class: 'card reviewer-agreement'},
      h('strong', null, r.reviewer), ': pooled Kendall tau-b ',
      h('span', {class: 'tau'}, r.pooled ? fmt(r.pooled.tau_b) + ' (' + pval(r.pooled.p) + ')' : 'undefined'),
      ' over ' + r.trials.length + ' ranked trial' + (r.trials.length === 1 ? '' : 's'),
      h('details', null, h('summary', null, 'per trial'), table(['Trial', h('th', {class: 'num'}, 'Answers'), h('th', {class: 'num'}, 'tau-b'), h('th', {class: 'num'}, 'p')],
        r.trials.map(t => h('tr', null, td(t.trial + (t.repetition ? ' #' + t.repetition : '')), td(t.n, 'num'),
          td(isNum(t.tau_b) ? fmt(t.tau_b) : 'undefined', 'num'), td(pval(t.p), 'num'))))))) :
      h('p', {class: 'muted'}, 'No rankings yet: rank answers in the Review tab.'));
    const vv = a.verdicts_vs_ai;
    if (vv) {
      parts.push(h('h3', null, 'Each reviewer\'s verdicts against ' + vv.score + (isNum(vv.pass_at) ? ' (pass at score \u2265 ' + vv.pass_at + ')' : '')));
      parts.push(vv.rows.length ? h('div', {class: 'verdicts-vs-ai'}, table(['Reviewer', h('th', {class: 'num'}, 'Answers with a verdict and a score'),
        h('th', {class: 'num'}, 'Cohen\'s kappa (acceptable vs pass)')],
        vv.rows.map(v => h('tr', {title: v.describe}, td(v.reviewer), td(v.n, 'num'), td(isNum(v.kappa) ? fmt(v.kappa) : 'undefined', 'num')))))
        : h('p', {class: 'muted small'}, vv.note || 'No verdicts yet.'));
    }
    const rec = a.recommendation;
    parts.push(h('h3', null, 'Recommendation (weighted Borda count of human and AI rankings)'));
    parts.push(rec ? [h('p', null, 'Recommended: ', h('strong', {id: 'recommended'}, rec.recommended),
      rec.agreement && isNum(rec.agreement.tau_b) ? ' · human vs AI over configurations: tau-b ' + fmt(rec.agreement.tau_b) + ' (' + pval(rec.agreement.p) + ')' : ''),
    table(['Configuration', h('th', {class: 'num'}, 'Points'), h('th', {class: 'num'}, 'Human points'), h('th', {class: 'num'}, 'AI points')],
      rec.ranking.map(e => h('tr', null, td(e.name), td(fmt(e.points, 2), 'num'), td(fmt(e.human_points, 2), 'num'), td(fmt(e.ai_points, 2), 'num'))))]
      : h('p', {class: 'muted'}, a.recommendation_error || 'Needs rankings and an AI score.'));
    parts.push(h('h3', null, 'Between reviewers'));
    if (a.between_note) parts.push(h('p', {class: 'small muted'}, a.between_note));
    parts.push(a.verdicts.length ? table(['Reviewers', h('th', {class: 'num'}, 'Answers both judged'), h('th', {class: 'num'}, 'Cohen\'s kappa (acceptable)')],
      a.verdicts.map(v => h('tr', null, td(v.a + ' & ' + v.b), td(v.n, 'num'), td(isNum(v.kappa) ? fmt(v.kappa) : 'undefined', 'num'))))
      : h('p', {class: 'muted small'}, 'Kappa on acceptable/unacceptable needs two reviewers who judged the same answers.'));
    const vr = a.verdict_reliability;
    if (vr && vr.reviewers.length >= 2) {
      parts.push(h('p', {class: 'verdict-reliability', title: vr.describe}, 'Krippendorff\'s alpha of all reviewers\' verdicts ('
        + vr.reviewers.length + ' reviewers, ' + vr.answers + ' answers, ' + vr.pairable + ' pairable verdicts): ',
        h('strong', null, isNum(vr.alpha) ? fmt(vr.alpha) : 'undefined'),
        isNum(vr.fleiss_kappa) ? ' \u00b7 Fleiss\' kappa over the ' + vr.judged_by_all + ' answers all judged: ' + fmt(vr.fleiss_kappa) : ''));
    }
    parts.push(a.ratings.length ? table(['Reviewers', h('th', {class: 'num'}, 'Answers both rated'), h('th', {class: 'num'}, 'Weighted kappa (quadratic)')],
      a.ratings.map(v => h('tr', null, td(v.a + ' & ' + v.b), td(v.n, 'num'), td(isNum(v.kappa) ? fmt(v.kappa) : 'undefined', 'num'))))
      : h('p', {class: 'muted small'}, 'Weighted kappa on ratings needs two reviewers who rated the same answers on the same scale.'));
    parts.push((a.concordance || []).map(c => h('p', {class: 'concordance'}, 'Kendall\'s W of ' + c.reviewers.join(', ') + ' on ' + c.scale
      + ' over the ' + c.items + ' answers they all rated: ', h('strong', null, isNum(c.w) ? fmt(c.w) : 'undefined'),
      isNum(c.p) ? ' (' + pval(c.p) + ')' : '')));
    parts.push((a.rating_reliability || []).filter(r => r.reviewers.length >= 2).map(r => h('p', {class: 'rating-reliability', title: r.describe},
      'Krippendorff\'s alpha of ' + r.reviewers.join(', ') + ' on ' + r.scale + ' (' + r.answers + ' answers, ' + r.pairable
      + ' pairable ratings): ordinal ', h('strong', null, isNum(r.alpha_ordinal) ? fmt(r.alpha_ordinal) : 'undefined'),
      ', interval ', h('strong', null, isNum(r.alpha_interval) ? fmt(r.alpha_interval) : 'undefined'))));
    parts.push(h('h3', null, 'Unacceptable answers per configuration'));
    parts.push(a.unacceptable.length ? table(['Configuration', h('th', {class: 'num'}, 'Unacceptable'), h('th', {class: 'num'}, 'Judged')],
      a.unacceptable.map(u => h('tr', null, td(u.config), td(u.unacceptable, 'num'), td(u.judged, 'num'))))
      : h('p', {class: 'muted small'}, 'No verdicts yet.'));
    show(stale, parts);
  }

  // ---------------------------------------------------------------- the report: the same API over embedded data

  const api = MODE === 'report' ? reportApi(JSON.parse(document.getElementById('bench4j-data').textContent)) : serverApi;

  function reportApi(D) {
    const local = {};   // reviews made in this file, by run
    const idx = {};
    const ok = v => Promise.resolve(v);
    const fail = m => Promise.reject(new Error(m));
    const runOf = id => D.run[id] ? D.run[id] : null;

    function index(id) {
      if (idx[id]) return idx[id];
      const c = D.cells[id];
      const nc = c.configs.length;
      const reps = Math.max(1, c.repetitions);
      const rowOf = new Map();
      const rows = [];
      c.rows.forEach((cell, i) => {
        const key = cell[1] * reps + cell[2];
        if (!rowOf.has(key)) {
          rowOf.set(key, rows.length);
          rows.push({trial: cell[1], rep: cell[2], cells: new Array(nc).fill(-1)});
        }
        rows[rowOf.get(key)].cells[cell[0]] = i;
      });
      rows.sort((a, b) => a.rep - b.rep || a.trial - b.trial);   // as the server: repetition 0 of every trial first
      const rowAt = new Map(rows.map((r, i) => [r.trial * reps + r.rep, i]));
      const trialAt = new Map(c.trials.map((t, i) => [t, i]));
      idx[id] = {c, rows, rowAt, trialAt, reps};
      return idx[id];
    }

    const F = {CFG: 0, TRIAL: 1, REP: 2, OK: 3, OUT: 4, FINISH: 5, RAW: 6, ERR: 7, LAT: 8, TTFT: 9, IN: 10, OUTTOK: 11, REASONING: 12,
      CACHEDIN: 13, TOTAL: 14, COST: 15, CACHED: 16, ATTEMPTS: 17, VERSION: 18, SCORES: 19, STARTED: 20};

    function summaryOf(x, cell, preview) {
      const s = {};
      const reasons = {};
      const errors = {};
      Object.entries(cell[F.SCORES] || {}).forEach(([k, v]) => {
        if (isNum(v[0])) s[k] = v[0];
        if (v[1]) reasons[k] = v[1].length > 400 ? v[1].slice(0, 400) + '…' : v[1];
        if (v[2]) errors[k] = v[2];
      });
      const out = cell[F.OUT];
      return {ok: !!cell[F.OK], output: out.length > preview ? out.slice(0, preview) + '…' : out, output_cut: out.length > preview,
        finish_reason: cell[F.FINISH], error: cell[F.ERR] ? cell[F.ERR].kind + ': ' + cell[F.ERR].message : null,
        latency_ms: cell[F.LAT], input_tokens: cell[F.IN], output_tokens: cell[F.OUTTOK], cost_usd: cell[F.COST], cached: !!cell[F.CACHED],
        scores: s, reasons, score_errors: errors};
    }

    function configJson(c, i) {
      return {index: i, key: c.configs[i].prompt + ' / ' + c.configs[i].model, prompt: c.configs[i].prompt, model: c.configs[i].model};
    }

    function cells(id, q) {
      if (!D.cells[id]) return fail('the report has no run ' + id);
      const x = index(id);
      const c = x.c;
      let configs = q.configs ? String(q.configs).split(',').map(x => x.trim()) : c.configs.slice(0, 6).map((_, i) => String(i));
      const bad = configs.find(v => !/^\d+$/.test(v) || Number(v) >= c.configs.length);
      if (bad !== undefined) return fail('configs: must be from 0 to ' + (c.configs.length - 1) + ' but was ' + bad);
      configs = configs.map(Number);
      if (q.score && !c.score_names.includes(q.score)) {
        return fail('score: the run has no score \'' + q.score + '\'; it has [' + c.score_names.join(', ') + ']');
      }
      const scoreName = q.score || c.score_names[0] || null;
      const below = q.below !== undefined && q.below !== '' ? Number(q.below) : NaN;
      const above = q.above !== undefined && q.above !== '' ? Number(q.above) : NaN;
      if ((!isNaN(below) || !isNaN(above)) && !scoreName) return fail('below/above: the run has no score to compare');
      const text = (q.q || '').trim().toLowerCase();
      const val = (i, name) => {
        const v = c.rows[i][F.SCORES] && c.rows[i][F.SCORES][name];
        return v && isNum(v[0]) ? v[0] : NaN;
      };
      const keep = r => {
        let present = 0, anyFailed = false, anyOk = false, anyBelow = false, anyAbove = false, min = Infinity, max = -Infinity;
        let anyText = text && c.trials[r.trial].toLowerCase().includes(text);
        let first = null, differ = false;
        for (const k of configs) {
          const i = r.cells[k];
          if (i < 0) continue;
          present++;
          const cell = c.rows[i];
          anyFailed = anyFailed || !cell[F.OK];
          anyOk = anyOk || !!cell[F.OK];
          if (scoreName) {
            const v = val(i, scoreName);
            if (!isNaN(v)) {
              min = Math.min(min, v);
              max = Math.max(max, v);
              anyBelow = anyBelow || v < below;
              anyAbove = anyAbove || v > above;
            }
          } else if (cell[F.OK]) {
            const n = cell[F.OUT].trim().replace(/\s+/g, ' ');
            if (first === null) first = n; else differ = differ || first !== n;
          }
          if (text && !anyText) {
            anyText = cell[F.OUT].toLowerCase().includes(text) || (cell[F.ERR] && (cell[F.ERR].kind + ': ' + cell[F.ERR].message).toLowerCase().includes(text));
          }
        }
        if (!present) return false;
        if (q.failed && !anyFailed) return false;
        if (q.disagree && !(anyFailed && anyOk || (scoreName ? max - min > 1e-9 : differ))) return false;
        if (!isNaN(below) && !anyBelow) return false;
        if (!isNaN(above) && !anyAbove) return false;
        return !text || anyText;
      };
      let rows = x.rows.filter(keep);
      const sort = q.sort || 'trial';
      const desc = q.dir === 'desc';
      if (sort !== 'trial') {
        const [ci, ...rest] = sort.split(':');
        const metric = rest.join(':');
        const v = r => {
          const i = r.cells[Number(ci)];
          if (i < 0) return NaN;
          const cell = c.rows[i];
          const m = {latency: cell[F.LAT], cost: cell[F.COST], output_tokens: cell[F.OUTTOK], input_tokens: cell[F.IN]};
          const got = metric in m ? m[metric] : val(i, metric);
          return isNum(got) ? got : NaN;
        };
        rows = rows.map((r, i) => ({r, i, v: v(r)})).sort((a, b) => {
          if (isNaN(a.v) || isNaN(b.v)) return isNaN(a.v) ? (isNaN(b.v) ? a.i - b.i : 1) : -1;
          return (desc ? b.v - a.v : a.v - b.v) || a.i - b.i;
        }).map(o => o.r);
      } else if (desc) {
        rows = rows.slice().reverse();
      }
      const size = Math.min(200, Math.max(1, Number(q.size) || 25));
      const pages = Math.max(1, Math.ceil(rows.length / size));
      const page = Math.max(0, Number(q.page) || 0);
      const shown = rows.slice(page * size, page * size + size);
      return ok({total_rows: rows.length, all_rows: x.rows.length, page, size, pages, configs: configs.map(i => configJson(c, i)),
        score_names: c.score_names, disagreement_score: scoreName, text_complete: true,
        rows: shown.map(r => q.keys ? {trial: c.trials[r.trial], repetition: r.rep} : {trial: c.trials[r.trial], repetition: r.rep,
          cells: configs.map(k => r.cells[k] < 0 ? null : summaryOf(x, c.rows[r.cells[k]], 600))})});
    }

    function cellIndex(id, cell) {
      const x = index(id);
      const k = x.c.configs.findIndex(g => g.prompt === cell.prompt && g.model === cell.model);
      const t = x.trialAt.get(cell.trial);
      const row = t === undefined ? undefined : x.rowAt.get(t * x.reps + Number(cell.repetition || 0));
      return k < 0 || row === undefined ? -1 : x.rows[row].cells[k];
    }

    function cellFull(id, cell) {
      if (!D.cells[id]) return fail('the report has no run ' + id);
      const x = index(id);
      const i = cellIndex(id, cell);
      if (i < 0) return fail('run ' + id + ' has no result for cell ' + cell.prompt + '/' + cell.model + '/' + cell.trial + '#' + (cell.repetition || 0));
      const r = x.c.rows[i];
      const trialData = x.c.trial_data[r[F.TRIAL]];
      const msgs = x.c.messages[x.c.configs[r[F.CFG]].prompt_index + ':' + r[F.TRIAL]];
      const scores = {};
      Object.entries(r[F.SCORES] || {}).forEach(([k, v]) => {
        scores[k] = {value: isNum(v[0]) ? v[0] : null, reason: v[1], error: v[2], details: v[3] || {}, calls: []};
      });
      const mine = allReviews(id).latest.filter(v => v.kind !== 'ranking' && v.prompt === cell.prompt && v.model === cell.model
        && v.trial === cell.trial && v.repetition === Number(cell.repetition || 0));
      return ok({cell: {prompt: cell.prompt, model: cell.model, trial: cell.trial, repetition: Number(cell.repetition || 0)},
        messages: Array.isArray(msgs) ? msgs.map(m => ({role: m[0], content: x.c.strings[m[1]]})) : null,
        render_error: typeof msgs === 'string' ? msgs : null, template: null,
        vars: trialData ? trialData.vars : null, has_expected: !!(trialData && trialData.has_expected), expected: trialData ? trialData.expected : null,
        output: r[F.OUT], ok: !!r[F.OK], finish_reason: r[F.FINISH], raw_finish_reason: r[F.RAW], error: r[F.ERR],
        usage: {input_tokens: r[F.IN], output_tokens: r[F.OUTTOK], reasoning_tokens: r[F.REASONING], cached_input_tokens: r[F.CACHEDIN], total_tokens: r[F.TOTAL]},
        latency_ms: r[F.LAT], time_to_first_token_ms: r[F.TTFT], cost_usd: r[F.COST], cached: !!r[F.CACHED], attempts: r[F.ATTEMPTS],
        model_version: r[F.VERSION], started_at: r[F.STARTED], scores, metrics: {}, reviews: mine});
    }

    function compare(q) {
      const items = [].concat(q.item || []).map(s => {
        const bar = s.lastIndexOf('|');
        const id = s.slice(0, bar);
        if (!D.cells[id]) throw new Error('the report has no run ' + id);
        const x = index(id);
        const k = Number(s.slice(bar + 1));
        if (!(k >= 0 && k < x.c.configs.length)) throw new Error('item: no configuration ' + s.slice(bar + 1));
        return {id, x, k};
      });
      const cellOf = (it, trial, rep) => {
        const t = it.x.trialAt.get(trial);
        const row = t === undefined ? undefined : it.x.rowAt.get(t * it.x.reps + rep);
        const i = row === undefined ? -1 : it.x.rows[row].cells[it.k];
        return i < 0 ? null : it.x.c.rows[i];
      };
      const disagree = (trial, rep) => {
        let firstOk = null, first = null, any = false, differ = false;
        const firstValue = {};
        for (const it of items) {
          const cell = cellOf(it, trial, rep);
          if (!cell) continue;
          if (firstOk === null) firstOk = !!cell[F.OK]; else if (firstOk !== !!cell[F.OK]) return true;
          for (const [k, v] of Object.entries(cell[F.SCORES] || {})) {
            if (!isNum(v[0])) continue;
            any = true;
            if (!(k in firstValue)) firstValue[k] = v[0]; else if (Math.abs(firstValue[k] - v[0]) > 1e-9) return true;
          }
          const n = cell[F.OUT].trim().replace(/\s+/g, ' ');
          if (first === null) first = n; else differ = differ || first !== n;
        }
        return !any && differ;
      };
      const seen = new Set();
      const rows = [];
      items.forEach(it => it.x.rows.forEach(r => {
        if (r.cells[it.k] < 0) return;
        const trial = it.x.c.trials[r.trial];
        const key = trial + '\u0000' + r.rep;
        if (seen.has(key)) return;
        seen.add(key);
        if (!q.disagree || disagree(trial, r.rep)) rows.push({trial, repetition: r.rep});
      }));
      let trial = q.trial || null;
      let rep = Number(q.repetition || 0);
      let at = rows.findIndex((r, i) => trial === null ? i === 0 : r.trial === trial && r.repetition === rep);
      if (trial === null && rows.length) {
        trial = rows[0].trial;
        rep = rows[0].repetition;
      }
      const manyRuns = new Set(items.map(it => it.id)).size > 1;
      const scoreNames = [...new Set(items.flatMap(it => it.x.c.score_names))];
      const cells = items.map(it => trial === null ? null : cellOf(it, trial, rep));
      const summaries = cells.map((cell, i) => cell ? summaryOf(items[i].x, cell, Infinity) : null);
      const marks = {};
      scoreNames.forEach(s => {
        const first = summaries[0] && isNum(summaries[0].scores[s]) ? summaries[0].scores[s] : null;
        marks[s] = summaries.map((c, i) => {
          const v = c && isNum(c.scores[s]) ? c.scores[s] : null;
          if (i === 0) return v === null ? null : 'reference';
          return v === null || first === null ? null : Math.abs(v - first) < 1e-9 ? 'agree' : 'disagree';
        });
      });
      const x0 = items[0].x;
      const t0 = trial === null ? undefined : x0.trialAt.get(trial);
      const td0 = t0 === undefined ? null : x0.c.trial_data[t0];
      return ok({trial, repetition: rep, position: at, count: rows.length,
        prev: at > 0 ? rows[at - 1] : null, next: at >= 0 && at + 1 < rows.length ? rows[at + 1] : at < 0 && rows.length ? rows[0] : null,
        items: items.map((it, i) => ({run: it.id, run_name: D.run[it.id].name, config: configJson(it.x.c, it.k),
          label: (manyRuns ? it.id + ' · ' : '') + it.x.c.configs[it.k].prompt + ' / ' + it.x.c.configs[it.k].model, cell: summaries[i]})),
        score_names: scoreNames, marks, vars: td0 ? td0.vars : null, has_expected: !!(td0 && td0.has_expected), expected: td0 ? td0.expected : null});
    }

    function allReviews(id) {
      const all = (D.reviews[id] || []).concat(local[id] || []);
      return {all, latest: Stats.latest(all), reviewers: [...new Set(all.map(r => r.reviewer))].sort()};
    }

    function addReview(id, review) {
      const i = cellIndexForReview(id, review);
      if (i) return fail(i);
      const r = Object.assign({}, review, {at: new Date().toISOString()});
      (local[id] = local[id] || []).push(r);
      updateBanner();
      return ok({saved: r});
    }

    function cellIndexForReview(id, r) {
      if (!D.cells[id]) return 'the report has no run ' + id;
      if (!r.reviewer || !String(r.reviewer).trim()) return 'reviewer must not be blank';
      const cells = r.kind === 'ranking' ? r.ranking.map(x => ({prompt: x.prompt, model: x.model, trial: r.trial, repetition: r.repetition})) : [r];
      for (const c of cells) {
        if (cellIndex(id, c) < 0) return 'run ' + id + ' has no answer to review for cell ' + c.prompt + '/' + c.model + '/' + c.trial + '#' + c.repetition;
      }
      return null;
    }

    function updateBanner() {
      const n = Object.values(local).reduce((s, a) => s + a.length, 0);
      const b = document.getElementById('banner');
      b.hidden = n === 0;
      b.replaceChildren(h('span', null, n + ' review' + (n === 1 ? '' : 's') + ' made in this file, not yet saved anywhere.'),
        h('button', {type: 'button', class: 'primary', id: 'download-reviews', onclick: download}, 'Download reviews'),
        h('span', {class: 'small muted'}, 'then, for each run: ' + Object.keys(local).filter(id => local[id].length)
          .map(id => 'bench review ' + id + ' --import ' + id + '.reviews.jsonl --store DIR').join('; ')));
    }

    function download() {
      Object.entries(local).forEach(([id, list]) => {
        const text = list.map(r => JSON.stringify(r)).join('\n') + '\n';
        const a = h('a', {href: URL.createObjectURL(new Blob([text], {type: 'application/x-ndjson'})), download: id + '.reviews.jsonl'});
        document.body.appendChild(a);
        a.click();
        a.remove();
      });
    }

    window.addEventListener('beforeunload', e => {
      if (Object.values(local).some(a => a.length)) {
        e.preventDefault();
        e.returnValue = '';
      }
    });

    function agreement(id, q) {
      if (!D.cells[id]) return fail('the report has no run ' + id);
      const x = index(id);
      const names = x.c.score_names;
      const score = q.score && names.includes(q.score) ? q.score : D.agreement[id].default_score;
      const ai = new Map();
      if (score) {
        x.c.rows.forEach(r => {
          const v = r[F.SCORES] && r[F.SCORES][score];
          if (v && isNum(v[0])) ai.set(x.c.configs[r[F.CFG]].prompt + '\u0000' + x.c.configs[r[F.CFG]].model + '\u0000' + x.c.trials[r[F.TRIAL]] + '\u0000' + r[F.REP], v[0]);
        });
      }
      const revs = allReviews(id);
      const live = Stats.agreement(revs.latest, ai, Number(q.human_weight || 1), Number(q.ai_weight || 1));
      const stored = D.agreement[id];
      const madeHere = (local[id] || []).some(r => r.kind === 'rating' || r.kind === 'verdict');
      return ok(Object.assign({score_names: names, score, reviewers: revs.reviewers}, live, {
        verdicts: stored.verdicts, ratings: stored.ratings, concordance: stored.concordance,
        verdict_reliability: stored.verdict_reliability, rating_reliability: stored.rating_reliability,
        verdicts_vs_ai: score === stored.default_score ? stored.verdicts_vs_ai : null,
        between_note: madeHere ? 'Between reviewers: computed when this report was written; ratings and verdicts made in this file count after bench review --import.' : null}));
    }

    return {
      runs: q => {
        const f = k => (q[k] || '').trim().toLowerCase();
        const since = q.since ? q.since : null;
        const until = q.until ? q.until : null;
        const rows = D.runs.runs.filter(r => (!f('name') || r.name.toLowerCase().includes(f('name')) || r.id.toLowerCase().includes(f('name')))
          && (!f('model') || r.models.some(m => m.toLowerCase().includes(f('model'))))
          && (!f('prompt') || r.prompts.some(m => m.toLowerCase().includes(f('prompt'))))
          && (!q.status || r.status === q.status)
          && (!since || r.started_at.slice(0, 10) >= since) && (!until || r.started_at.slice(0, 10) <= until));
        return ok({runs: rows, score_names: D.runs.score_names, matching: rows.length, total: D.runs.runs.length});
      },
      run: id => runOf(id) ? ok(runOf(id)) : fail('the report has no run ' + id),
      cells,
      cell: cellFull,
      compare: q => {
        try {
          return compare(q);
        } catch (e) {
          return fail(e.message);
        }
      },
      compareRuns: (a, b) => D.compare_runs[a + '|' + b] ? ok(D.compare_runs[a + '|' + b]) : fail('the report compares only runs it holds'),
      trendOptions: () => ok(D.trends.options),
      trends: (metric, models) => {
        const series = {};
        models.forEach(m => { series[m] = (D.trends.series[metric] || {})[m] || []; });
        return ok({metric, series});
      },
      leaderboard: metric => ok(D.leaderboards[metric] || {metric, entries: []}),
      reviews: id => ok(allReviews(id)),
      agreement,
      addReview
    };
  }

  // ---------------------------------------------------------------- statistics the report computes in the page

  /*
   * The same definitions as bench-scoring (Kendall tau-b as scipy.stats.kendalltau: exact p without
   * ties for n <= 33, else the normal approximation with tie-corrected variance; the pooled tau-b sums
   * S and the variances over trials; the weighted Borda count of Recommendation.borda), so that a
   * ranking made in a report shows the numbers bench4j's library gives for it.
   */
  const Stats = (function () {
    function latest(reviews) {
      const last = new Map();
      reviews.forEach(r => {
        const target = r.kind === 'ranking' ? r.trial + '\u0000' + r.repetition
          : r.prompt + '\u0000' + r.model + '\u0000' + r.trial + '\u0000' + r.repetition;
        const key = r.reviewer + '\u0000' + r.kind + '\u0000' + target;
        last.delete(key);
        last.set(key, r);
      });
      return [...last.values()].filter(r => !(r.kind === 'comment' && !r.text));
    }

    function lgammaHalf() {
      return 0.5723649429247001;   // ln(sqrt(pi))
    }

    /** Q(1/2, x): the regularized upper incomplete gamma function at a = 1/2 (series or continued fraction). */
    function gammaQHalf(x) {
      const a = 0.5;
      if (x <= 0) return 1;
      const front = Math.exp(-x + a * Math.log(x) - lgammaHalf());
      if (x < a + 1) {
        let ap = a, sum = 1 / a, del = sum;
        for (let n = 0; n < 1000; n++) {
          ap += 1;
          del *= x / ap;
          sum += del;
          if (Math.abs(del) < Math.abs(sum) * 1e-17) break;
        }
        return 1 - sum * front;
      }
      const tiny = 1e-300;
      let b = x + 1 - a, c = 1 / tiny, d = 1 / b, hh = d;
      for (let i = 1; i < 1000; i++) {
        const an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < tiny) d = tiny;
        c = b + an / c;
        if (Math.abs(c) < tiny) c = tiny;
        d = 1 / d;
        const del = d * c;
        hh *= del;
        if (Math.abs(del - 1) < 1e-17) break;
      }
      return front * hh;
    }

    /** Two-sided p of a standard normal z: erfc(|z| / sqrt 2). */
    function twoSided(z) {
      return Math.min(1, gammaQHalf(z * z / 2));
    }

    function factorial(n) {
      let f = 1;
      for (let i = 2; i <= n; i++) f *= i;
      return f;
    }

    function exactP(n, concordant) {
      const total = n * (n - 1) / 2;
      const c = Math.min(concordant, total - concordant);
      let prob;
      if (n <= 2) prob = 1;
      else if (c === 0) prob = 2 / factorial(n);
      else if (c === 1) prob = 2 / factorial(n - 1);
      else if (4 * c === n * (n - 1)) prob = 1;
      else {
        const counts = new Array(c + 1).fill(0);
        counts[0] = 1;
        counts[1] = 1;
        for (let j = 3; j <= n; j++) {
          for (let i = 1; i <= c; i++) counts[i] += counts[i - 1];
          if (j <= c) for (let i = c; i >= j; i--) counts[i] -= counts[i - j];
        }
        prob = 2 * counts.reduce((s, v) => s + v, 0) / factorial(n);
      }
      return Math.min(1, Math.max(0, prob));
    }

    function ties(values) {
      const count = new Map();
      values.forEach(v => count.set(v, (count.get(v) || 0) + 1));
      let t = 0, x0 = 0, x1 = 0;
      count.forEach(k => {
        if (k > 1) {
          t += k * (k - 1) / 2;
          x0 += k * (k - 1) * (k - 2);
          x1 += k * (k - 1) * (2 * k + 5);
        }
      });
      return {t, x0, x1};
    }

    /** The parts of tau-b for one sample: S, the pair counts and the tie-corrected variance of S. */
    function parts(x, y) {
      const n = x.length;
      let s = 0, dis = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const a = Math.sign(x[i] - x[j]) * Math.sign(y[i] - y[j]);
          s += a;
          if (a < 0) dis++;
        }
      }
      const tx = ties(x);
      const ty = ties(y);
      const tot = n * (n - 1) / 2;
      const m = n * (n - 1);
      let v = (m * (2 * n + 5) - tx.x1 - ty.x1) / 18 + (2 * tx.t * ty.t) / m;
      if (tx.x0 !== 0 && ty.x0 !== 0 && n > 2) v += tx.x0 * ty.x0 / (9 * m * (n - 2));
      return {n, s, dis, tot, tx: tx.t, ty: ty.t, v};
    }

    function tauB(x, y) {
      if (x.length < 2) return null;
      const p = parts(x, y);
      if (p.tx === p.tot || p.ty === p.tot) return null;
      const tau = Math.max(-1, Math.min(1, p.s / Math.sqrt(p.tot - p.tx) / Math.sqrt(p.tot - p.ty)));
      let pv;
      if (p.tx === 0 && p.ty === 0 && (p.n <= 33 || Math.min(p.dis, p.tot - p.dis) <= 1)) pv = exactP(p.n, p.tot - p.dis);
      else pv = twoSided(p.s / Math.sqrt(p.v));
      return {tau_b: tau, p: pv, n: p.n};
    }

    function pooled(samples) {
      let s = 0, v = 0, dx = 0, dy = 0, n = 0;
      samples.forEach(([x, y]) => {
        if (x.length < 2) return;
        const p = parts(x, y);
        if (p.tx === p.tot || p.ty === p.tot) return;
        s += p.s;
        v += p.v;
        dx += p.tot - p.tx;
        dy += p.tot - p.ty;
        n += p.n;
      });
      if (dx === 0 || dy === 0 || v <= 0) return null;
      return {tau_b: Math.max(-1, Math.min(1, s / Math.sqrt(dx * dy))), p: twoSided(s / Math.sqrt(v)), n};
    }

    function averageRanks(values) {
      const order = values.map((v, i) => i).sort((a, b) => values[a] - values[b]);
      const ranks = new Array(values.length);
      for (let i = 0; i < order.length;) {
        let j = i;
        while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++;
        const r = (i + j) / 2 + 1;
        for (let k = i; k <= j; k++) ranks[order[k]] = r;
        i = j + 1;
      }
      return ranks;
    }

    function borda(human, ai, hw, aw) {
      const names = [...human.keys()].filter(k => ai.has(k)).sort();
      if (!names.length) return null;
      const hp = averageRanks(names.map(k => human.get(k)));
      const ap = averageRanks(names.map(k => ai.get(k)));
      const ranking = names.map((name, i) => ({name, points: hw * (hp[i] - 1) + aw * (ap[i] - 1), human_points: hp[i] - 1, ai_points: ap[i] - 1,
        h: human.get(name), a: ai.get(name)}));
      ranking.sort((p, q) => (Math.abs(q.points - p.points) > 1e-12 ? q.points - p.points : 0) || q.h - p.h || q.a - p.a || (p.name < q.name ? -1 : 1));
      const t = tauB(names.map(k => human.get(k)), names.map(k => ai.get(k)));
      return {human_weight: hw, ai_weight: aw, recommended: ranking[0].name,
        ranking: ranking.map(r => ({name: r.name, points: r.points, human_points: r.human_points, ai_points: r.ai_points})),
        agreement: t ? {tau_b: t.tau_b, p: t.p, n: t.n} : null};
    }

    /** Rankings against the AI score, the recommendation, unacceptable counts and review counts, from reviews in effect. */
    function agreement(latestReviews, ai, hw, aw) {
      const key = (prompt, model, trial, rep) => prompt + '\u0000' + model + '\u0000' + trial + '\u0000' + rep;
      const rankings = latestReviews.filter(r => r.kind === 'ranking');
      const byReviewer = new Map();
      rankings.forEach(r => {
        if (!byReviewer.has(r.reviewer)) byReviewer.set(r.reviewer, []);
        byReviewer.get(r.reviewer).push(r);
      });
      const out = [];
      [...byReviewer.keys()].sort().forEach(name => {
        const samples = [];
        const trials = byReviewer.get(name).slice().sort((a, b) => (a.trial < b.trial ? -1 : a.trial > b.trial ? 1 : 0)
          || a.repetition - b.repetition).map(r => {
          const hx = [], ax = [];
          const n = r.ranking.length;
          r.ranking.forEach((c, pos) => {
            const v = ai.get(key(c.prompt, c.model, r.trial, r.repetition));
            if (v !== undefined) {
              hx.push(n - 1 - pos);
              ax.push(v);
            }
          });
          samples.push([hx, ax]);
          const t = tauB(hx, ax);
          return {trial: r.trial, repetition: r.repetition, n: hx.length, tau_b: t ? t.tau_b : null, p: t ? t.p : null};
        });
        out.push({reviewer: name, trials, pooled: pooled(samples)});
      });
      // Borda: human = mean normalized points over every ranking a configuration is in; AI = its mean score over those ranked trials
      const humanSum = new Map(), humanN = new Map(), aiSum = new Map(), aiN = new Map();
      rankings.forEach(r => {
        const n = r.ranking.length;
        r.ranking.forEach((c, pos) => {
          const name = c.prompt + ' / ' + c.model;
          humanSum.set(name, (humanSum.get(name) || 0) + (n - 1 - pos) / (n - 1));
          humanN.set(name, (humanN.get(name) || 0) + 1);
        });
      });
      const rankedCells = new Map();   // the configuration's answers that some ranking holds, each once
      rankings.forEach(r => r.ranking.forEach(c => {
        const name = c.prompt + ' / ' + c.model;
        if (!rankedCells.has(name)) rankedCells.set(name, new Set());
        rankedCells.get(name).add(key(c.prompt, c.model, r.trial, r.repetition));
      }));
      rankedCells.forEach((cells, name) => cells.forEach(k => {
        const v = ai.get(k);
        if (v === undefined) return;
        aiSum.set(name, (aiSum.get(name) || 0) + v);
        aiN.set(name, (aiN.get(name) || 0) + 1);
      }));
      const human = new Map([...humanSum].map(([k, v]) => [k, v / humanN.get(k)]));
      const aiMeans = new Map([...aiSum].map(([k, v]) => [k, v / aiN.get(k)]));
      let recommendation = null;
      let recommendationError = null;
      if (!(isFinite(hw) && hw >= 0)) recommendationError = 'humanWeight must be finite and >= 0, was ' + hw;
      else if (!(isFinite(aw) && aw >= 0)) recommendationError = 'aiWeight must be finite and >= 0, was ' + aw;
      else if (hw === 0 && aw === 0) recommendationError = 'humanWeight and aiWeight must not both be 0';
      else if (!rankings.length) recommendationError = 'reviews hold no ranking to recommend from';
      else recommendation = borda(human, aiMeans, hw, aw);
      if (!recommendation && !recommendationError) recommendationError = 'no ranked answer has an AI score';
      const judged = new Map(), bad = new Map();
      latestReviews.filter(r => r.kind === 'verdict').forEach(r => {
        const cell = key(r.prompt, r.model, r.trial, r.repetition);
        const name = r.prompt + ' / ' + r.model;
        if (!judged.has(name)) judged.set(name, new Set());
        if (!bad.has(name)) bad.set(name, new Set());
        judged.get(name).add(cell);
        if (!r.acceptable) bad.get(name).add(cell);
      });
      const counts = {ratings: 0, verdicts: 0, comments: 0, rankings: 0};
      latestReviews.forEach(r => { counts[r.kind + 's']++; });
      return {rankings: out, recommendation, recommendation_error: recommendationError,
        unacceptable: [...judged.keys()].sort().map(name => ({config: name, unacceptable: bad.get(name).size, judged: judged.get(name).size})),
        counts};
    }

    return {latest, tauB, pooled, borda, agreement, twoSided};
  })();

  // ---------------------------------------------------------------- start

  document.getElementById('dialog-close').addEventListener('click', () => document.getElementById('dialog').close());
  document.getElementById('mode-note').textContent = MODE === 'report'
    ? 'report written ' + when(JSON.parse(document.getElementById('bench4j-data').textContent).generated_at) : '';
  window.bench4jStats = Stats;
  window.addEventListener('hashchange', route);
  route();
})();
