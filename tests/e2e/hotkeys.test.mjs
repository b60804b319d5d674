// Hotkeys against a real Label Studio: record with real key presses, save, reload, read back
// the stored spelling; import/export/reset with previews and undo; lost-update protection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  launch, newWatchedPage, signIn, apiGet, apiSend, assertAccessible, assertCsrfOnUnsafe, screenshot,
  recordHotkey, E2E_PASS,
  appPath, at,
} from './helpers.mjs';

let browser, page, watch;
const patches = [];
before(async () => {
  browser = await launch();
  ({ page, watch } = await newWatchedPage(browser));
  page.on('request', (req) => {
    if (req.method() === 'PATCH' && appPath(req.url()) === '/api/current-user/hotkeys/') patches.push(req.postDataJSON());
  });
  await signIn(page, '/user/account/hotkeys');
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
});
after(async () => { await browser?.close(); });

const SUBMIT = 'annotation:annotation:submit';
const row = (id) => page.locator(`[data-hotkey="${id}"]`);
const stored = async () => (await apiGet(page, '/api/current-user/hotkeys/')).custom_hotkeys;
const status = () => page.locator('.hotkeys > .form-status');

async function open() {
  await page.goto('/user/account/hotkeys');
  await row('annotation:annotation:submit').waitFor();
  // The cards below the first draw their rows a moment later.
  await page.locator('.hotkey-card__rows[aria-busy]').first().waitFor({ state: 'detached' });
}

const record = (id, keys) => recordHotkey(page, id, keys);
/** Waits until exactly `n` rows are shown: the filter hides rows a moment after it changes. */
const rowsShown = (n) => page.waitForFunction(
  (n) => document.querySelectorAll('.hotkey-row:not([hidden])').length === n, n, { timeout: 10_000 });

test('remap by pressing keys, save, reload: stored in the editor spelling', async () => {
  await open();
  await record('annotation:annotation:submit', 'Control+Shift+KeyK');
  await row('annotation:annotation:submit').locator('kbd', { hasText: 'K' }).waitFor();
  await record('tools:tool:zoom-in', 'Shift+Digit1');
  await record('regions:region:unselect', 'Meta+ArrowLeft');
  await page.getByText('3 unsaved changes').waitFor();
  // Shift+1 now collides with "Zoom to Fit".
  await row('tools:tool:zoom-in').getByTestId('row-conflict').filter({ hasText: 'Zoom to Fit (Tools)' }).waitFor();
  await assertAccessible(page, 'hotkeys with a conflict');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await status().filter({ hasText: 'Hotkeys saved. 2 hotkeys share keys with another action' }).waitFor();
  await page.reload();
  await row('annotation:annotation:submit').waitFor();
  assert.equal((await row('annotation:annotation:submit').locator('kbd').allTextContents()).join('+'), 'Ctrl+Shift+K');
  const map = await stored();
  assert.equal(map['annotation:annotation:submit'].key, 'ctrl+shift+k');
  assert.equal(map['tools:tool:zoom-in'].key, 'shift+1', 'not shift+!');
  assert.equal(map['regions:region:unselect'].key, 'command+left', 'not meta+arrowleft');
  assert.equal(Object.keys(map).length, 3, 'only the changed entries are stored');
});

test('Esc cancels recording, Tab reaches the special keys, leaving ends it, and the switch turns a hotkey off', async () => {
  await open();
  await record('annotation:annotation:undo', 'Escape');
  const undo = row('annotation:annotation:undo');
  await undo.locator('kbd', { hasText: 'Z' }).waitFor();
  const undoButton = undo.locator('.key-button');
  const focused = (locator) => locator.evaluate((el) => el === document.activeElement);
  // No row offers special keys until it records, nor Reset until it is modified.
  assert.equal(await page.locator('.recorder__specials').count(), 0);
  assert.equal(await undo.locator('.hotkey-row__reset').count(), 0);
  await undoButton.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const esc = undo.locator('.recorder__specials [data-key="escape"]');
  assert.equal(await focused(esc), true, 'Tab goes on to the special keys');
  await undo.getByText('Press keys…').waitFor();
  await assertAccessible(page, 'a row recording, with its special keys');
  assert.equal(await focused(esc), true, 'still recording, on Esc');
  await page.keyboard.press('Enter');
  await undo.locator('kbd', { hasText: 'Esc' }).waitFor();
  assert.equal(await focused(undoButton), true, 'focus back on the keys');
  assert.equal(await page.locator('.recorder__specials').count(), 0);
  // Reset, now offered, gives focus back to the keys.
  await undo.locator('.hotkey-row__reset').press('Enter');
  await undo.locator('kbd', { hasText: 'Z' }).waitFor();
  assert.equal(await focused(undoButton), true, 'focus back on the keys after Reset');
  // Focus leaving the recorder ends the recording.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(undoButton), false, 'focus moved on');
  await undo.getByText('Press keys…').waitFor({ state: 'detached' });

  await row('annotation:annotation:skip').getByRole('switch').click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await status().filter({ hasText: 'Hotkeys saved.' }).waitFor();
  assert.equal((await stored())['annotation:annotation:skip'].active, false);
});

