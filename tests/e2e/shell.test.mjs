// The shell against a real Label Studio: sign-in, every route by deep link and reload, header,
// token-section visibility, accessibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  launch, newWatchedPage, signIn, submitLoginForm, apiGet, apiSend, assertAccessible, assertCsrfOnUnsafe,
  screenshot, EMAIL, PASSWORD, LS_URL, PREFIX, ARTIFACTS, E2E_PASS,
  appPath, at, SECTIONS,
} from './helpers.mjs';

let browser, page, watch;
before(async () => {
  browser = await launch();
  ({ page, watch } = await newWatchedPage(browser));
});
after(async () => { await browser?.close(); });

async function navLabels() {
  await page.locator('.section-nav[aria-busy="false"]').waitFor();
  return page.locator('.section-nav__item:not([hidden]) .section-nav__link').allTextContents();
}

test('signed out: the panel links to the login form and comes back to the same section', async () => {
  await page.goto('/user/account/hotkeys');
  const signInLink = page.getByRole('link', { name: 'Sign in' });
  await signInLink.waitFor();
  assert.equal(await signInLink.getAttribute('href'), at(`/user/login/?next=${at('/user/account/hotkeys')}`));
  await assertAccessible(page, 'signed-out panel');
  await signInLink.click();
  await page.waitForURL((url) => appPath(url) === '/user/login/');
  await submitLoginForm(page, '/user/account/hotkeys');
  // The browser logs the signed-out whoami 401 as a console error; that one was expected.
  watch.consoleErrors = watch.consoleErrors.filter((e) => !e.includes('401 (Unauthorized)'));
});

test('every section opens by deep link and after a reload', async () => {
  await signIn(page, '/user/account/personal-info');
  for (const [slug, title] of Object.entries(SECTIONS)) {
    for (const how of ['deep link', 'reload']) {
      if (how === 'deep link') await page.goto(`/user/account/${slug}`);
      else await page.reload();
      await page.locator('#section-title', { hasText: title }).waitFor();
      assert.equal(await page.title(), `${title} | My Account`, `${slug} (${how})`);
      const current = page.locator('.section-nav__link[aria-current="page"]');
      assert.equal(await current.textContent(), title, `${slug} (${how}) marked current`);
      assert.equal(await page.getByTestId('header-email').textContent(), EMAIL);
    }
  }
  await screenshot(page, 'shell');
});

// On a fresh Label Studio the first signed-in requests create a row for the organization, and
// two at once can fail with SQLite's "database is locked" (a preload of the token switches next
// to whoami did, in CI). So whoami goes alone, and everything else waits for its answer.
test('no other API request starts before whoami has answered', async () => {
  await signIn(page, '/user/account/personal-info');
  for (const slug of Object.keys(SECTIONS)) {
    const events = [];
    const started = new Set(); // the previous page's requests may still end in here
    const name = (req) => appPath(req.url());
    const onStart = (req) => {
      if (!name(req).startsWith('/api/')) return;
      started.add(req);
      events.push(`start ${name(req)}`);
    };
    const onEnd = (req) => { if (started.has(req)) events.push(`end ${name(req)}`); };
    page.on('request', onStart);
    page.on('requestfinished', onEnd);
    page.on('requestfailed', onEnd);
    try {
      await page.goto(`/user/account/${slug}`);
      await page.locator('.section-nav[aria-busy="false"]').waitFor();
      await page.locator('#section-title', { hasText: SECTIONS[slug] }).waitFor();
    } finally {
      page.off('request', onStart);
      page.off('requestfinished', onEnd);
      page.off('requestfailed', onEnd);
    }
    const whoamiDone = events.indexOf('end /api/current-user/whoami');
    assert.ok(whoamiDone > 0, `${slug}: whoami answered (${events.join(', ')})`);
    assert.deepEqual(events.slice(0, whoamiDone), ['start /api/current-user/whoami'],
      `${slug}: whoami alone first (${events.join(', ')})`);
  }
});

