// Languages against a real Label Studio: the browser's languages decide on a first visit, the
// switch stores Label Studio's own key and reloads with a draft kept, a stored value is honoured,
// and in the test language (en-XA) the parts the catalog covers show nothing that is not from it.
// Covered: the shell (header, menus, sidebar, status bars, the session-ended bar), Personal info
// with its photo editor, Email Preferences, Membership Info, Personal Access Token and Hotkeys
// with its panels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newWatchedPage, signIn, apiGet, apiSend, assertAccessible, screenshot, revokeAllTokens, EMAIL, ONCE,
} from './helpers.mjs';
import { png } from './images.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Runs `body` in a browser context of its own whose languages are `locale`, then closes it. */
async function inContext(locale, body) {
  const watched = await newWatchedPage(browser, { locale });
  try {
    await body(watched);
  } finally {
    await watched.context.close();
  }
}

const stored = (page) => page.evaluate(() => localStorage.getItem('label-studio.lang'));
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

/** Buttons, links and labels whose text does not fit their box (clipped or overflowing). */
async function overflowing(page) {
  return page.evaluate(() => [...document.querySelectorAll(
    'button, a.button, .section-nav__link, label, .account-header__title, .section-card__title',
  )]
    .filter((el) => el.checkVisibility() && !el.closest('.visually-hidden'))
    .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis')
    .map((el) => `${el.tagName.toLowerCase()}: ${el.textContent.trim()}`));
}

