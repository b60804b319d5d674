// A long working session against a real Label Studio, in one tab: 200 section switches, 200
// hotkey changes recorded and saved, 50 files imported and undone, 20 tokens created and
// revoked. Memory is measured after a forced GC before and after (JS heap over CDP, the wasm
// module's linear memory); it must grow by less than 10 MB. Filtering the hotkeys list is measured
// at the start and at the end of the same run: the main thread's CPU time per key press must not
// grow by more than half (the wall time to the next frame is printed too). Run by scripts/test
// as its own layer ("soak").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newWatchedPage, signIn, apiSend, recordHotkey, createTokenInPage, revokeAllTokens, EMAIL, SECTIONS,
} from './helpers.mjs';

const SWITCHES = 200;
const SAVES = 200;
const IMPORTS = 50;
const TOKENS = 20;
const GROWTH_LIMIT = 10 * 1024 * 1024;
// The filter's CPU time per key press at the end: at most half again as much as at the start,
// plus 2 ms for a garbage collection landing in one run.
const CPU_GROWTH = 1.5;
const CPU_NOISE_MS = 2;

let browser, page, cdp;
before(async () => {
  browser = await launch(['--js-flags=--expose-gc']);
  let context;
  ({ page, context } = await newWatchedPage(browser));
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  cdp = await context.newCDPSession(page);
  await signIn(page, '/user/account/personal-info');
  await apiSend(page, 'POST', '/api/jwt/settings', { api_tokens_enabled: true, legacy_api_tokens_enabled: false });
  await revokeAllTokens(page);
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
});
after(async () => {
  if (page) await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} }).catch(() => {});
  await browser?.close();
});

/** JS heap and wasm memory in bytes, after a full garbage collection. */
async function memory() {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  return { js: usedSize, wasm };
}

const mb = (n) => (n / 1024 / 1024).toFixed(2);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function openSection(slug) {
  await page.locator(`.section-nav a[href$="/user/account/${slug}"]`).click();
  await page.locator('#section-title', { hasText: SECTIONS[slug] }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.page-status'));
}

/** The renderer's main thread CPU time so far, in ms (Chromium's `ThreadTime`). */
async function cpuMs() {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ThreadTime').value * 1000;
}

/** Typing in the hotkeys filter: each key press to the next frame (wall time), and the main
 * thread's CPU time per key press. Nothing polls while it types (each wait is a promise the
 * frame resolves), so the CPU time is the page's own work, whatever else the machine runs. */
async function filterTimes() {
  await openSection('hotkeys');
  await page.evaluate(() => {
    window.__filterTimes = [];
    const waiting = [];
    window.__afterPaint = (n) => new Promise((resolve) => {
      if (window.__filterTimes.length > n) resolve(); else waiting.push([n, resolve]);
    });
    document.querySelector('#hotkey-filter').addEventListener('keydown', () => {
      const start = performance.now();
      requestAnimationFrame(() => setTimeout(() => {
        window.__filterTimes.push(performance.now() - start);
        for (const [n, resolve] of waiting.splice(0)) {
          if (window.__filterTimes.length > n) resolve(); else waiting.push([n, resolve]);
        }
      }));
    });
  });
  await page.focus('#hotkey-filter');
  let presses = 0;
  const cpuBefore = await cpuMs();
  for (const word of ['annotation', 'zoom', 'region']) {
    for (const ch of word) {
      await page.keyboard.press(ch);
      await page.evaluate((n) => window.__afterPaint(n), presses);
      presses += 1;
    }
    await page.fill('#hotkey-filter', '');
  }
  const cpuPerKey = (await cpuMs() - cpuBefore) / presses;
  return { times: await page.evaluate(() => window.__filterTimes), cpuPerKey };
}

const results = {};

test('a long session stays flat', { timeout: 30 * 60_000 }, async () => {
  // Warm-up: every section's code loaded once, so the baseline holds what a session always holds.
  await page.goto('/user/account/personal-info');
  await page.getByTestId('header-email').filter({ hasText: EMAIL }).waitFor();
  for (const slug of Object.keys(SECTIONS)) await openSection(slug);
  await cdp.send('Performance.enable');
  const firstFilter = await filterTimes();
  const start = await memory();

  const slugs = Object.keys(SECTIONS);
  for (let i = 0; i < SWITCHES; i++) await openSection(slugs[i % slugs.length]);

  await openSection('hotkeys');
  const save = page.getByRole('button', { name: 'Save', exact: true });
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < SAVES; i++) {
    // Two keys in turn, so each one is a change to save.
    await recordHotkey(page, 'annotation:annotation:submit', i % 2 ? 'Alt+Shift+KeyK' : 'Control+Shift+KeyK');
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/current-user/hotkeys/'));
    await save.click();
    assert.equal((await saved).status(), 200, `save ${i}`);
    // Saved and nothing left to save (Save keeps focus, so it is aria-disabled, not disabled).
    await page.waitForFunction((button) => button.getAttribute('aria-disabled') === 'true' && button.textContent === 'Save',
      await save.elementHandle());
  }

  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  for (let i = 0; i < IMPORTS; i++) {
    await page.getByRole('button', { name: 'Import…' }).click();
    const file = [{ id: 5100, section: 'tools', element: 'tool:pan-image', label: 'Pan', key: `shift+${letters[i % 26]}` }];
    await page.getByTestId('import-file').setInputFiles({ name: `hotkeys-${i}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByRole('button', { name: 'Apply import' }).click();
    await undo.waitFor();
    await undo.click();
    await undo.waitFor({ state: 'detached' });
  }

  for (let i = 0; i < TOKENS; i++) {
    const { dialog } = await createTokenInPage(page);
    await dialog.getByRole('button', { name: /close/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('pat-row').getByRole('button', { name: 'Revoke…' }).click();
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByText('You have no personal access token.').waitFor();
  }

  const lastFilter = await filterTimes();
  const end = await memory();
  Object.assign(results, {
    jsBefore: start.js, jsAfter: end.js, wasmBefore: start.wasm, wasmAfter: end.wasm,
    firstFilter: median(firstFilter.times), lastFilter: median(lastFilter.times),
    firstCpu: firstFilter.cpuPerKey, lastCpu: lastFilter.cpuPerKey,
  });
  console.log(`soak: ${SWITCHES} section switches, ${SAVES} hotkey saves, ${IMPORTS} imports undone, ${TOKENS} tokens created and revoked`);
  console.log(`soak: JS heap ${mb(start.js)} MB -> ${mb(end.js)} MB (${mb(end.js - start.js)} MB); wasm memory ${mb(start.wasm)} MB -> ${mb(end.wasm)} MB (${mb(end.wasm - start.wasm)} MB)`);
  console.log(`soak: filter key press to next frame, median of ${firstFilter.times.length}: first ${results.firstFilter.toFixed(1)} ms, last ${results.lastFilter.toFixed(1)} ms`);
  console.log(`soak: filter, main thread CPU per key press: first ${results.firstCpu.toFixed(1)} ms, last ${results.lastCpu.toFixed(1)} ms`);
  assert.ok(end.js + end.wasm - start.js - start.wasm < GROWTH_LIMIT, 'memory grew by 10 MB or more');
  // The work per key press, not the wall time: the soak runs beside other layers, whose load
  // moves wall times by more than a frame.
  assert.ok(results.lastCpu <= results.firstCpu * CPU_GROWTH + CPU_NOISE_MS, 'filtering does more work than at the start');
});
