// When the page's WebAssembly stops, the page says so and offers Reload, and edits kept in the
// tab come back: a trap inside the running module (what a panic becomes in the release build),
// a module that cannot be instantiated, and the main module's file missing after a redeploy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newWatchedPage, signIn, failUserPatches, EMAIL } from './helpers.mjs';

let browser, page;
before(async () => {
  browser = await launch();
  ({ page } = await newWatchedPage(browser));
  // The module's exports, as trunk's loader announces them once the app has started.
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  await signIn(page, '/user/account/personal-info');
});
after(async () => { await browser?.close(); });

const MAIN_MODULE = '**/account-settings-*_bg.wasm';

async function openPersonalInfo() {
  await page.goto('/user/account/personal-info');
  await page.getByTestId('header-email').filter({ hasText: EMAIL }).waitFor();
  await page.locator('#first-name').waitFor();
}

/** An edit kept in sessionStorage the way the page keeps one: Save meets an ended session. */
async function keepADraft(lastName) {
  await openPersonalInfo();
  const restore = await failUserPatches(page, 401, 'Authentication credentials were not provided.');
  await page.fill('#last-name', lastName);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('session-ended').waitFor();
  await restore();
  assert.ok(await page.evaluate(() => sessionStorage.getItem('ls-account-profile-draft')), 'draft kept');
}

/** The message is there, announced, with focus on Reload; Reload brings the page and the draft back. */
async function assertStoppedThenReload(lastName, fix) {
  const box = page.getByTestId('page-stopped');
  await box.waitFor();
  assert.equal(await box.getAttribute('role'), 'alert');
  assert.match(await box.textContent(), /This page stopped working/);
  const reload = box.getByRole('button', { name: 'Reload' });
  assert.equal(await reload.evaluate((el) => el === document.activeElement), true, 'focus on Reload');
  await fix();
  await Promise.all([page.waitForEvent('load'), reload.click()]);
  await page.getByTestId('header-email').filter({ hasText: EMAIL }).waitFor();
  await page.locator('#last-name').waitFor();
  await page.waitForFunction((name) => document.querySelector('#last-name')?.value === name, lastName);
  assert.equal(await box.count(), 0, 'the message is gone after the reload');
  await page.evaluate(() => sessionStorage.removeItem('ls-account-profile-draft'));
}

test('a trap inside the running module (a panic, in the release build) shows the message', async () => {
  await keepADraft('Trapped');
  await page.waitForFunction(() => window.__wasm);
  // wasm-bindgen's allocator export, asked for 4 GiB: the module aborts, as on a panic
  // (panic = "abort"), and the trap reaches the page from a timer like from any event handler.
  await page.evaluate(() => setTimeout(() => window.__wasm.__wbindgen_malloc(0xffffffff, 1)));
  await assertStoppedThenReload('Trapped', async () => {});
});

test('a module that cannot be instantiated shows the message', async () => {
  await keepADraft('Broken');
  await page.route(MAIN_MODULE, (route) => route.fulfill({
    status: 200, contentType: 'application/wasm', body: Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0xff, 0xff]),
  }));
  await page.reload();
  await assertStoppedThenReload('Broken', () => page.unroute(MAIN_MODULE));
});

test('the main module missing after a redeploy shows the message', async () => {
  await keepADraft('Redeployed');
  // As nginx answers a file that is gone: the page's index.html, as text/html.
  await page.route(MAIN_MODULE, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>My Account</title>' }));
  await page.reload();
  await assertStoppedThenReload('Redeployed', () => page.unroute(MAIN_MODULE));
  // The JS glue gone as well: the loader's own import fails.
  const glue = '**/account-settings-*.js';
  await page.route(glue, (route) => route.fulfill({ status: 404, contentType: 'text/html', body: 'Not Found' }));
  await page.reload();
  const box = page.getByTestId('page-stopped');
  await box.waitFor();
  await page.unroute(glue);
  await Promise.all([page.waitForEvent('load'), box.getByRole('button', { name: 'Reload' }).click()]);
  await page.getByTestId('header-email').filter({ hasText: EMAIL }).waitFor();
});

test('a normal visit shows no such message', async () => {
  await openPersonalInfo();
  await page.getByRole('link', { name: 'Hotkeys' }).first().click();
  await page.locator('#section-title', { hasText: 'Hotkeys' }).waitFor();
  assert.equal(await page.getByTestId('page-stopped').count(), 0);
});
