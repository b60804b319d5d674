// Numbers for scripts/bench (prints; asserts nothing). Same Chromium, same Label Studio, cold
// cache each run: our page against Label Studio's own /user/account/ page.
import { gzipSync } from 'node:zlib';
import { launch, newWatchedPage, signIn, apiSend, EMAIL } from './helpers.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const APP = process.env.APP_URL;
const LS = process.env.LS_URL;
// The same two pages behind nginx with gzip, as an installation serves them (scripts/bench).
const APP_NGINX = process.env.APP_NGINX_URL;
const LS_NGINX = process.env.LS_NGINX_URL;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** Starts recording interactions of 16 ms or more (Event Timing), longest entry per interaction. */
async function watchInteractions(page) {
  await page.evaluate(() => {
    window.__slow = new Map();
    window.__interactionsBefore = performance.interactionCount;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.interactionId) continue;
        window.__slow.set(e.interactionId, Math.max(window.__slow.get(e.interactionId) ?? 0, e.duration));
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
  });
}

const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

/**
 * Every interaction since `watchInteractions` (the browser's own count: Control of a select-all
 * is one of its own); those with no entry took under 16 ms and count as 0 in the statistics.
 */
async function interactionTimes(page) {
  await settle(page); await settle(page);
  const { slow, count } = await page.evaluate(() => ({
    slow: [...window.__slow.values()],
    count: performance.interactionCount - window.__interactionsBefore,
  }));
  return { slow: slow.length, count, times: [...slow, ...Array(Math.max(0, count - slow.length)).fill(0)] };
}

/** One budget of the production issue, with how far from it the measure is. */
const budget = (what, value, limit) => console.log(
  `  budget: ${what} ${value.toFixed(3)} <= ${limit}: ${value <= limit ? 'met' : `MISSED by ${(value - limit).toFixed(3)}`}`);

const fmtMs = (ms) => (ms < 16 ? 'under 16' : String(ms));

/**
 * Filtering 271 hotkey rows on `page` (opened here), printed with `label`: the page's
 * own work per change, then real key presses to the next paint (Event Timing), then the floor:
 * the same key presses into a plain input on Label Studio's login page in the same browser.
 */
async function filterTimes(page, label) {
  await page.goto('/user/account/hotkeys');
  await page.locator('.hotkey-row').nth(270).waitFor();
  // The page's own share of a key press: script, then style and layout forced right after,
  // without the wait for the next frame (paint is left out: it is the browser's raster).
  const work = await page.evaluate(async () => {
    const input = document.querySelector('#hotkey-filter');
    const out = [];
    for (let round = 0; round < 3; round++) {
      for (const w of ['a', 'ac', 'act', 'acti', 'actio', 'action', 'action-1', 'action-19', '', 'z', 'zo', 'zoo', 'zoom', '']) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const t0 = performance.now();
        input.value = w;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0)); // Leptos runs effects in a task
        void document.body.offsetHeight;
        out.push(performance.now() - t0);
      }
    }
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return out;
  });
  console.log(`filter 271 rows (200 custom), ${label}:`);
  console.log(`  script + style + layout per change: median ${median(work).toFixed(1)} ms, p95 ${p95(work).toFixed(1)} ms (${work.length} changes)`);
  // Real key presses (trusted events), timed by the browser's Event Timing API: from the key
  // press to the next paint after it was handled, the measure behind Interaction to Next Paint.
  // The browser reports only interactions of 16 ms or more (and rounds to 8 ms), so a key press
  // without an entry took under 16 ms.
  await watchInteractions(page);
  await page.focus('#hotkey-filter');
  for (let round = 0; round < 3; round++) {
    for (const word of ['action-19', 'zoom']) {
      for (const ch of word) { await page.keyboard.press(ch); await settle(page); }
      // Clearing shows every row again: the most expensive step.
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      await settle(page);
    }
  }
  const { slow, count, times } = await interactionTimes(page);
  console.log(`  key press to next paint: median ${fmtMs(median(times))} ms, p95 ${fmtMs(p95(times))} ms, max ${fmtMs(Math.max(...times))} ms (${count} interactions, ${slow} of them 16 ms or more)`);
  // The floor in this browser: the same key presses into a plain input (no script reacts to
  // them) on Label Studio's own login page, in a fresh context.
  const plainContext = await page.context().browser().newContext();
  const plain = await plainContext.newPage();
  await plain.goto(`${LS}/user/login/`);
  await watchInteractions(plain);
  await plain.focus('input[name=email]');
  for (let round = 0; round < 3; round++) {
    for (const ch of 'action-19zoom') { await plain.keyboard.press(ch); await settle(plain); }
  }
  const floor = await interactionTimes(plain);
  await plainContext.close();
  console.log(`  floor, a plain input on Label Studio's login page: median ${fmtMs(median(floor.times))} ms, p95 ${fmtMs(p95(floor.times))} ms (${floor.count} interactions, ${floor.slow} of them 16 ms or more)`);
  // The renovation issue's budget: at most one frame above the floor measured in the same run.
  budget('key press to next paint p95 above the floor (ms)', p95(times) - p95(floor.times), 16);
}