test('a blocked combination never reaches the server', async () => {
  await open();
  const before = patches.length;
  await record('annotation:annotation:redo', 'Alt+Tab');
  await row('annotation:annotation:redo').getByRole('alert').filter({ hasText: "Key combination 'alt+tab' is not allowed" }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled(), true, 'nothing changed');
  assert.equal(patches.length, before);
});

test('filter by words, find by pressed keys, show modified only', async () => {
  await open();
  await page.fill('#hotkey-filter', 'zoom');
  await page.getByTestId('hotkey-summary').filter({ hasText: /^4 of 71 hotkeys shown/ }).waitFor();
  await page.fill('#hotkey-filter', '');
  await page.getByRole('button', { name: 'Find by keys' }).click();
  await page.keyboard.press('Alt+ArrowLeft');
  await page.locator('.hotkeys__found', { hasText: 'Showing hotkeys bound to Alt+←.' }).waitFor();
  await rowsShown(4);
  await page.getByRole('button', { name: 'Show all' }).click();
  await rowsShown(71);
  await page.getByLabel('Modified only').check();
  await rowsShown(4); // three remapped, one switched off
  await page.getByLabel('Modified only').uncheck();
});

test('export, then import in Label Studio format with a preview, then undo', async () => {
  await open();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  assert.equal(download.suggestedFilename(), 'hotkeys-export.json');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.version, '1.0');
  assert.equal(exported.hotkeys.length, 71);
  assert.equal(exported.hotkeys.find((h) => h.element === 'annotation:submit').key, 'ctrl+shift+k');

  // Re-importing the export changes nothing.
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByTestId('import-file').setInputFiles({ name: 'hotkeys-export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await page.getByText('The file matches your current hotkeys; nothing would change.').waitFor();

  // A bad file lists its problems and changes nothing.
  const before = patches.length;
  await page.fill('#import-text', JSON.stringify([{ id: '1', section: 'annotation', element: 'annotation:submit', label: 'S', key: 'cmd+space' }, { id: '2' }]));
  await page.getByRole('button', { name: 'Check' }).click();
  const problems = page.getByTestId('import-problems');
  await problems.waitFor();
  assert.match(await problems.textContent(), /Item 0, key: Key combination 'cmd\+space' is not allowed/);
  assert.match(await problems.textContent(), /Item 1, section: is missing/);
  await assertAccessible(page, 'import problems');
  assert.equal(patches.length, before);

  // A Label Studio style file: bare array, old spellings; the preview shows the diff.
  const file = [
    { id: 100, section: 'annotation', element: 'annotation:submit', label: 'Submit', key: 'ctrl+enter' },
    { id: 5100, section: 'tools', element: 'tool:pan-image', label: 'Pan', key: 'shift+H', active: true },
    { id: 300, section: 'annotation', element: 'annotation:undo', label: 'Undo', key: 'ctrl+z', active: false },
  ];
  await page.fill('#import-text', JSON.stringify(file));
  await page.getByRole('button', { name: 'Check' }).click();
  const preview = page.getByTestId('import-preview');
  await preview.waitFor();
  const text = await preview.textContent();
  assert.match(text, /\d+ hotkeys? would change/);
  assert.match(text, /Pan Image/);
  await assertAccessible(page, 'import preview');
  await page.getByRole('button', { name: 'Apply import' }).click();
  await status().filter({ hasText: /^Imported: \d+ hotkeys? changed\./ }).waitFor();
  // The list shows the new state at once.
  assert.equal((await row('tools:tool:pan-image').locator('kbd').allTextContents()).join('+'), 'Shift+H');
  const map = await stored();
  assert.deepEqual(Object.keys(map).sort(), ['annotation:annotation:undo', 'tools:tool:pan-image']);
  assert.equal(map['tools:tool:pan-image'].key, 'shift+h');

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await status().filter({ hasText: 'Undone' }).waitFor();
  assert.equal((await stored())['annotation:annotation:submit'].key, 'ctrl+shift+k');
});

test('reset to defaults shows the count, applies at once and can be undone', async () => {
  await open();
  await page.getByRole('button', { name: 'Reset to defaults…' }).click();
  await page.getByText(/4 hotkeys will change/).waitFor();
  await page.getByRole('button', { name: 'Reset to defaults', exact: true }).click();
  await status().filter({ hasText: 'Reset to defaults: 4 hotkeys changed.' }).waitFor();
  assert.deepEqual(await stored(), {});
  assert.equal((await row('annotation:annotation:submit').locator('kbd').allTextContents()).join('+'), 'Ctrl+Enter');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await status().filter({ hasText: 'Undone' }).waitFor();
  assert.equal(Object.keys(await stored()).length, 4);
});

test('a change made elsewhere after the page loaded is shown before saving over it', async () => {
  await open();
  await record('annotation:annotation:redo', 'Control+KeyY');
  // Another tab (or the editor) saves meanwhile.
  const elsewhere = { 'audio:audio:playpause': { key: 'alt+p', active: true } };
  assert.equal((await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: elsewhere })).status(), 200);
  const before = patches.length;
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const stale = page.getByTestId('stale-panel');
  await stale.waitFor();
  assert.match(await stale.textContent(), /Play \/ Pause Audio/);
  assert.equal(patches.length, before, 'nothing overwritten yet');
  await assertAccessible(page, 'stale panel');
  await screenshot(page, 'hotkeys');
  await page.getByRole('button', { name: 'Save mine anyway' }).click();
  await status().filter({ hasText: 'Hotkeys saved.' }).waitFor();
  const map = await stored();
  assert.equal(map['annotation:annotation:redo'].key, 'ctrl+y');
  assert.equal(map['audio:audio:playpause'], undefined, 'mine replaced theirs, knowingly');
});

