// Shared e2e plumbing: browser launch, sign-in through Label Studio's real form, API reads
// through the same origin, axe-core, and the CSRF watch on unsafe requests.
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const APP_URL = process.env.APP_URL ?? 'http://127.0.0.1:8081';
export const LS_URL = process.env.LS_URL ?? 'http://127.0.0.1:8080';
export const EMAIL = process.env.DEMO_EMAIL ?? 'demo@example.com';
export const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-pass-1234';
export const ARTIFACTS = process.env.ARTIFACTS ?? path.resolve('target/test-artifacts');
// Label Studio's path prefix on APP_URL ('' at the root, '/label-studio' behind
// deploy/nginx-prefix.conf). Tests write paths as at the root; `at` and `appPath` translate.
/** Every section of the page, slug to title, in the sidebar's order. */
export const SECTIONS = {
  'personal-info': 'Personal Info',
  hotkeys: 'Hotkeys',
  'email-preferences': 'Email Preferences',
  'membership-info': 'Membership Info',
  'personal-access-token': 'Personal Access Token',
};

/**
 * Tests of the page's own handling that do not depend on how its files are served or under
 * which prefix (every fault on every request, a chunk that does not arrive, heavy image work,
 * the keyboard walk through Hotkeys, the languages' fit and catalog walks) run once per
 * `scripts/test`, in the nginx pass (CSP enforced); the dev-proxy and prefix passes skip them,
 * and say so (docs/TESTING.md). Run alone, everything runs.
 */
export const E2E_PASS = process.env.E2E_PASS ?? '';
export const ONCE = E2E_PASS && E2E_PASS !== 'nginx'
  ? { skip: `runs once, in the nginx pass (this is the ${E2E_PASS} pass)` }
  : {};

export const PREFIX = (process.env.APP_PREFIX ?? '').replace(/\/$/, '');

/** A root-relative Label Studio path under the prefix. */
export const at = (p) => (p.startsWith('/') ? `${PREFIX}${p}` : p);

/** The path of a URL (or URL string) as at the root: the prefix taken off. */
export function appPath(url) {
  const p = (typeof url === 'string' ? new URL(url, APP_URL) : url).pathname;
  return PREFIX && (p === PREFIX || p.startsWith(`${PREFIX}/`)) ? p.slice(PREFIX.length) || '/' : p;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium, headless; `extraArgs` for the benchmark's second browser. */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      ...extraArgs],
  });
}

/**
 * A page with watchers: console errors on our own pages, and every unsafe request to /api/
 * recorded with whether it carried X-CSRFToken equal to the csrftoken cookie. `options` go to
 * the browser context (a `locale`, say).
 */
export async function newWatchedPage(browser, options = {}) {
  const context = await browser.newContext({ baseURL: APP_URL, ...options });
  underPrefix(context);
  const page = await context.newPage();
  underPrefix(page);
  const watch = { consoleErrors: [], consoleText: [], unsafeRequests: [], foreignRequests: [] };
  const ours = (url) => url.startsWith(`${APP_URL}${PREFIX}/user/account`);
  page.on('console', (msg) => {
    if (!ours(page.url())) return;
    watch.consoleText.push(msg.text());
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => watch.consoleErrors.push(String(err)));
  page.on('request', async (req) => {
    const url = new URL(req.url());
    // Our pages talk to their own origin only (blob:/data: URLs are local).
    if (ours(req.frame().url()) && url.origin !== APP_URL && !['blob:', 'data:'].includes(url.protocol)) {
      watch.foreignRequests.push(req.url());
    }
    // Under a prefix, nothing our page asks for may leave it.
    if (PREFIX && ours(req.frame().url()) && url.protocol.startsWith('http') && url.origin === APP_URL
      && appPath(url) === url.pathname) {
      watch.foreignRequests.push(`${req.url()} (outside ${PREFIX}/)`);
    }
    if (url.origin === APP_URL && appPath(url).startsWith('/api/') && req.method() !== 'GET') {
      const cookies = await context.cookies(APP_URL);
      const csrf = cookies.find((c) => c.name === 'csrftoken')?.value;
      watch.unsafeRequests.push({
        method: req.method(), path: appPath(url),
        csrfOk: Boolean(csrf) && req.headers()['x-csrftoken'] === csrf,
      });
    }
  });
  return { context, page, watch };
}

/** Root-relative paths given to `goto` and to the API request context go under the prefix. */
function underPrefix(target) {
  if (!PREFIX) return;
  if (target.goto) {
    const goto = target.goto.bind(target);
    target.goto = (url, options) => goto(at(url), options);
  }
  const request = target.request;
  // A page's `request` is its context's: translate it once.
  if (request.underPrefix) return;
  request.underPrefix = true;
  // get/post/… all go through fetch.
  const fetch = request.fetch.bind(request);
  request.fetch = (url, options) => fetch(typeof url === 'string' ? at(url) : url, options);
}

/** Signs in through Label Studio's own login form (proxied on our origin). `next` is written as
 * at the root. */
export async function signIn(page, next = '/user/account/personal-info') {
  await page.goto(`/user/login/?next=${encodeURIComponent(at(next))}`);
  if (appPath(page.url()) !== '/user/login/') {
    // Already signed in: Label Studio sends signed-in users away from its login form.
    await page.goto(next);
    await page.getByTestId('header-email').filter({ hasText: EMAIL }).waitFor();
    return;
  }
  await submitLoginForm(page, next);
}

/** Fills Label Studio's login form (already open) and waits to land back on `next`, signed in. */
export async function submitLoginForm(page, next) {
  await page.fill('input[name=email]', EMAIL);
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([
    page.waitForURL((url) => appPath(url) === next),
    page.click('form button[type=submit]'),
  ]);
  await page.getByTestId('header-email').filter({ hasText: EMAIL }).waitFor();
}

/** Answers every PATCH to /api/users/{id}/ with `status` and `detail`; returns the undo. */
export async function failUserPatches(page, status, detail) {
  const pattern = '**/api/users/*/';
  await page.route(pattern, (route) => (route.request().method() === 'PATCH'
    ? route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ detail }) })
    : route.continue()));
  return () => page.unroute(pattern);
}

