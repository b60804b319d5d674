// The editor layer: keys remapped on our page, pressed in Label Studio's own labeling editor and
// data manager (same browser, same session), and the action observed in their DOM or through the
// API. Every class of key the recorder can produce is pressed with every modifier, plus a disabled
// binding and a replaced default that must not fire. Writes the table "recorded as → fires in the
// editor" to $ARTIFACTS/editor-keys.md. Run by scripts/test as its own layer ("editor").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  launch, newWatchedPage, signIn, apiGet, apiSend, recordHotkey, ARTIFACTS,
} from './helpers.mjs';

// A picture served by Label Studio itself, so the editor needs nothing from outside.
const IMAGE = '/static/images/opossum_looking.png';
// Unique, so that our page's project search finds this one.
const TITLE = `Editor keys ${process.pid}`;
const CONFIG = `<View>
  <Image name="img" value="$image"/>
  <RectangleLabels name="box" toName="img"><Label value="Cat"/></RectangleLabels>
  <BrushLabels name="brush" toName="img"><Label value="Fur"/></BrushLabels>
  <Choices name="mood" toName="img"><Choice value="Calm"/><Choice value="Angry"/></Choices>
</View>`;

/**
 * Each case: the key class, the keys pressed (Playwright names; the same press records it on our
 * page and fires it in the editor), the spelling we must store, and `menu` when the recorder
 * cannot capture it (plain Esc cancels and plain Tab moves focus): then it comes from the
 * special keys the recorder offers. Combinations are chosen clear of the defaults still bound
 * in the editor.
 */
const CASES = [
  ['letter', 'KeyJ', 'j'],
  ['letter', 'Control+KeyJ', 'ctrl+j'],
  ['letter', 'Shift+KeyJ', 'shift+j'],
  ['letter', 'Alt+KeyJ', 'alt+j'],
  ['letter', 'Meta+KeyJ', 'command+j'],
  ['digit', 'Digit9', '9'],
  ['digit', 'Control+Digit9', 'ctrl+9'],
  ['digit', 'Alt+Digit9', 'alt+9'],
  ['digit', 'Meta+Digit9', 'command+9'],
  ['shifted digit', 'Shift+Digit3', 'shift+3'],
  ['shifted digit', 'Control+Shift+Digit4', 'ctrl+shift+4'],
  ['shifted digit', 'Alt+Shift+Digit5', 'shift+alt+5'],
  ['shifted digit', 'Meta+Shift+Digit8', 'shift+command+8'],
  ['punctuation', 'Semicolon', ';'],
  ['punctuation', 'Control+Comma', 'ctrl+,'],
  ['punctuation', 'Shift+Slash', 'shift+/'],
  ['punctuation', 'Alt+BracketLeft', 'alt+['],
  ['punctuation', 'Meta+BracketRight', 'command+]'],
  ['punctuation', 'Backquote', '`'],
  ['punctuation', 'Quote', "'"],
  ['punctuation', 'Control+Backslash', 'ctrl+\\'],
  ['punctuation', 'Equal', '='],
  ['punctuation', 'Alt+Minus', 'alt+-'],
  ['punctuation', 'Control+Shift+Equal', 'ctrl+shift+='],
  ['punctuation', 'Period', '.'],
  ['arrow', 'ArrowUp', 'up'],
  ['arrow', 'Control+ArrowDown', 'ctrl+down'],
  ['arrow', 'Shift+ArrowUp', 'shift+up'],
  ['arrow', 'Alt+ArrowDown', 'alt+down'],
  ['arrow', 'Meta+ArrowLeft', 'command+left'],
  ['F-key', 'F2', 'f2'],
  ['F-key', 'Control+F3', 'ctrl+f3'],
  ['F-key', 'Shift+F4', 'shift+f4'],
  ['F-key', 'Alt+F6', 'alt+f6'],
  ['F-key', 'Meta+F7', 'command+f7'],
  ['special', 'Escape', 'escape', 'menu'],
  ['special', 'Tab', 'tab', 'menu'],
  ['special', 'Shift+Tab', 'shift+tab', 'menu'],
  ['special', 'Enter', 'enter'],
  ['special', 'Space', 'space'],
  ['special', 'Control+Tab', 'ctrl+tab'],
  ['special', 'Shift+Escape', 'shift+escape'],
  ['special', 'Alt+Space', 'alt+space'],
  ['special', 'Meta+Enter', 'command+enter'],
].map(([keyClass, press, spelling, menu]) => ({ keyClass, press, spelling, menu: Boolean(menu) }));

