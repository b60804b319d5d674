// Keyboard only: every action of every section, reached with Tab and done with Enter, Space or
// typing. No click, no fill: a pointer event anywhere fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  launch, newWatchedPage, signIn, apiGet, apiSend, revokeAllTokens, EMAIL, appPath, at, ONCE,
} from './helpers.mjs';
import { png } from './images.mjs';

let browser, page, watch;
before(async () => {
  browser = await launch();
  ({ page, watch } = await newWatchedPage(browser));
  await signIn(page, '/user/account/personal-info');
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
  await apiSend(page, 'POST', '/api/jwt/settings', { api_tokens_enabled: true, legacy_api_tokens_enabled: true });
  await revokeAllTokens(page);
  // Counts pointer events from here on; the walk-through must not cause any.
  await page.addInitScript(() => {
    window.__pointerEvents = 0;
    for (const type of ['pointerdown', 'mousedown', 'click']) {
      window.addEventListener(type, (ev) => { if (ev.isTrusted && ev.detail > 0) window.__pointerEvents += 1; }, true);
    }
  });
});
after(async () => {
  if (page) await apiSend(page, 'POST', '/api/jwt/settings', { api_tokens_enabled: true, legacy_api_tokens_enabled: false });
  await browser?.close();
});

/** Presses Tab until `target` has focus; fails if it is not reachable within `max` presses. */
async function tabTo(target, max = 400) {
  await target.waitFor();
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    if (await handle.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`not reachable with Tab: ${target}`);
}

async function press(target, key = 'Enter') {
  await tabTo(target);
  await page.keyboard.press(key);
}

/** Replaces the text of the focused field by typing. */
async function typeInto(target, text) {
  await tabTo(target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

async function open(section) {
  await page.goto(`/user/account/${section}`);
  await page.getByTestId('header-email').filter({ hasText: EMAIL }).waitFor();
}

async function assertNoPointer() {
  assert.equal(await page.evaluate(() => window.__pointerEvents), 0, 'no pointer events');
}

const button = (name) => page.getByRole('button', { name, exact: true });

/** Opens a header menu with Enter, tabs to its first link, closes it with Escape. */
async function menuByKeyboard(trigger, menu, firstLink) {
  await press(trigger);
  await page.locator(menu).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), firstLink);
  await page.keyboard.press('Escape');
  await page.locator(menu).waitFor({ state: 'hidden' });
  assert.equal(await trigger.evaluate((el) => el === document.activeElement), true, 'focus back on the menu button');
}

test('personal info, avatar and theme by keyboard', async () => {
  await open('personal-info');
  // Theme: Enter moves Auto -> Light -> Dark -> Auto.
  const theme = page.locator('.theme-toggle');
  await page.evaluate(() => localStorage.removeItem('preferred-color-scheme'));
  await page.reload();
  await page.getByTestId('header-email').filter({ hasText: EMAIL }).waitFor();
  assert.equal(await theme.textContent(), 'Theme: Auto');
  await press(theme);
  assert.equal(await theme.textContent(), 'Theme: Light');
  await page.keyboard.press('Enter');
  assert.equal(await theme.textContent(), 'Theme: Dark');
  await page.keyboard.press('Enter');
  assert.equal(await theme.textContent(), 'Theme: Auto');

  // Both menus: Enter opens, Tab goes into the menu, Escape closes it and gives focus back.
  await menuByKeyboard(button('Label Studio menu'), '#main-menu', 'Projects');
  await menuByKeyboard(page.locator('.account-header__user'), '#user-menu', 'Account & Settings');

  // Avatar: choose (the file dialog opens from Enter), upload, remove with its confirmation.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(button('Choose image…'))]);
  await chooser.setFiles({ name: 'keys.png', mimeType: 'image/png', buffer: png(36, 36) });
  await page.getByTestId('avatar-preview').waitFor();
  await press(button('Upload'));
  await page.locator('.avatar-editor .form-status').filter({ hasText: 'Photo updated.' }).waitFor();
  await press(button('Remove photo'));
  await press(button('Remove'));
  await page.locator('.avatar-editor .form-status').filter({ hasText: 'Photo removed.' }).waitFor();

  // Profile: type, then Save with Enter on the button.
  const name = `Keys ${Date.now() % 100000}`;
  await typeInto(page.locator('#first-name'), name);
  await press(button('Save'));
  await page.locator('.profile-form .form-status').filter({ hasText: 'Saved.' }).waitFor();
  assert.equal(await button('Save').evaluate((el) => el === document.activeElement), true, 'focus stays on Save');
  assert.equal((await apiGet(page, '/api/current-user/whoami')).first_name, name);
  await assertNoPointer();
});

test('section navigation and email preferences by keyboard', async () => {
  await open('personal-info');
  await press(page.getByRole('navigation').getByRole('link', { name: 'Email preferences' }));
  await page.waitForURL((url) => appPath(url) === '/user/account/email-preferences');
  // A new Label Studio user has null here (never chosen), which the switch shows as off.
  const before = Boolean((await apiGet(page, '/api/current-user/whoami')).allow_newsletters);
  await press(page.locator('#allow-newsletters'), 'Space');
  await page.locator('.email-preferences .form-status').filter({ hasText: 'Saved.' }).waitFor();
  assert.equal(await page.locator('#allow-newsletters').evaluate((el) => el === document.activeElement), true,
    'focus stays on the switch while saving');
  assert.equal((await apiGet(page, '/api/current-user/whoami')).allow_newsletters, !before);
  await page.keyboard.press('Space');
  // Settled: switched back and no longer saving.
  await page.waitForFunction((wanted) => {
    const sw = document.querySelector('#allow-newsletters');
    return sw.checked === wanted && sw.getAttribute('aria-busy') === 'false';
  }, before);
  await page.locator('.email-preferences .form-status').filter({ hasText: 'Saved.' }).waitFor();
  assert.equal((await apiGet(page, '/api/current-user/whoami')).allow_newsletters, before);

  // The membership section's project links are reachable too.
  await page.keyboard.press('Shift+Tab');
  await press(page.getByRole('navigation').getByRole('link', { name: 'Membership info' }));
  await page.getByTestId('annotations-count').waitFor();
  await assertNoPointer();
});