// `/user/account` without its slash is redirected by deploy/nginx*.conf; trunk's dev server
// serves the page only below `/user/account/` (its serve_base) and has no such redirect.
const BEHIND_NGINX = Boolean(process.env.EXPECT_CSP);

test('/user/account and unknown sections land on the first section', async () => {
  const starts = ['/user/account/', '/user/account/no-such-section'];
  if (BEHIND_NGINX) starts.unshift('/user/account');
  for (const start of starts) {
    await page.goto(start);
    await page.waitForURL((url) => appPath(url) === '/user/account/personal-info');
    await page.locator('#section-title', { hasText: 'Personal Info' }).waitFor();
  }
});

test('the legacy token section is listed, off, until the organization enables legacy tokens', async () => {
  const initial = await apiGet(page, '/api/jwt/settings');
  assert.equal(initial.legacy_api_tokens_enabled, false, 'fresh server: legacy tokens off');
  await page.goto('/user/account/personal-info');
  assert.deepEqual(await navLabels(), [...Object.values(SECTIONS), 'Legacy Token']);

  // Off: it says so where it is, and offers the organization's switch.
  await page.goto('/user/account/legacy-token');
  await page.locator('#section-title', { hasText: 'Legacy Token' }).waitFor();
  await page.getByTestId('token-off').getByText('Legacy tokens are off for this organization.').waitFor();
  await page.getByRole('button', { name: 'Turn on for everyone…' }).waitFor();

  const res = await apiSend(page, 'POST', '/api/jwt/settings',
    { api_tokens_enabled: true, legacy_api_tokens_enabled: true });
  assert.equal(res.status(), 200);
  try {
    await page.goto('/user/account/legacy-token');
    await page.getByTestId('legacy-token-value').waitFor();
    assert.equal(await page.getByTestId('token-off').count(), 0);
  } finally {
    await apiSend(page, 'POST', '/api/jwt/settings',
      { api_tokens_enabled: true, legacy_api_tokens_enabled: false });
  }
});