test('turn off single-key shortcuts: by keyboard, saved as switched off, undone exactly', async () => {
  // The user had turned the move tool (V) off themselves.
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: { 'tools:tool:move': { key: 'V', active: false } } });
  await open();
  const singleKeys = page.getByRole('switch', { name: 'Turn off single-key shortcuts' });
  const rowOn = (id) => row(id).getByRole('switch').isChecked();
  await singleKeys.focus();
  await page.keyboard.press('Space');
  await page.getByText(/^Turned off \d+ single-key hotkeys\. Save to apply it in the editor\.$/).waitFor();
  assert.equal(await rowOn('tools:tool:pan-image'), false);
  assert.equal(await rowOn('annotation:annotation:submit'), true, 'Ctrl+Enter is not a single key');
  await assertAccessible(page, 'hotkeys with single-key shortcuts turned off');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await status().filter({ hasText: 'Hotkeys saved' }).waitFor();
  await page.reload();
  await row(SUBMIT).waitFor();
  assert.equal(await singleKeys.isChecked(), true, 'the switch is saved');
  let map = await stored();
  assert.equal(map['tools:tool:pan-image'].active, false);
  assert.equal(map['regions:region:delete'].active, false, 'Backspace is a single key');

  await singleKeys.focus();
  await page.keyboard.press('Space');
  await page.getByText(/^Turned \d+ hotkeys back on; the ones you had turned off stay off\./).waitFor();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await status().filter({ hasText: 'Hotkeys saved' }).waitFor();
  map = await stored();
  assert.deepEqual(Object.keys(map), ['tools:tool:move'], 'back to what the user had, nothing else');
  assert.equal(map['tools:tool:move'].active, false);
});