test('hotkeys by keyboard: remap, switch off, filter, find, export, import, reset, undo, discard', ONCE, async () => {
  await open('hotkeys');
  const row = (id) => page.locator(`[data-hotkey="${id}"]`);
  const status = page.locator('.hotkeys > .form-status');

  // Remap and switch one off, then Save.
  await press(row('annotation:annotation:submit').locator('.key-button'));
  await row('annotation:annotation:submit').getByText('Press keys… Esc to cancel').waitFor();
  await page.keyboard.press('Control+Shift+KeyJ');
  await press(row('annotation:annotation:skip').getByRole('switch'), 'Space');
  await page.getByText('2 unsaved changes').waitFor();
  await press(button('Save'));
  await status.filter({ hasText: 'Hotkeys saved.' }).waitFor();
  assert.equal(await button('Save').evaluate((el) => el === document.activeElement), true, 'focus stays on Save');
  const stored = (await apiGet(page, '/api/current-user/hotkeys/')).custom_hotkeys;
  assert.equal(stored['annotation:annotation:submit'].key, 'ctrl+shift+j');
  assert.equal(stored['annotation:annotation:skip'].active, false);

  // Filter by words, then find by pressing keys, then show all again.
  await typeInto(page.locator('#hotkey-filter'), 'undo');
  await page.getByTestId('hotkey-summary').filter({ hasText: /^\d of 71 hotkeys shown/ }).waitFor();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await press(button('Find by keys'));
  await page.keyboard.press('Control+Shift+KeyJ');
  await page.getByText('Showing hotkeys bound to').first().waitFor();
  assert.equal(await row('annotation:annotation:submit').isVisible(), true);
  await press(button('Show all'));
  await page.getByTestId('hotkey-summary').filter({ hasText: '71 of 71 hotkeys shown' }).waitFor();

  // Export downloads the file; importing it back with one change previews, then applies.
  const [download] = await Promise.all([page.waitForEvent('download'), press(button('Export'))]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  const list = Array.isArray(exported) ? exported : exported.hotkeys;
  const undo = list.find((h) => h.element === 'annotation:undo');
  assert.ok(undo, 'the export lists Undo');
  undo.key = 'ctrl+alt+z';
  await press(button('Import…'));
  await tabTo(page.locator('#import-text'));
  await page.keyboard.insertText(JSON.stringify(exported));
  await press(button('Check'));
  await page.getByTestId('import-preview').waitFor();
  await press(button('Apply import'));
  await status.filter({ hasText: /^Imported: 1 hotkey changed\./ }).waitFor();
  assert.equal((await apiGet(page, '/api/current-user/hotkeys/')).custom_hotkeys['annotation:annotation:undo'].key, 'ctrl+alt+z');

  // Reset with its confirmation, then Undo.
  await press(button('Reset to defaults…'));
  await press(button('Reset to defaults'));
  await status.filter({ hasText: 'Reset to defaults:' }).waitFor();
  assert.deepEqual((await apiGet(page, '/api/current-user/hotkeys/')).custom_hotkeys, {});
  await press(button('Undo'));
  await status.filter({ hasText: 'Undone' }).waitFor();
  assert.equal((await apiGet(page, '/api/current-user/hotkeys/')).custom_hotkeys['annotation:annotation:undo'].key, 'ctrl+alt+z');

  // An edit, then Discard.
  await press(row('annotation:annotation:undo').locator('.key-button'));
  await page.keyboard.press('Control+Alt+KeyY');
  await page.getByText('1 unsaved change').waitFor();
  await press(button('Discard'));
  await page.getByText('No unsaved changes').waitFor();
  await assertNoPointer();
});

test('personal access token by keyboard: create, test, close, revoke', async () => {
  await open('personal-access-token');
  await page.getByText('You have no personal access token.').waitFor();
  await press(button('Create token'));
  const dialog = page.getByRole('dialog', { name: 'Your new personal access token' });
  await dialog.waitFor();
  await press(dialog.getByRole('button', { name: 'Test token' }));
  await dialog.getByText(`Works: authenticated as ${EMAIL}.`).waitFor();
  await press(dialog.getByRole('button', { name: /close/ }));
  await dialog.waitFor({ state: 'detached' });
  await press(page.getByTestId('pat-row').getByRole('button', { name: 'Revoke…' }));
  await press(button('Revoke token'));
  await page.getByText('Token revoked.').waitFor();
  assert.deepEqual(await apiGet(page, '/api/token/'), []);
  await assertNoPointer();
});

test('legacy token by keyboard: show, renew after typing the word', async () => {
  await open('legacy-token');
  const value = page.getByTestId('legacy-token-value');
  await value.waitFor();
  await press(button('Show'));
  const old = (await value.textContent()).trim();
  assert.match(old, /^[0-9a-f]{40}$/);
  await press(button('Renew token…'));
  await tabTo(page.locator('#renew-confirm'));
  await page.keyboard.type('RENEW');
  await press(button('Renew token'));
  await page.getByText('New token created.').waitFor();
  assert.notEqual((await apiGet(page, '/api/current-user/token')).token, old);
  await assertNoPointer();
});

test('no console errors during the walk-through', () => {
  assert.deepEqual(watch.consoleErrors, []);
});