// The editor actions a round binds, in the order they are pressed, and how each is observed.
const TOOLS = [
  ['tools:tool:brush', 'brush-tool'],
  ['tools:tool:eraser', 'eraser'],
  ['tools:tool:move', 'move-tool'],
  ['tools:tool:pan-image', 'pan'],
];
const UNDO = 'annotation:annotation:undo';
const REDO = 'annotation:annotation:redo';
const SUBMIT = 'annotation:annotation:submit';
const SLOTS = [...TOOLS.map(([id]) => id), UNDO, REDO, SUBMIT];

let browser, page, project, tasks;
const results = [];

before(async () => {
  browser = await launch();
  ({ page } = await newWatchedPage(browser));
  await signIn(page, '/user/account/hotkeys');
  const created = await apiSend(page, 'POST', '/api/projects/', { title: TITLE, label_config: CONFIG });
  assert.equal(created.status(), 201, await created.text());
  project = (await created.json()).id;
  const imported = await apiSend(page, 'POST', `/api/projects/${project}/import`,
    Array.from({ length: 12 }, () => ({ image: IMAGE })));
  assert.equal(imported.status(), 201, await imported.text());
  tasks = (await apiGet(page, `/api/tasks/?project=${project}&page_size=100`)).tasks.map((t) => t.id);
});