/** At 1280 and at 360 px wide: a screenshot `zh-CN-<name>-<width>`, and no text that does not fit. */
async function fitsAtBothWidths(page, name) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await screenshot(page, `zh-CN-${name}-${width}`);
    assert.deepEqual(await overflowing(page), [], `${name}: text that does not fit at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Runs `body` on Legacy Token with its renew question open: the section is allowed for the
 * organization first, and turned off again after. */
async function withLegacyRenewOpen(page, body) {
  await apiSend(page, 'POST', '/api/jwt/settings', { api_tokens_enabled: true, legacy_api_tokens_enabled: true });
  try {
    await page.goto('/user/account/legacy-token');
    await page.getByTestId('legacy-token-value').waitFor();
    await page.locator('.legacy-token > .button--danger').click();
    await page.locator('#renew-confirm').waitFor();
    await body();
  } finally {
    await apiSend(page, 'POST', '/api/jwt/settings', { api_tokens_enabled: true, legacy_api_tokens_enabled: false });
  }
}

test('a browser that prefers Chinese gets Chinese on its first visit, and it fits', ONCE, async () => {
  await inContext('zh-CN', async ({ page, watch }) => {
    await signIn(page, '/user/account/personal-info');
    await page.locator('#section-title', { hasText: '个人信息' }).waitFor();
    assert.equal(await htmlLang(page), 'zh-CN');
    assert.equal(await page.title(), '个人信息 | 我的账户');
    assert.equal(await page.locator('.account-header__title').textContent(), '我的账户');
    assert.equal(await page.locator('label[for=first-name]').textContent(), '名');
    // Nothing was chosen yet: the browser decided.
    assert.equal(await stored(page), null);
    await assertAccessible(page, 'Personal info in Chinese');
    await fitsAtBothWidths(page, 'personal-info');
    for (const [slug, title] of [['email-preferences', '邮件偏好'], ['membership-info', '成员信息'],
      ['personal-access-token', '个人访问令牌']]) {
      await page.goto(`/user/account/${slug}`);
      await page.locator('#section-title', { hasText: title }).waitFor();
      await page.locator('.page-status').waitFor({ state: 'detached' });
      await assertAccessible(page, `${slug} in Chinese`);
      await fitsAtBothWidths(page, slug);
    }
    // Legacy Token, which the organization must allow.
    await withLegacyRenewOpen(page, async () => {
      await assertAccessible(page, 'legacy-token in Chinese, renew question open');
      await fitsAtBothWidths(page, 'legacy-token');
    });
    await page.goto('/user/account/personal-info');
    await page.locator('#section-title', { hasText: '个人信息' }).waitFor();
    // A check made in the browser, in Chinese; nothing is sent.
    await page.fill('#phone', '555 1234');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('#phone-error', { hasText: '请以 + 和国家代码开头' }).waitFor();
    await page.locator('.form-status', { hasText: '请修正标出的字段；未发送任何内容。' }).waitFor();
    assert.deepEqual(watch.consoleErrors, []);
  });
});

/** Records `keys` on the hotkey row `id` whatever the page's language. */
async function record(page, id, keys) {
  const row = page.locator(`[data-hotkey="${id}"]`);
  await row.locator('.key-button').focus();
  await page.keyboard.press('Enter');
  await row.locator('.key-button__prompt').waitFor();
  await page.keyboard.press(keys);
}

test('Hotkeys in Chinese: the list, a recorded key saved, its panels, and it fits', ONCE, async () => {
  await inContext('zh-CN', async ({ page, watch }) => {
    await signIn(page, '/user/account/personal-info');
    await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
    await page.goto('/user/account/hotkeys');
    await page.locator('#section-title', { hasText: '快捷键' }).waitFor();
    await page.getByTestId('hotkey-summary').filter({ hasText: '显示 71 / 71 个快捷键' }).waitFor();
    // The defaults' names and the cards' titles are in Chinese too.
    const submit = page.locator('[data-hotkey="annotation:annotation:submit"]');
    assert.equal(await submit.locator('.hotkey-row__label').textContent(), '提交标注');
    await page.locator('.hotkey-card__title', { hasText: '标注操作' }).waitFor();
    await record(page, 'annotation:annotation:undo', 'Control+Alt+KeyU');
    await page.getByText('1 处未保存的修改').waitFor();
    // Unsaved hotkeys come through a switch and back, like any draft.
    const switcher = page.getByTestId('language-switch');
    for (const [restored, unsaved] of [['Restored the hotkey edits you had not saved yet', '1 unsaved change'],
      ['已恢复你尚未保存的快捷键修改', '1 处未保存的修改']]) {
      await switcher.focus();
      await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
      await page.locator('.hotkeys > .form-status', { hasText: restored }).waitFor();
      await page.getByText(unsaved).waitFor();
    }
    const undoCaps = page.locator('[data-hotkey="annotation:annotation:undo"] .key-caps');
    assert.deepEqual(await undoCaps.locator('kbd').allTextContents(), ['Ctrl', 'Alt', 'U']);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.hotkeys > .form-status', { hasText: '快捷键已保存。' }).waitFor();
    const saved = await apiGet(page, '/api/current-user/hotkeys/');
    assert.equal(saved.custom_hotkeys['annotation:annotation:undo'].key, 'ctrl+alt+u');
    await assertAccessible(page, 'Hotkeys in Chinese');
    await fitsAtBothWidths(page, 'hotkeys');
    // A clash, Try a key and the reset question, in Chinese.
    await record(page, 'annotation:annotation:submit', 'Control+Shift+KeyZ');
    await submit.getByTestId('row-conflict').filter({ hasText: '也绑定到：重做（标注操作）' }).waitFor();
    await page.locator('.try-key__summary').click();
    await page.locator('#try-key').focus();
    await page.keyboard.press('Control+Shift+KeyZ');
    await page.getByTestId('try-key-result').filter({ hasText: '标注编辑器中，所有任务' }).waitFor();
    await page.getByRole('button', { name: '恢复默认…' }).click();
    await page.getByText(/将所有快捷键恢复为默认？\d+ 个快捷键会改变。/).waitFor();
    await assertAccessible(page, 'Hotkeys in Chinese with a clash, Try a key and the reset question');
    assert.deepEqual(await overflowing(page), [], 'hotkeys with panels: text that does not fit');
    await screenshot(page, 'zh-CN-hotkeys-panels');
    await page.getByRole('button', { name: '取消', exact: true }).click();
    await page.getByRole('button', { name: '放弃', exact: true }).click();
    await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
    assert.deepEqual(watch.consoleErrors, []);
  });
});

test('a personal access token is created and revoked in Chinese', async () => {
  await inContext('zh-CN', async ({ page, watch }) => {
    await signIn(page, '/user/account/personal-info');
    await revokeAllTokens(page);
    await page.goto('/user/account/personal-access-token');
    await page.getByRole('button', { name: '创建令牌' }).click();
    const dialog = page.getByRole('dialog', { name: '你的新个人访问令牌' });
    await dialog.waitFor();
    await assertAccessible(page, 'the new token in Chinese');
    await screenshot(page, 'zh-CN-new-token');
    await dialog.getByRole('button', { name: '我已复制，关闭' }).click();
    await page.getByRole('button', { name: '撤销…' }).click();
    await page.getByRole('button', { name: '撤销令牌' }).click();
    await page.getByText('令牌已撤销。使用它的脚本将无法再获取访问令牌。').waitFor();
    assert.deepEqual(await apiGet(page, '/api/token/'), []);
    assert.deepEqual(watch.consoleErrors, []);
  });
});

test('the switch works from the keyboard, stores label-studio.lang and keeps a draft', async () => {
  await inContext('zh-CN', async ({ context, page, watch }) => {
    await signIn(page, '/user/account/personal-info');
    await page.locator('#section-title', { hasText: '个人信息' }).waitFor();
    const me = await apiGet(page, '/api/current-user/whoami');
    await page.fill('#last-name', `${me.last_name}-草稿`);
    const switcher = page.getByTestId('language-switch');
    assert.equal(await switcher.locator('[lang=en]').textContent(), 'English');
    await switcher.focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.locator('#section-title', { hasText: 'Personal Info' }).waitFor();
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await stored(page), 'en');
    // The draft came through the reload, and the page says so.
    assert.equal(await page.inputValue('#last-name'), `${me.last_name}-草稿`);
    await page.locator('.form-status', { hasText: 'Restored the edits you had not saved yet' }).waitFor();
    // Label Studio's own pages on this origin read the same key.
    const other = await context.newPage();
    await other.goto('/projects/');
    assert.equal(await stored(other), 'en');
    await other.close();
    // And back to Chinese with the keyboard: the switch now names Chinese in Chinese.
    assert.equal(await switcher.locator('[lang=zh-CN]').textContent(), '简体中文');
    await switcher.focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.locator('#section-title', { hasText: '个人信息' }).waitFor();
    assert.equal(await stored(page), 'zh-CN');
    assert.equal(await page.inputValue('#last-name'), `${me.last_name}-草稿`);
    assert.deepEqual(watch.consoleErrors, []);
  });
});

test('a language stored beforehand is honoured on load', async () => {
  await inContext('en-US', async ({ page }) => {
    await signIn(page, '/user/account/personal-info');
    await page.locator('#section-title', { hasText: 'Personal Info' }).waitFor();
    await page.evaluate(() => localStorage.setItem('label-studio.lang', 'zh-CN'));
    await page.reload();
    await page.locator('#section-title', { hasText: '个人信息' }).waitFor();
    assert.equal(await htmlLang(page), 'zh-CN');
  });
});

/** Text on the page, and accessible names, that are not from the catalog in the test language. */
async function untranslated(page, allowed) {
  return page.evaluate((allowed) => {
    const ok = (text) => {
      const t = text.trim();
      // Numbers and dashes for a missing value are data, not words.
      return !t || (t.startsWith('[') && t.endsWith(']')) || allowed.includes(t)
        || /^Label Studio \d/.test(t) || /^[\d\s.,:—…-]+$/.test(t);
    };
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      const el = node.parentElement;
      // Dates are the browser's (Intl), in <time>; initials, projects' names, tokens and code
      // are data.
      if (!el || el.closest('[hidden], [data-skip], script, style, time, .project-list, code, pre, .userpic')) continue;
      if (!ok(node.data)) found.push(node.data.trim());
    }
    for (const el of document.querySelectorAll('[aria-label], [title]:not(time), [alt], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value !== null && !ok(value)) found.push(`${name}=${value}`);
      }
    }
    if (!ok(document.title)) found.push(`title: ${document.title}`);
    return found;
  }, allowed);
}

test('in the test language the shell and the translated sections show only catalog text', ONCE, async () => {
  await inContext('en-US', async ({ page }) => {
    await signIn(page, '/user/account/personal-info');
    await page.evaluate(() => localStorage.setItem('label-studio.lang', 'en-XA'));
    await page.reload();
    await page.locator('#section-title', { hasText: /^\[/ }).waitFor();
    const me = await apiGet(page, '/api/current-user/whoami');
    // User data, names of things, and the languages' own names stay as they are.
    const allowed = [EMAIL, me.first_name, me.last_name, `${me.first_name} ${me.last_name}`.trim(),
      me.initials, 'Label Studio', 'API', 'GitHub', 'English', '简体中文'].filter(Boolean);
    assert.deepEqual(await untranslated(page, allowed), [], 'Personal info');
    // An error at a field and the form's status.
    await page.fill('#phone', '+12');
    await page.locator('form.profile-form button[type=submit]').click();
    await page.locator('#phone-error', { hasText: /^\[/ }).waitFor();
    // The menus' contents too.
    await page.locator('.main-menu__trigger').click();
    await page.locator('#main-menu').waitFor();
    assert.deepEqual(await untranslated(page, allowed), [], 'Personal info with an error, menu open');
    await page.keyboard.press('Escape');
    // The photo editor, with a file it refuses.
    await page.locator('[data-testid=avatar-input]').setInputFiles({
      name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image'),
    });
    await page.getByTestId('avatar-problems').waitFor();
    assert.deepEqual(await untranslated(page, allowed), [], 'the photo editor refusing a file');
    // The smaller sections; the token section with its confirmation open.
    for (const slug of ['email-preferences', 'membership-info', 'personal-access-token']) {
      await page.goto(`/user/account/${slug}`);
      await page.locator('#section-title', { hasText: /^\[/ }).waitFor();
      await page.locator('.section-loading').waitFor({ state: 'detached' });
      await page.locator('.page-status').waitFor({ state: 'detached' });
      assert.deepEqual(await untranslated(page, [...allowed, 'curl', 'Python SDK']), [], slug);
    }
    await screenshot(page, 'en-XA-personal-access-token');
    // Legacy Token, which the organization must allow, with its renew question open.
    await withLegacyRenewOpen(page, async () => {
      assert.deepEqual(await untranslated(page, [...allowed, 'curl', 'RENEW']), [], 'legacy-token');
    });
  });
});

test('in the test language Hotkeys, its panels and the session-ended bar show only catalog text', ONCE, async () => {
  await inContext('en-US', async ({ page }) => {
    await signIn(page, '/user/account/personal-info');
    await apiSend(page, 'PATCH', '/api/current-user/hotkeys/', { custom_hotkeys: {} });
    await page.evaluate(() => localStorage.setItem('label-studio.lang', 'en-XA'));
    await page.goto('/user/account/hotkeys');
    await page.locator('#section-title', { hasText: /^\[/ }).waitFor();
    await page.getByTestId('hotkey-summary').filter({ hasText: /^\[/ }).waitFor();
    // Key caps are keyboard labels, the same in every language; names and titles are data.
    const me = await apiGet(page, '/api/current-user/whoami');
    const allowed = [EMAIL, me.first_name, me.last_name, `${me.first_name} ${me.last_name}`.trim(),
      me.initials, 'Label Studio', 'API', 'GitHub', 'English', '简体中文',
      'Esc', 'Tab', 'Shift+Tab', 'Enter', 'Space'].filter(Boolean);
    const check = async (what) => assert.deepEqual(
      await page.evaluate(() => {
        for (const el of document.querySelectorAll('kbd, .project-keys__list')) el.setAttribute('data-skip', '');
      }).then(() => untranslated(page, allowed)), [], what);
    await check('Hotkeys');
    // A clash with its choice, the browser's own combination warned, a refused key.
    await record(page, 'annotation:annotation:submit', 'Control+KeyZ');
    await page.locator('.hotkey-row__offer').waitFor();
    await record(page, 'annotation:annotation:redo', 'Control+KeyW');
    await page.locator('.hotkey-row__warning', { hasText: /^\[/ }).waitFor();
    await record(page, 'annotation:annotation:skip', 'NumpadAdd');
    await page.locator('.hotkey-row__error', { hasText: /^\[/ }).waitFor();
    await check('Hotkeys with a clash, a warning and a refused key');
    // Try a key; find by keys; the single-key switch.
    await page.locator('.try-key__summary').click();
    await page.locator('#try-key').focus();
    await page.keyboard.press('Control+KeyZ');
    await page.getByTestId('try-key-result').waitFor();
    await page.locator('.single-keys input[role=switch]').check();
    await check('Hotkeys with Try a key and single keys off');
    // The import panel with problems, then a preview.
    await page.locator('.hotkeys__toolbar button').first().click();
    await page.fill('#import-text', '{"hotkeys": [{"id": 1}, 3]}');
    await page.locator('.panel .dialog__row button').first().click();
    await page.getByTestId('import-problems').waitFor();
    await check('the import panel with problems');
    await page.fill('#import-text', JSON.stringify([{ id: 100, section: 'annotation', element: 'annotation:submit',
      label: 'Submit', key: 'ctrl+shift+k' }]));
    await page.locator('.panel .dialog__row button').first().click();
    await page.getByTestId('import-preview').waitFor();
    await check('the import preview');
    // The reset question.
    await page.locator('.hotkeys__toolbar button.button--danger').click();
    await page.locator('#reset-title').waitFor();
    await check('the reset question');
    // A project's label keys, with a broken config.
    const project = await (await apiSend(page, 'POST', '/api/projects/', {
      title: 'Pseudo keys', label_config: '<View><Image name="i" value="$i"/><Choices name="c" toName="i"><Choice value="A"/></Choices></View>',
    })).json();
    await page.locator('.project-keys__toggle').click();
    await page.fill('#project-search', 'Pseudo keys');
    await page.locator('.project-keys__list button', { hasText: 'Pseudo keys' }).click();
    await page.getByTestId('project-keys').waitFor();
    await check('a project\'s label keys');
    await apiSend(page, 'DELETE', `/api/projects/${project.id}/`);
    // The session ends; Save finds out and the bar says so.
    await page.context().clearCookies();
    await page.locator('.hotkeys__savebar .button--primary').click();
    await page.getByTestId('session-ended').waitFor();
    await check('the session-ended bar');
  });
});

test('a switch whose code does not arrive says so and tries again; a slow one can be cancelled', async () => {
  await inContext('en-US', async ({ page }) => {
    await signIn(page, '/user/account/personal-info');
    await page.locator('#section-title', { hasText: 'Personal Info' }).waitFor();
    const chunk = /\/split_lang_(switch|zh_main)-[0-9a-f]+\.wasm$/;
    // Nothing arrives: the reason, with Try again; nothing stored, no reload.
    await page.route(chunk, (route) => route.abort());
    await page.getByTestId('language-switch').click();
    const missing = page.getByRole('alert').filter({ hasText: 'Could not load the language' });
    await missing.waitFor();
    assert.equal(await stored(page), null);
    assert.equal(await htmlLang(page), 'en');
    // Slow: Cancel appears, and cancelling leaves the page as it was.
    await page.unroute(chunk);
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    // (The fetch goes on after Cancel: the handler may outlive the route.)
    await page.route(chunk, async (route) => { await held; await route.continue().catch(() => {}); });
    await missing.getByRole('button', { name: 'Try again' }).click();
    await page.locator('.language-switch').getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await stored(page), null);
    release();
    await page.unroute(chunk);
    // Once it arrives, pressing again switches.
    await Promise.all([page.waitForEvent('load'), page.getByTestId('language-switch').click()]);
    await page.locator('#section-title', { hasText: '个人信息' }).waitFor();
    assert.equal(await stored(page), 'zh-CN');
  });
});

test('Hotkeys in Chinese waits for its words like for its code: missing says so, Try again shows them', async () => {
  await inContext('zh-CN', async ({ page }) => {
    await signIn(page, '/user/account/personal-info');
    await page.locator('#section-title', { hasText: '个人信息' }).waitFor();
    const words = /\/split_lang_zh_hotkeys-[0-9a-f]+\.wasm$/;
    await page.route(words, (route) => route.abort());
    await page.locator('.section-nav__link', { hasText: '快捷键' }).click();
    const missing = page.getByRole('alert').filter({ hasText: '无法加载此页面' });
    await missing.waitFor();
    // Nothing of the section is shown in English meanwhile.
    assert.equal(await page.getByTestId('hotkey-summary').count(), 0);
    await page.unroute(words);
    await missing.getByRole('button', { name: '重试' }).click();
    await page.getByTestId('hotkey-summary').filter({ hasText: /^显示 \d+ \/ \d+ 个快捷键/ }).waitFor();
  });
});

test('a photo waiting in the preview comes through a switch, not uploaded', async () => {
  await inContext('en-US', async ({ page, watch }) => {
    await signIn(page, '/user/account/personal-info');
    await page.locator('#section-title', { hasText: 'Personal Info' }).waitFor();
    await page.setInputFiles('[data-testid=avatar-input]', {
      name: 'kept.png', mimeType: 'image/png', buffer: png(40, 40),
    });
    await page.getByTestId('avatar-preview').filter({ hasText: 'kept.png — 40 × 40 px' }).waitFor();
    await Promise.all([page.waitForEvent('load'), page.getByTestId('language-switch').click()]);
    await page.locator('#section-title', { hasText: '个人信息' }).waitFor();
    // In Chinese now, with the photo back in the preview and nothing uploaded.
    await page.getByTestId('avatar-preview').filter({ hasText: 'kept.png — 40 × 40 像素' }).waitFor();
    await page.locator('.avatar-editor .form-status', { hasText: '已恢复你之前选择的照片' }).waitFor();
    assert.deepEqual(watch.unsafeRequests.filter((r) => r.path.includes('/avatar')), []);
    assert.deepEqual(watch.consoleErrors, []);
  });
});

test('in the test language the signed-out panel shows only catalog text', async () => {
  await inContext('en-US', async ({ page }) => {
    // Label Studio's login page is on the same origin: store the choice there, signed out.
    await page.goto('/user/login/');
    await page.evaluate(() => localStorage.setItem('label-studio.lang', 'en-XA'));
    await page.goto('/user/account/personal-info');
    await page.locator('#signed-out-title', { hasText: /^\[/ }).waitFor();
    assert.equal(await htmlLang(page), 'en-XA');
    assert.deepEqual(await untranslated(page, ['Label Studio']), [], 'signed-out panel');
  });
});