test('try a key: by keyboard, with the edits on the page, and Tab leaves', async () => {
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
  await open();
  await record(SUBMIT, 'Control+Shift+KeyK');
  const summary = page.locator('.try-key__summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  const pad = page.getByLabel('Press keys here');
  await pad.focus();
  const result = page.getByTestId('try-key-result');
  await page.keyboard.press('Control+Shift+KeyK');
  await result.filter({ hasText: 'Submit Annotation (Annotation Actions) in the labeling editor, on every task' }).waitFor();
  await result.locator('code', { hasText: 'ctrl+shift+k' }).waitFor();
  await page.keyboard.press('Alt+ArrowLeft');
  await result.filter({ hasText: 'Rotate Left (Tools) in the labeling editor, on image tasks' }).waitFor();
  await page.keyboard.press('Control+KeyW');
  await result.filter({ hasText: 'closes the tab' }).waitFor();
  await assertAccessible(page, 'try a key, open with a result');
  await page.keyboard.press('Tab');
  assert.equal(await pad.evaluate((el) => el === document.activeElement), false, 'Tab leaves the field');
  await page.getByRole('button', { name: 'Discard' }).click();
});

test("a project's label keys: found by title, clashes with mine shown and settled, by keyboard", async () => {
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: { 'annotation:annotation:undo': { key: '1', active: true } } });
  const config = '<View><Image name="i" value="$i"/><RectangleLabels name="r" toName="i"><Label value="Cat"/><Label value="Dog" hotkey="b"/></RectangleLabels></View>';
  const created = await apiSend(page, 'POST', '/api/projects/', { title: 'Label keys check', label_config: config });
  assert.equal(created.status(), 201);
  const { id } = await created.json();
  try {
    await open();
    await page.locator('.project-keys summary').focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Project', { exact: true }).fill('label keys');
    const choice = page.getByRole('button', { name: 'Label keys check' });
    await choice.focus();
    await page.keyboard.press('Enter');
    const result = page.getByTestId('project-keys');
    await result.filter({ hasText: 'Label keys check: 2 keys from its labeling config.' }).waitFor();
    await result.filter({ hasText: 'Label “Cat” 1 (given by the editor)' }).waitFor();
    const clashes = page.getByTestId('project-clash');
    await clashes.filter({ hasText: 'Label “Cat” and your Undo (Annotation Actions) are both on 1.' }).waitFor();
    await clashes.filter({ hasText: 'Label “Dog” and your Brush Tool (Tools) are both on b.' }).waitFor();
    await assertAccessible(page, "a project's label keys with clashes");
    await clashes.filter({ hasText: 'Undo' }).getByRole('button', { name: 'Turn mine off' }).focus();
    await page.keyboard.press('Enter');
    await clashes.filter({ hasText: 'Undo' }).waitFor({ state: 'detached' });
    assert.equal(await clashes.count(), 1, 'the brush clash is left');
    assert.equal(await row('annotation:annotation:undo').getByRole('switch').isChecked(), false);
    // Change mine: the brush's row records at once, with focus on its key.
    await clashes.getByRole('button', { name: 'Change mine' }).focus();
    await page.keyboard.press('Enter');
    await row('tools:tool:brush').getByText('Press keys… Esc to cancel').waitFor();
    await page.keyboard.press('Alt+KeyB');
    await row('tools:tool:brush').locator('kbd', { hasText: 'Alt' }).waitFor();
    await page.getByText('None of your hotkeys fires with them.').waitFor();
    await page.getByRole('button', { name: 'Discard' }).click();
  } finally {
    await apiSend(page, 'DELETE', `/api/projects/${id}/`);
  }
});

// The map's screenshots are written by the nginx pass (or a run on its own) into the repository,
// beside this file, so they show today's map.
const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');
const writesScreenshots = !E2E_PASS || E2E_PASS === 'nginx';

/** Opens the keyboard map and its `layer` tab; returns the map. */
async function openMap(p, summary, layer) {
  await p.locator('.keyboard-map-slot summary').click();
  const map = p.getByTestId('keyboard-map');
  await map.waitFor();
  assert.equal(await p.locator('.keyboard-map-slot__toggle').textContent(), summary);
  await map.getByRole('tab', { name: layer, exact: true }).click();
  await map.locator('.keyboard-map__tab[aria-selected="true"]', { hasText: layer }).waitFor();
  return map;
}

