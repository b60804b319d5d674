// Numbers for scripts/bench (prints; asserts nothing). Same Chromium, same Label Studio, cold
// cache each run: our page against Label Studio's own /user/account/ page.
import { gzipSync } from 'node:zlib';
import { launch, newWatchedPage, signIn, apiSend, EMAIL } from './helpers.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const APP = process.env.APP_URL;
const LS = process.env.LS_URL;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

const browser = await launch();
try {
  const { context, page } = await newWatchedPage(browser);
  await signIn(page);
  const me = await (await page.request.get('/api/current-user/whoami')).json();
  // A filled form to wait for: a first name both pages must show.
  await apiSend(page, 'PATCH', `/api/users/${me.id}/`, { first_name: 'Benchmark' });
  const cookies = await context.cookies();

  /** One cold load: gzip bytes of every response body, request count, ms until `ready`. */
  async function coldLoad(url, ready) {
    const cold = await browser.newContext();
    await cold.addCookies(cookies);
    const p = await cold.newPage();
    const bodies = [];
    p.on('response', (res) => bodies.push(res.body().then((b) => gzipSync(b).length).catch(() => 0)));
    const t0 = Date.now();
    await p.goto(url);
    await ready(p);
    const ms = Date.now() - t0;
    await p.waitForLoadState('networkidle');
    const sizes = await Promise.all(bodies);
    await cold.close();
    return { ms, bytes: sizes.reduce((a, b) => a + b, 0), requests: sizes.length };
  }

  const formFilled = (selector) => (p) => p.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].some((i) => i.value === 'Benchmark'), selector);
  const cases = {
    'personal info, form filled': {
      ours: [`${APP}/user/account/personal-info`, formFilled('#first-name')],
      theirs: [`${LS}/user/account/personal-info`, formFilled('input[name=first_name]')],
    },
    'hotkeys, list rendered': {
      ours: [`${APP}/user/account/hotkeys`, (p) => p.locator('.hotkey-row').nth(70).waitFor()],
      theirs: [`${LS}/user/account/hotkeys`, (p) => p.getByText('Previous Region in Phrase').first().waitFor({ timeout: 60_000 })],
    },
  };
  for (const [name, { ours, theirs }] of Object.entries(cases)) {
    const runs = { ours: [], theirs: [] };
    for (let i = 0; i < RUNS; i++) {
      runs.ours.push(await coldLoad(...ours));
      runs.theirs.push(await coldLoad(...theirs));
    }
    const row = (who) => ({
      bytes: median(runs[who].map((r) => r.bytes)),
      requests: median(runs[who].map((r) => r.requests)),
      ms: median(runs[who].map((r) => r.ms)),
    });
    const [a, b] = [row('ours'), row('theirs')];
    console.log(`${name} (median of ${RUNS} cold loads):`);
    console.log(`  bytes (gzip of every body): ours ${a.bytes}, Label Studio ${b.bytes}, ratio ${(a.bytes / b.bytes).toFixed(2)}`);
    console.log(`  requests: ours ${a.requests}, Label Studio ${b.requests}`);
    console.log(`  time: ours ${a.ms} ms, Label Studio ${b.ms} ms, ratio ${(a.ms / b.ms).toFixed(2)}`);
  }

  // Filtering 200 rows: keystroke to the next paint.
  const stored = {};
  for (const d of await (await page.request.get('/api/current-user/hotkeys/')).json().then(() => [])) void d;
  for (let i = 0; i < 200; i++) stored[`bench:action-${i}`] = { key: `alt+${String.fromCharCode(97 + (i % 26))}`, active: true };
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: stored });
  await page.goto('/user/account/hotkeys');
  await page.locator('.hotkey-row').nth(270).waitFor();
  const timings = await page.evaluate(async () => {
    const input = document.querySelector('#hotkey-filter');
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const out = [];
    const words = ['a', 'ac', 'act', 'acti', 'actio', 'action', 'action-1', 'action-19', '', 'z', 'zo', 'zoo', 'zoom', ''];
    for (let round = 0; round < 3; round++) {
      for (const w of words) {
        const t0 = performance.now();
        input.value = w;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        out.push(performance.now() - t0);
      }
    }
    return out;
  });
  console.log(`filter 271 rows (200 custom): keystroke to paint median ${median(timings).toFixed(1)} ms, p95 ${p95(timings).toFixed(1)} ms (${timings.length} keystrokes)`);
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
  await apiSend(page, 'PATCH', `/api/users/${me.id}/`, { first_name: '' });
  void EMAIL;
} finally {
  await browser.close();
}