const browser = await launch();
try {
  const { context, page } = await newWatchedPage(browser);
  await signIn(page);
  const me = await (await page.request.get('/api/current-user/whoami')).json();
  // A filled form to wait for: a first name both pages must show.
  await apiSend(page, 'PATCH', `/api/users/${me.id}/`, { first_name: 'Benchmark' });
  const cookies = await context.cookies();

  /** One cold load: gzip bytes of every response body, request count, ms until `ready`;
   * `options` for the browser context (a `locale`), and `slow` for a slow client. */
  async function coldLoad(url, ready, { slow = false, then, ...options } = {}) {
    const cold = await browser.newContext(options);
    await cold.addCookies(cookies);
    const p = await cold.newPage();
    if (slow) {
      // Lighthouse's mobile throttling: a phone's CPU (4× slower) on slow 4G (150 ms round
      // trip, 1.6 Mbit/s down, 750 kbit/s up), through Chromium's own emulation.
      const cdp = await cold.newCDPSession(p);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    const bodies = [];
    p.on('response', (res) => bodies.push(res.body().then((b) => gzipSync(b).length).catch(() => 0)));
    const t0 = Date.now();
    await p.goto(url);
    await ready(p);
    const ms = Date.now() - t0;
    // What the visitor does next, whose downloads count too (`then`).
    if (then) await then(p);
    await p.waitForLoadState('networkidle');
    const sizes = await Promise.all(bodies);
    await cold.close();
    return { ms, bytes: sizes.reduce((a, b) => a + b, 0), requests: sizes.length };
  }

  // The lists are timed by checking every frame, as the forms are (waitForFunction polls per
  // animation frame): a locator's wait polls after 0, 20, 50, 100 and 100 ms and then every
  // 500 ms, so it can add up to half a second to either page, whichever poll it misses. Both
  // checks do the same work: find the element, then ask for its box (Playwright's "visible").
  const shown = (find, arg) => (p) => p.waitForFunction(({ find, arg }) => {
    const el = find === 'row'
      ? document.querySelectorAll('.hotkey-row')[arg]
      : document.evaluate(`//*[text()[contains(., "${arg}")]]`, document.body, null,
        XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  }, { find, arg }, { timeout: 120_000 });
  const formFilled = (selector) => (p) => p.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].some((i) => i.value === 'Benchmark'), selector,
    { timeout: 120_000 });
  const FIRST_SCREEN_ROW = 'Focus Closed Task';
  /** The first page and Hotkeys on a slow client, our page at `app` and Label Studio's at `ls`. */
  const slowClient = (how, app, ls) => ({
    [`personal info, slow client${how}`]: {
      ours: [`${app}/user/account/personal-info`, formFilled('#first-name'), { slow: true }],
      theirs: [`${ls}/user/account/personal-info`, formFilled('input[name=first_name]'), { slow: true }],
      runs: 3,
    },
    [`hotkeys, slow client${how}`]: {
      ours: [`${app}/user/account/hotkeys`, shown('text', FIRST_SCREEN_ROW), { slow: true }],
      theirs: [`${ls}/user/account/hotkeys`, shown('text', FIRST_SCREEN_ROW), { slow: true }],
      runs: 3,
      budgets: { time: 0.15 },
    },
  });
  const cases = {
    'personal info, form filled': {
      ours: [`${APP}/user/account/personal-info`, formFilled('#first-name')],
      theirs: [`${LS}/user/account/personal-info`, formFilled('input[name=first_name]')],
      budgets: { bytes: 0.25, time: 0.40 },
    },
    // A browser that prefers Chinese: our page in Chinese (its words fetched at start), Label
    // Studio's in English (it has no other language).
    'personal info in Chinese, form filled': {
      ours: [`${APP}/user/account/personal-info`, formFilled('#first-name'), { locale: 'zh-CN' }],
      theirs: [`${LS}/user/account/personal-info`, formFilled('input[name=first_name]'), { locale: 'zh-CN' }],
      budgets: { bytes: 0.25, time: 0.40 },
    },
    // The first rows: a row of the second card (Data Manager), among those our page draws with
    // its first frame (Label Studio's draws every row at once); found by its text on both pages.
    'hotkeys, first rows shown': {
      ours: [`${APP}/user/account/hotkeys`, shown('text', FIRST_SCREEN_ROW)],
      theirs: [`${LS}/user/account/hotkeys`, shown('text', FIRST_SCREEN_ROW)],
      budgets: { bytes: 0.30, time: 0.40, requests: 12 },
    },
    // A visit that goes on to edit: the first row's keys pressed, so that code fetched only
    // once editing starts is counted too (Label Studio's page has all of its code by then).
    'hotkeys, then the first edit': {
      ours: [`${APP}/user/account/hotkeys`, shown('text', FIRST_SCREEN_ROW),
        { then: (p) => p.locator('.hotkey-row .key-button').first().click() }],
      theirs: [`${LS}/user/account/hotkeys`, shown('text', FIRST_SCREEN_ROW)],
    },
    // Every row: ours draws the cards below the first screen at the next idle moment.
    'hotkeys, list rendered': {
      ours: [`${APP}/user/account/hotkeys`, shown('row', 70)],
      theirs: [`${LS}/user/account/hotkeys`, shown('text', 'Previous Region in Phrase')],
    },
    // A slow client (see `coldLoad`), 3 loads each: both servers send every body uncompressed
    // (Label Studio's page takes about 20 s here).
    ...slowClient('', APP, LS),
    // The same, both pages behind nginx with the same gzip settings (deploy/nginx.conf): what a
    // phone on slow 4G waits for in an installation.
    ...slowClient(', both behind nginx with gzip', APP_NGINX, LS_NGINX),
    // The same loads timed by locator waits (which poll, so either page may be credited late),
    // for comparison; no budget.
    'hotkeys, list rendered, timed by locator waits': {
      ours: [`${APP}/user/account/hotkeys`, (p) => p.locator('.hotkey-row').nth(70).waitFor()],
      theirs: [`${LS}/user/account/hotkeys`, (p) => p.getByText('Previous Region in Phrase').first().waitFor({ timeout: 60_000 })],
    },
  };
  for (const [name, { ours, theirs, budgets, runs: count = RUNS }] of Object.entries(cases)) {
    const runs = { ours: [], theirs: [] };
    for (let i = 0; i < count; i++) {
      runs.ours.push(await coldLoad(...ours));
      runs.theirs.push(await coldLoad(...theirs));
    }
    const row = (who) => ({
      bytes: median(runs[who].map((r) => r.bytes)),
      requests: median(runs[who].map((r) => r.requests)),
      ms: median(runs[who].map((r) => r.ms)),
    });
    const [a, b] = [row('ours'), row('theirs')];
    console.log(`${name} (median of ${count} cold loads):`);
    console.log(`  bytes (gzip of every body): ours ${a.bytes}, Label Studio ${b.bytes}, ratio ${(a.bytes / b.bytes).toFixed(2)}`);
    console.log(`  requests: ours ${a.requests}, Label Studio ${b.requests}`);
    console.log(`  time: ours ${a.ms} ms, Label Studio ${b.ms} ms, ratio ${(a.ms / b.ms).toFixed(2)}`);
    if (!budgets) continue;
    if (budgets.bytes) budget('bytes ratio', a.bytes / b.bytes, budgets.bytes);
    budget('time ratio', a.ms / b.ms, budgets.time);
    // No section costs more requests than Label Studio's own page; Hotkeys fewer (12).
    if (budgets.requests !== undefined) budget('requests', a.requests, budgets.requests);
    else if (budgets.bytes) budget('requests, ours minus Label Studio\'s', a.requests - b.requests, 0);
  }

  // Filtering 200 rows: keystroke to the next paint.
  const stored = {};
  for (let i = 0; i < 200; i++) stored[`bench:action-${i}`] = { key: `alt+${String.fromCharCode(97 + (i % 26))}`, active: true };
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: stored });
  await filterTimes(page, 'frames at 60 Hz (the default)');
  // The same in a second Chromium whose frames are not held to the display rate: a paint
  // follows the work as soon as it is done, so what is left is the key press's own cost rather
  // than the wait for the next 16 ms frame (which even a plain input pays here).
  const unthrottled = await launch(['--disable-gpu-vsync', '--disable-frame-rate-limit']);
  try {
    const other = await unthrottled.newContext({ baseURL: APP });
    await other.addCookies(cookies);
    await filterTimes(await other.newPage(), 'frames not held to 60 Hz');
  } finally {
    await unthrottled.close();
  }
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
  await apiSend(page, 'PATCH', `/api/users/${me.id}/`, { first_name: '' });
  void EMAIL;
} finally {
  await browser.close();
}