after(async () => {
  if (page) {
    await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} }).catch(() => {});
    if (project) await apiSend(page, 'DELETE', `/api/projects/${project}/`).catch(() => {});
  }
  await browser?.close();
  await mkdir(ARTIFACTS, { recursive: true });
  const fires = (r) => {
    if (r.stored.startsWith('(refused')) return 'no: the recorder refuses it at once, with the reason';
    return r.fired ? 'yes' : '**no**';
  };
  const rows = results.map((r) => `| ${r.keyClass} | ${r.press} | ${r.stored.startsWith('(') ? r.stored : `\`${r.stored}\``} | ${r.where} | ${fires(r)} |`);
  await writeFile(path.join(ARTIFACTS, 'editor-keys.md'),
    ['| class | pressed | recorded as | observed in | fires |', '|---|---|---|---|---|', ...rows, ''].join('\n'));
});

/** Starts from the defaults, then remaps each `[id, case]` on our page and saves. Returns what
 * the server stored. */
async function remapOnOurPage(pairs, { disable = [], singleKeys, keep = false } = {}) {
  if (!keep) await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
  await page.goto('/user/account/hotkeys');
  await page.locator(`[data-hotkey="${SUBMIT}"]`).waitFor();
  for (const [id, c] of pairs) {
    const row = page.locator(`[data-hotkey="${id}"]`);
    if (c.menu) {
      await row.locator('.key-button').click();
      await row.locator(`.recorder__specials [data-key="${c.spelling}"]`).click();
    } else if (c.keypad) {
      await row.locator('.key-button').focus();
      await page.keyboard.press('Enter');
      await row.getByText('Press keys… Esc to cancel').waitFor();
      await pressKeypad(c.press, c.keypad);
    } else {
      await recordHotkey(page, id, c.press);
    }
    // The row shows the new keys before the next one is recorded.
    await row.locator('.key-button').filter({ hasNotText: 'Press keys' }).waitFor();
  }
  for (const id of disable) {
    await page.locator(`[data-hotkey="${id}"] input[type=checkbox]`).uncheck();
  }
  if (singleKeys !== undefined) {
    await page.getByRole('switch', { name: 'Turn off single-key shortcuts' }).setChecked(singleKeys);
  }
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.hotkeys > .form-status').filter({ hasText: 'Hotkeys saved' }).waitFor();
  return (await apiGet(page, '/api/current-user/hotkeys/')).custom_hotkeys;
}

/** Opens the labeling editor on a task nobody has annotated yet, and starts logging which tools
 * become active (so a key that must not fire can be checked after a later one did). */
async function openEditor() {
  const task = tasks.shift();
  await page.goto(`/projects/${project}/data?task=${task}`);
  await page.locator('.lsf-tool[aria-label=pan]').waitFor();
  // Ready when the editor's keys are: 3 is the hotkey the editor gives the choice Calm by itself
  // (after Cat 1 and Fur 2; no case binds a plain 3). With focus on the page, not in a field.
  await blur();
  await page.keyboard.press('Digit3');
  await page.getByLabel('Calm').and(page.locator(':checked')).waitFor();
  await page.evaluate(() => {
    window.__activated = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target;
        if (el.classList.contains('lsf-tool_active') && !String(r.oldValue).includes('lsf-tool_active')) {
          window.__activated.push(el.getAttribute('aria-label'));
        }
      }
    }).observe(document.body, { subtree: true, attributeFilter: ['class'], attributeOldValue: true });
  });
  return task;
}

const toolActive = (label) => page.locator(`.lsf-tool_active[aria-label="${label}"]`);
const undoButton = () => page.getByTestId('bottombar-undo-button');
const redoButton = () => page.getByTestId('bottombar-redo-button');

// Key codes of the keypad with Num Lock on. Playwright's own "Numpad9" is Num Lock off (PageUp),
// so these go through the DevTools protocol as a real keypad sends them.
const KEYPAD_CODES = { Numpad9: 105, NumpadAdd: 107, NumpadSubtract: 109 };

/** Presses a keypad key, `Control+` allowed in front. */
async function pressKeypad(press, key) {
  const code = press.replace('Control+', '');
  const modifiers = press.startsWith('Control+') ? 2 : 0;
  const cdp = await page.context().newCDPSession(page);
  const event = { code, key, modifiers, windowsVirtualKeyCode: KEYPAD_CODES[code], location: 3 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: key, ...event });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event });
  await cdp.detach();
}

/** Waits for `condition` for a while; false instead of a timeout error. */
async function seen(locator, state = 'visible') {
  return locator.waitFor({ state, timeout: 4000 }).then(() => true, () => false);
}

/** Leaves focus on the page body, as after clicking an empty spot (a focused input would put the
 * editor's keys in their input scope). */
async function blur() {
  await page.locator('.lsf-current-task').click();
}

/** One round: up to seven cases bound to the editor's tools, undo, redo and submit. */
async function round(cases) {
  const pairs = cases.map((c, i) => [SLOTS[i], c]);
  const stored = await remapOnOurPage(pairs);
  const task = await openEditor();
  const records = [];
  for (const [id, c] of pairs) {
    const record = { ...c, stored: stored[id]?.key ?? '(not stored)', fired: false, where: '' };
    records.push(record);
    const tool = TOOLS.find(([toolId]) => toolId === id);
    if (tool) {
      record.where = `editor: ${tool[1]} tool chosen`;
      await page.keyboard.press(c.press);
      record.fired = await seen(toolActive(tool[1]));
    } else if (id === UNDO) {
      record.where = 'editor: undo';
      // Calm, chosen when the editor was opened, is the step to undo.
      await undoButton().and(page.locator(':enabled')).waitFor();
      await page.keyboard.press(c.press);
      record.fired = await seen(redoButton().and(page.locator(':enabled')));
    } else if (id === REDO) {
      record.where = 'editor: redo';
      await page.keyboard.press(c.press);
      record.fired = await seen(page.getByLabel('Calm').and(page.locator(':checked')));
    } else {
      record.where = 'API: annotation submitted';
      await blur();
      const submitted = submission(task);
      await page.keyboard.press(c.press);
      record.fired = await submitted;
    }
  }
  results.push(...records);
  return records;
}

/** Whether the editor posts an annotation of `task` (its submit) within a few seconds, and the
 * API then lists it as submitted, not skipped. */
async function submission(task) {
  const posted = await page.waitForResponse((r) => r.request().method() === 'POST'
    && new URL(r.url()).pathname.replace(/\/$/, '').endsWith(`/api/tasks/${task}/annotations`), { timeout: 4000 })
    .then((r) => r.ok(), () => false);
  if (!posted) return false;
  const list = await apiGet(page, `/api/tasks/${task}/annotations/`);
  return list.some((a) => !a.was_cancelled);
}

/** Every key stored in the expected spelling and fired where it is used. */
function assertRound(mine) {
  const wrongSpelling = mine.filter((r) => r.stored !== r.spelling).map((r) => `${r.press}: stored ${r.stored}, expected ${r.spelling}`);
  const silent = mine.filter((r) => !r.fired).map((r) => `${r.press} (${r.stored}) did not fire (${r.where})`);
  assert.deepEqual([...wrongSpelling, ...silent], []);
}

for (let start = 0; start < CASES.length; start += SLOTS.length) {
  const cases = CASES.slice(start, start + SLOTS.length);
  test(`keys ${cases.map((c) => c.press).join(', ')}: recorded on our page, fired in the editor`, async () => {
    assertRound(await round(cases));
  });
}

test('a disabled binding and a replaced default do not fire in the editor', async () => {
  const brush = CASES.find((c) => c.press === 'KeyJ');
  await remapOnOurPage([['tools:tool:brush', brush]], { disable: ['tools:tool:move'] });
  await openEditor();
  // B was the brush's default and V is the move tool's, switched off; then H (pan) proves the
  // editor received the presses before the log is read.
  await page.keyboard.press('KeyB');
  await page.keyboard.press('KeyV');
  await page.keyboard.press('KeyH');
  await toolActive('pan').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__activated), ['pan']);
  await page.keyboard.press('KeyJ');
  await toolActive('brush-tool').waitFor();
});

test('data manager keys: recorded on our page, fired in the data manager', async () => {
  // Its key library reads `minus` as M and `plus` as P: these two are stored as - and =.
  const cases = [
    { keyClass: 'punctuation', press: 'Alt+Minus', spelling: 'alt+-' },
    { keyClass: 'punctuation', press: 'Control+Equal', spelling: 'ctrl+=' },
  ];
  const stored = await remapOnOurPage([['data_manager:dm.focus-next', cases[0]], ['data_manager:dm.open-labeling', cases[1]]]);
  await page.goto(`/projects/${project}/data`);
  await page.locator('.lsf-table__row-wrapper').first().waitFor();
  // The data manager reopens the last task it showed; close it so that opening is observable.
  if (/[?&]task=/.test(page.url())) {
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => !url.searchParams.has('task'));
  }
  const focusNext = { ...cases[0], stored: stored['data_manager:dm.focus-next']?.key, where: 'data manager: a task focused' };
  await page.keyboard.press(focusNext.press);
  focusNext.fired = await seen(page.locator('.lsf-table__row-wrapper_highlighted').first());
  const open = { ...cases[1], stored: stored['data_manager:dm.open-labeling']?.key, where: 'data manager: the focused task opened' };
  await page.keyboard.press(open.press);
  open.fired = await page.waitForURL((url) => url.searchParams.has('task'), { timeout: 4000 })
    .then(() => true, () => false);
  results.push(focusNext, open);
  assertRound([focusNext, open]);
});

test('keypad keys: recorded where the editor hears them, refused at once where it does not', async () => {
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
  await page.goto('/user/account/hotkeys');
  const row = page.locator('[data-hotkey="tools:tool:brush"]');
  const refused = [
    ['Control+Numpad9', '9', "The labeling editor hears keypad digits without their modifiers; use the main keyboard's “9” instead."],
    ['NumpadAdd', '+', "The labeling editor doesn't react to the keypad's “+”; use the main keyboard's instead."],
    ['NumpadSubtract', '-', "The labeling editor doesn't react to the keypad's “-”; use the main keyboard's instead."],
  ];
  for (const [press, key, reason] of refused) {
    await row.locator('.key-button').focus();
    await page.keyboard.press('Enter');
    await row.getByText('Press keys… Esc to cancel').waitFor();
    await pressKeypad(press, key);
    await row.getByText(reason).waitFor();
    await page.keyboard.press('Escape');
    results.push({ keyClass: 'keypad', press, stored: '(refused)', where: 'editor: not as pressed (checked below)', fired: false });
  }
  // A bare keypad digit is recorded as the digit (the eraser); the pan tool is on the main
  // keyboard's =, the brush on Ctrl+9.
  const stored = await remapOnOurPage([
    ['tools:tool:brush', CASES.find((c) => c.press === 'Control+Digit9')],
    ['tools:tool:pan-image', CASES.find((c) => c.press === 'Equal')],
    ['tools:tool:eraser', { press: 'Numpad9', keypad: '9' }],
  ]);
  assert.equal(stored['tools:tool:eraser'].key, '9');
  await openEditor();
  // The reasons, checked: the keypad's + does not choose pan, and Ctrl + the keypad's 9 chooses
  // what plain 9 does (the eraser), not the brush on Ctrl+9; then V (the move tool) proves the
  // editor had received them all.
  await pressKeypad('NumpadAdd', '+');
  await pressKeypad('Control+Numpad9', '9');
  await page.keyboard.press('KeyV');
  await toolActive('move-tool').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__activated), ['eraser', 'move-tool']);
  await pressKeypad('Numpad9', '9');
  results.push({ keyClass: 'keypad', press: 'Numpad9', stored: '9', where: 'editor: eraser tool chosen', fired: await seen(toolActive('eraser')) });
  assert.ok(results.at(-1).fired, 'a bare keypad digit fires as the digit');
});

test('turn off single-key shortcuts: none fires in the editor, and turned back on, exactly those fire again', async () => {
  // The user turns the move tool (V) off themselves, then turns single keys off.
  await remapOnOurPage([], { disable: ['tools:tool:move'], singleKeys: true });
  await openEditor();
  // B, H, E and V are single keys; Ctrl+Z (undo) is not, and proves the editor received them.
  for (const key of ['KeyB', 'KeyH', 'KeyE', 'KeyV']) await page.keyboard.press(key);
  await page.keyboard.press('Control+KeyZ');
  await redoButton().and(page.locator(':enabled')).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__activated), [], 'no single key fired');

  await remapOnOurPage([], { singleKeys: false, keep: true });
  await openEditor();
  await page.keyboard.press('KeyV');
  await page.keyboard.press('KeyH');
  await toolActive('pan').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__activated), ['pan'], 'V stays off: the user had turned it off');
  await page.keyboard.press('KeyB');
  await toolActive('brush-tool').waitFor();
});

test("the keys the editor gives by itself are the ones our page lists for the project", async () => {
  await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
  await page.goto('/user/account/hotkeys');
  await page.locator('.project-keys summary').click();
  await page.getByLabel('Project', { exact: true }).fill(TITLE);
  await page.getByRole('button', { name: TITLE }).click();
  await page.getByTestId('project-keys').filter({ hasText: '4 keys' }).waitFor();
  const listed = await page.locator('.project-keys__keys li').allTextContents();
  assert.deepEqual(listed, [
    'Label “Cat” 1 (given by the editor)', 'Label “Fur” 2 (given by the editor)',
    'Choice “Calm” 3 (given by the editor)', 'Choice “Angry” 4 (given by the editor)',
  ]);
  // In the editor: 3 chose Calm when it opened; 4 chooses Angry, and the hints say the same.
  await openEditor();
  await page.keyboard.press('Digit4');
  await page.getByLabel('Angry').and(page.locator(':checked')).waitFor();
  for (const [name, key] of [['Cat', 1], ['Fur', 2], ['Calm', 3], ['Angry', 4]]) {
    await page.getByText(`${name}${key}`, { exact: true }).or(page.getByText(`${name}[${key}]`, { exact: true })).first().waitFor();
  }
});