/** The map at 1280 and 360 px, light and dark: `keyboard-map-<lang>-<theme>-<width>.png`. */
async function mapScreenshots(p, map, lang) {
  if (!writesScreenshots) return;
  await mkdir(SCREENSHOTS, { recursive: true });
  // The sticky bars sit in the page's flow while the map is taken, not over its middle (set
  // through the CSSOM: the page's Content-Security-Policy refuses inline styles).
  const bars = (position) =>
    p.evaluate((value) => {
      for (const bar of document.querySelectorAll('.account-header, .connection')) bar.style.position = value;
    }, position);
  await bars('static');
  for (const width of [1280, 360]) {
    await p.setViewportSize({ width, height: 900 });
    for (const theme of ['light', 'dark']) {
      await p.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      await map.screenshot({ path: path.join(SCREENSHOTS, `keyboard-map-${lang}-${theme}-${width}.png`) });
    }
  }
  await bars('');
  await p.evaluate(() => document.documentElement.removeAttribute('data-theme'));
  await p.setViewportSize({ width: 1280, height: 900 });
}

test('keyboard map: Undo on Alt+U shows on U in the Alt layer, a clash is marked, a key filters the list, one printed page', async () => {
  await open();
  await record('annotation:annotation:undo', 'Alt+KeyU');
  // A clash on purpose: Redo on Alt+U too, both kept.
  await record('annotation:annotation:redo', 'Alt+KeyU');
  await page.getByRole('button', { name: 'Keep both' }).click();
  const map = await openMap(page, 'Keyboard map', 'Alt');
  const u = map.locator('.keyboard-map__panel [data-code="KeyU"]');
  // Its name starts with what is seen, then the rest: all its actions, where, the marks.
  assert.equal(await u.textContent(), 'U: Undo +1 (also Redo), in the editor, clash');
  assert.match(await u.getAttribute('class'), /kcap--clash/);
  assert.match(await u.textContent(), /Undo \+1/);
  // Unbound keys are drawn, quiet, and not announced; the browser's own keys are marked.
  assert.equal(await map.locator('.keyboard-map__panel [data-code="KeyQ"]').getAttribute('aria-hidden'), 'true');
  await map.getByRole('tab', { name: 'Ctrl', exact: true }).click();
  assert.match(await map.locator('.keyboard-map__panel [data-code="KeyW"]').getAttribute('class'), /kcap--kept/);
  await assertAccessible(page, 'keyboard map, Ctrl layer');
  // Layers by arrow keys, as tabs go.
  await map.getByRole('tab', { name: 'Ctrl', exact: true }).focus();
  await page.keyboard.press('ArrowLeft');
  await map.locator('.keyboard-map__tab[aria-selected="true"]', { hasText: 'No modifier' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'No modifier');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  await map.locator('.keyboard-map__tab[aria-selected="true"]', { hasText: 'Alt' }).waitFor();
  // Enter on U: the list shows its two rows only.
  await u.focus();
  await page.keyboard.press('Enter');
  const shown = page.locator('.hotkey-row:not([hidden]) .hotkey-row__label');
  await page.waitForFunction(() => document.querySelectorAll('.hotkey-row:not([hidden])').length === 2);
  assert.deepEqual((await shown.allTextContents()).sort(), ['Redo', 'Undo']);
  await page.getByRole('button', { name: 'Show all' }).click();
  await mapScreenshots(page, map, 'en');

  // The cheat sheet: every layer and every enabled binding, on one landscape A4 page.
  await page.emulateMedia({ media: 'print' });
  try {
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    assert.equal(pages.length, 1, 'the cheat sheet fits one page');
    if (writesScreenshots) await page.screenshot({ path: path.join(SCREENSHOTS, 'keyboard-map-print.png'), fullPage: true });
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await status().filter({ hasText: 'Hotkeys saved.' }).waitFor();

  // In Chinese, from what was saved.
  const zh = await newWatchedPage(browser, { locale: 'zh-CN' });
  try {
    await signIn(zh.page, '/user/account/hotkeys');
    await zh.page.locator('[data-hotkey="annotation:annotation:undo"]').waitFor();
    const zhMap = await openMap(zh.page, '键盘图', 'Alt');
    assert.equal(await zhMap.locator('.keyboard-map__panel [data-code="KeyU"]').textContent(), 'U：撤销 +1（还有重做），在编辑器中，冲突');
    await assertAccessible(zh.page, 'keyboard map in Chinese');
    await mapScreenshots(zh.page, zhMap, 'zh-CN');
    assert.deepEqual(zh.watch.consoleErrors, []);
  } finally {
    await zh.context.close();
  }
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
});

test('no console errors; CSRF on every unsafe request', async () => {
  assert.deepEqual(watch.consoleErrors, []);
  assertCsrfOnUnsafe(watch);
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
});