/** Remaps hotkey `id` on the open hotkeys section by focusing its key, pressing Enter and then
 * `keys` (as a user does without the mouse). */
export async function recordHotkey(page, id, keys) {
  const row = page.locator(`[data-hotkey="${id}"]`);
  await row.locator('.key-button').focus();
  await page.keyboard.press('Enter');
  await row.getByText('Press keys… Esc to cancel').waitFor();
  await page.keyboard.press(keys);
}

/** JSON from the API on the page's session (the same origin, so the same cookie). */
export async function apiGet(page, apiPath) {
  const res = await page.request.get(apiPath);
  assert.equal(res.status(), 200, `GET ${apiPath} → ${res.status()}`);
  return res.json();
}

export async function apiSend(page, method, apiPath, data) {
  const cookies = await page.context().cookies(APP_URL);
  const csrf = cookies.find((c) => c.name === 'csrftoken')?.value ?? '';
  return page.request.fetch(apiPath, { method, data, headers: { 'X-CSRFToken': csrf } });
}

/**
 * Runs axe-core on the page as it is, in the light and in the dark theme, and fails on any
 * violation. The theme is pinned the way the theme switch pins it (`data-theme`), then put back.
 */
export async function assertAccessible(page, label) {
  // Evaluated through the DevTools protocol, not as a <script>: the page's CSP forbids inline
  // scripts (as it should) and must not be loosened for the test.
  await page.evaluate(AXE_SOURCE);
  const original = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));
  try {
    for (const theme of ['light', 'dark']) {
      const result = await page.evaluate(async (t) => {
        document.documentElement.setAttribute('data-theme', t);
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, theme);
      assert.deepEqual(result, [], `axe violations on ${label} (${theme})`);
    }
  } finally {
    await page.evaluate((t) => {
      if (t === null) document.documentElement.removeAttribute('data-theme');
      else document.documentElement.setAttribute('data-theme', t);
    }, original);
  }
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Every unsafe API request the app sent carried the CSRF token, and the app never talked to
 * another origin. */
export function assertCsrfOnUnsafe(watch) {
  const missing = watch.unsafeRequests.filter((r) => !r.csrfOk);
  assert.deepEqual(missing, [], 'unsafe requests without X-CSRFToken');
  assert.deepEqual(watch.foreignRequests, [], 'requests to another origin');
}

/** Opens the personal access token section with no token and presses Create token; returns the
 * open dialog and the token it shows. */
/** Starts from "no personal access token", whatever an earlier run left behind. */
export async function revokeAllTokens(page) {
  for (const { token } of await apiGet(page, '/api/token/')) {
    await apiSend(page, 'POST', '/api/token/blacklist/', { refresh: token });
  }
}

export async function createTokenInPage(page) {
  await page.goto('/user/account/personal-access-token');
  await page.getByText('You have no personal access token.').waitFor();
  await page.getByRole('button', { name: 'Create token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your new personal access token' });
  await dialog.waitFor();
  return { dialog, token: await page.inputValue('#new-token') };
}