test('served with the security headers of deploy/nginx.conf', { skip: !process.env.EXPECT_CSP }, async () => {
  const response = await page.goto('/user/account/personal-info');
  const headers = response.headers();
  assert.match(headers['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(headers['content-security-policy'], /unsafe-inline/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['referrer-policy'], 'same-origin');
  assert.equal(headers['cache-control'], 'no-cache');
  await page.locator('#section-title', { hasText: 'Personal Info' }).waitFor();
  // Hashed assets are cached for a year and compressed.
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.endsWith('_bg.wasm')));
  const asset = await page.request.get(wasm, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(asset.headers()['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(asset.headers()['content-type'], 'application/wasm');
  assert.equal(asset.headers()['content-encoding'], 'gzip');
  // So are a section's code and the glue that loads it (the chunk loader is part of the glue,
  // not a request of its own): their names change with every build.
  const [chunk] = await Promise.all([
    page.waitForRequest((r) => /\/split_section_hotkeys-[0-9a-f]{16}\.wasm$/.test(r.url())),
    page.getByRole('navigation').getByRole('link', { name: 'Hotkeys' }).hover(),
  ]);
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.equal(resources.filter((n) => /__wasm_split/.test(n)).length, 0, 'no separate chunk loader');
  const glue = resources.find((n) => /\/account-settings-[0-9a-f]{1,16}\.js$/.test(n));
  for (const [url, type] of [[chunk.url(), 'application/wasm'], [glue, 'application/javascript']]) {
    const res = await page.request.get(url, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(res.headers()['cache-control'], 'public, max-age=31536000, immutable', url);
    assert.equal(res.headers()['content-type'], type, url);
    assert.equal(res.headers()['content-encoding'], 'gzip', url);
  }
});

// The small sections share one chunk (split_sections); Hotkeys, the largest, has its own.
/**
 * Opens `path` with the page's main module held back until a request matching `wanted` has
 * started (what the page asks for before its code is here), then lets it through and waits for
 * the load. Fails if `wanted` never comes.
 */
async function openWithMainModuleHeld(path, wanted) {
  const main = /_bg\.wasm$/;
  let releaseMain;
  const held = new Promise((resolve) => { releaseMain = resolve; });
  await page.route(main, async (route) => { await held; await route.continue().catch(() => {}); });
  let loading;
  try {
    const early = page.waitForRequest(wanted, { timeout: 15_000 });
    loading = page.goto(path);
    await early;
  } finally {
    releaseMain();
    await page.unroute(main);
  }
  await loading;
}

test('personal info loads no other section\'s code; pointing at a link fetches that section\'s code', async () => {
  const chunks = [];
  const onRequest = (req) => {
    const name = appPath(req.url()).split('/').pop();
    if (/^split_section(s|_[a-z]+)-[0-9a-f]{16}\.wasm$/.test(name)) chunks.push(name.split('-')[0]);
  };
  page.on('request', onRequest);
  try {
    await page.goto('/user/account/personal-info');
    await page.locator('#section-title', { hasText: 'Personal Info' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(chunks, [], 'the first page fetched no section chunk');

    // Intent (hover) fetches the code before the click; the section stays where it is.
    await Promise.all([
      page.waitForRequest((r) => r.url().includes('/split_sections-')),
      page.getByRole('navigation').getByRole('link', { name: 'Membership Info' }).hover(),
    ]);
    assert.equal(await page.title(), 'Personal Info | My Account');
    await page.getByRole('navigation').getByRole('link', { name: 'Membership Info' }).click();
    await page.getByTestId('membership-block').waitFor();
    assert.deepEqual(chunks, ['split_sections'], 'only the chunk of the section asked for');
    // Keyboard focus on a link is intent too.
    await Promise.all([
      page.waitForRequest((r) => r.url().includes('/split_section_hotkeys-')),
      page.getByRole('navigation').getByRole('link', { name: 'Hotkeys' }).focus(),
    ]);

    // A deep link fetches its section's code as the page starts: with the main module held
    // back, the chunk is asked for all the same.
    chunks.length = 0;
    await openWithMainModuleHeld('/user/account/hotkeys', (r) => r.url().includes('/split_section_hotkeys-'));
    await page.locator('[data-hotkey="annotation:annotation:submit"]').waitFor();
    assert.deepEqual(chunks, ['split_section_hotkeys']);
  } finally {
    page.off('request', onRequest);
  }
});

// Opened at Hotkeys, the list is what the visitor waits for: public/boot.js asks for it as soon
// as whoami has answered (still one request at a time, as the test above checks), and the app
// takes both answers instead of asking again.
test('opened at Hotkeys, the list is asked for before the page\'s module is here, and only once', async () => {
  const asked = [];
  const onRequest = (req) => {
    const name = appPath(req.url());
    if (name === '/api/current-user/whoami' || name === '/api/current-user/hotkeys/') asked.push(name);
  };
  page.on('request', onRequest);
  try {
    await openWithMainModuleHeld('/user/account/hotkeys', (r) => appPath(r.url()) === '/api/current-user/hotkeys/');
    await page.locator('[data-hotkey="annotation:annotation:submit"]').waitFor();
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('request', onRequest);
  }
  assert.deepEqual(asked, ['/api/current-user/whoami', '/api/current-user/hotkeys/']);
});

test('personal info fetches the photo editor\'s code only when the photo area is pointed at', async () => {
  const editorCode = [];
  const onRequest = (req) => { if (/\/split_on_demand-[0-9a-f]{16}\.wasm$/.test(req.url())) editorCode.push(req.url()); };
  page.on('request', onRequest);
  try {
    await page.mouse.move(0, 0);
    await page.goto('/user/account/personal-info');
    await page.locator('#first-name').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(editorCode, [], 'not with the first page');
    await Promise.all([
      page.waitForRequest((r) => /\/split_on_demand-/.test(r.url())),
      page.getByTestId('avatar-drop').hover(),
    ]);
  } finally {
    page.off('request', onRequest);
  }
});

test('the signed-in page passes axe, keeps the console clean and sends CSRF on unsafe requests', async () => {
  await page.goto('/user/account/personal-info');
  await page.locator('#section-title').waitFor();
  await assertAccessible(page, 'personal info (light)');
  await page.locator('.theme-toggle').click();
  await assertAccessible(page, 'personal info (after theme toggle)');
  assert.deepEqual(watch.consoleErrors, []);
  assertCsrfOnUnsafe(watch);
});

test('every section passes axe in the light and the dark theme', async () => {
  await page.goto('/user/account/personal-info');
  await page.evaluate(() => localStorage.removeItem('preferred-color-scheme'));
  try {
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [slug, title] of Object.entries(SECTIONS)) {
        await page.goto(`/user/account/${slug}`);
        await page.locator('#section-title', { hasText: title }).waitFor();
        await page.locator('.section-nav[aria-busy="false"]').waitFor();
        await page.waitForFunction(() => !document.querySelector('.page-status'));
        await assertAccessible(page, `${slug} (${scheme})`);
      }
    }
  } finally {
    await page.emulateMedia({ colorScheme: null });
  }
  assert.deepEqual(watch.consoleErrors, []);
  assertCsrfOnUnsafe(watch);
});

test('Label Studio\'s frame: main menu and user menu go where Label Studio\'s go, under the prefix', async () => {
  await page.goto('/user/account/personal-info');
  await page.locator('#section-title').waitFor();
  const release = (await apiGet(page, '/api/version/')).release;
  const menu = page.locator('#main-menu');
  assert.equal(await menu.isVisible(), false, 'closed until asked');
  await page.getByRole('button', { name: 'Label Studio menu', exact: true }).click();
  await menu.waitFor();
  const items = await menu.locator('a').evaluateAll((links) =>
    links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target')]));
  assert.deepEqual(items, [
    ['Projects', at('/projects/'), null],
    ['Organization', at('/organization/'), null],
    ['API (opens in a new tab)', 'https://api.labelstud.io/api-reference/introduction/getting-started', '_blank'],
    ['Docs (opens in a new tab)', 'https://labelstud.io/guide', '_blank'],
    ['GitHub (opens in a new tab)', 'https://github.com/HumanSignal/label-studio', '_blank'],
    ['Slack Community (opens in a new tab)', 'https://slack.labelstud.io/?source=product-menu', '_blank'],
  ]);
  // The release sits at the bottom, as in Label Studio's menu.
  await menu.locator('.main-menu__release', { hasText: `Label Studio ${release}` }).waitFor();
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await assertAccessible(page, `main menu open (${scheme})`);
  }
  // Escape closes it; so does a click elsewhere.
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Label Studio menu', exact: true }).click();
  await menu.waitFor();
  await page.locator('#section-title').click();
  await menu.waitFor({ state: 'hidden' });
  // Projects really is Label Studio's projects page, under the prefix.
  await page.getByRole('button', { name: 'Label Studio menu', exact: true }).click();
  await Promise.all([page.waitForURL((url) => url.pathname === at('/projects/')), menu.getByRole('link', { name: 'Projects' }).click()]);

  await page.goto('/user/account/hotkeys');
  await page.locator('#section-title', { hasText: 'Hotkeys' }).waitFor();
  const userMenu = page.locator('#user-menu');
  await page.locator('.account-header__user').click();
  await userMenu.waitFor();
  assert.deepEqual(await userMenu.locator('a').evaluateAll((links) =>
    links.map((a) => [a.textContent, a.getAttribute('href')])), [
    ['Account & Settings', at('/user/account/')],
    ['Log Out', at('/user/logout/')],
  ]);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await assertAccessible(page, `user menu open (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: null });
  await Promise.all([
    page.waitForURL((url) => appPath(url) === '/user/account/personal-info'),
    userMenu.getByRole('link', { name: 'Account & Settings' }).click(),
  ]);
  await page.locator('#section-title', { hasText: 'Personal Info' }).waitFor();
});

test('the theme button offers Label Studio\'s Auto, Light and Dark, stored where Label Studio keeps it', async () => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const theme = page.locator('.theme-toggle');
  try {
    // A choice made on one of Label Studio's own pages (same origin, same key) holds here.
    await page.goto('/user/account/personal-info');
    await page.evaluate(() => localStorage.setItem('preferred-color-scheme', 'Dark'));
    await page.reload();
    await page.locator('#section-title').waitFor();
    assert.equal(await theme.textContent(), 'Theme: Dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const dark = await background();

    // Dark -> Auto: nothing pinned, the system decides, and follows it while the page is open.
    await theme.click();
    assert.equal(await theme.textContent(), 'Theme: Auto');
    assert.equal(await page.evaluate(() => localStorage.getItem('preferred-color-scheme')), 'Auto');
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-theme')), false);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    assert.notEqual(light, dark);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await background(), dark);

    // Auto -> Light pins light against a dark system, and survives a reload.
    await theme.click();
    assert.equal(await theme.textContent(), 'Theme: Light');
    assert.equal(await page.evaluate(() => localStorage.getItem('preferred-color-scheme')), 'Light');
    assert.equal(await background(), light);
    await page.reload();
    await page.locator('#section-title').waitFor();
    assert.equal(await theme.textContent(), 'Theme: Light');
    assert.equal(await background(), light);
  } finally {
    await page.emulateMedia({ colorScheme: null });
    await page.evaluate(() => localStorage.removeItem('preferred-color-scheme'));
  }
});

// Ours next to Label Studio's own account page, section by section, for people comparing the
// two (saved with the run's artifacts). Label Studio's page is opened on its own port: on this
// origin /user/account/ is ours. Under a prefix its own page loads assets outside the prefix
// when reached directly, so that run skips it. The nginx pass (the deployment as shipped) also
// writes the README's screenshot, docs/screenshots/hotkeys.png, so it is always today's page.
const README_SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/screenshots/hotkeys.png');
test('side-by-side screenshots: ours and Label Studio\'s own page', { skip: Boolean(PREFIX) }, async () => {
  const dir = path.join(ARTIFACTS, 'side-by-side');
  await mkdir(dir, { recursive: true });
  const theirs = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const ls = await theirs.newPage();
    await ls.goto(`${LS_URL}/user/login/`);
    await ls.fill('input[name=email]', EMAIL);
    await ls.fill('input[name=password]', PASSWORD);
    await Promise.all([ls.waitForURL((url) => !url.pathname.startsWith('/user/login')), ls.click('form button[type=submit]')]);
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const [slug, title] of Object.entries(SECTIONS)) {
      await page.goto(`/user/account/${slug}`);
      await page.locator('#section-title', { hasText: title }).waitFor();
      await page.waitForFunction(() => !document.querySelector('.page-status'));
      await page.screenshot({ path: path.join(dir, `${slug}-ours.png`) });
      if (slug === 'hotkeys' && E2E_PASS === 'nginx') {
        await mkdir(path.dirname(README_SCREENSHOT), { recursive: true });
        await page.screenshot({ path: README_SCREENSHOT });
      }
      await ls.goto(`${LS_URL}/user/account/${slug}`);
      await ls.getByText(title, { exact: true }).last().waitFor();
      await ls.screenshot({ path: path.join(dir, `${slug}-label-studio.png`) });
    }
  } finally {
    await theirs.close();
  }
});
