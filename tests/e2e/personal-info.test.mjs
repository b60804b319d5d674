// Personal info, avatar and email preferences against a real Label Studio.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newWatchedPage, signIn, apiGet, apiSend, assertAccessible, assertCsrfOnUnsafe, screenshot,
  submitLoginForm, failUserPatches,
  appPath, at,
  ONCE,
} from './helpers.mjs';
import { png, gif } from './images.mjs';

let browser, page, watch, me;
before(async () => {
  browser = await launch();
  ({ page, watch } = await newWatchedPage(browser));
  await signIn(page, '/user/account/personal-info');
  me = await apiGet(page, '/api/current-user/whoami');
});
after(async () => { await browser?.close(); });

/** Requests the page sends to /api/users/ while `fn` runs. */
async function usersRequestsDuring(fn) {
  const seen = [];
  const listener = (req) => { if (appPath(req.url()).startsWith('/api/users/')) seen.push(`${req.method()} ${appPath(req.url())}`); };
  page.on('request', listener);
  try { await fn(); } finally { page.off('request', listener); }
  return seen;
}

async function openPersonalInfo() {
  await page.goto('/user/account/personal-info');
  await page.locator('#first-name').waitFor();
}

const status = () => page.locator('.profile-form .form-status');

test('names and phone save, survive a reload and are stored normalised', async () => {
  await openPersonalInfo();
  const save = page.getByRole('button', { name: 'Save' });
  assert.equal(await save.isDisabled(), true, 'nothing changed yet');
  await page.fill('#first-name', 'Ada');
  await page.fill('#last-name', '<b>Lovelace</b>');
  await page.fill('#phone', '+44 (20) 7946-0958');
  await save.click();
  await status().filter({ hasText: 'Saved.' }).waitFor();
  // The header updates without a reload; markup in a name is shown as text.
  await page.locator('.account-header__name', { hasText: 'Ada <b>Lovelace</b>' }).waitFor();
  assert.equal(await page.locator('.account-header .userpic__initials').textContent(), 'A<');
  await page.reload();
  await page.locator('#first-name').waitFor();
  assert.equal(await page.inputValue('#phone'), '+442079460958');
  const stored = await apiGet(page, '/api/current-user/whoami');
  assert.deepEqual([stored.first_name, stored.last_name, stored.phone], ['Ada', '<b>Lovelace</b>', '+442079460958']);
});

test('bad input is explained next to the field and nothing is sent', async () => {
  await openPersonalInfo();
  const sent = await usersRequestsDuring(async () => {
    await page.fill('#phone', '0301234567');
    await page.fill('#last-name', 'x'.repeat(257));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#phone-error', { hasText: 'Start with +' }).waitFor();
    await page.locator('#last-name-error', { hasText: 'at most 256 characters; it has 257' }).waitFor();
  });
  assert.deepEqual(sent, []);
  assert.equal(await page.getAttribute('#phone', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#phone', 'aria-describedby'), /phone-error/);
  await assertAccessible(page, 'personal info with errors');
  const stored = await apiGet(page, '/api/current-user/whoami');
  assert.equal(stored.phone, '+442079460958', 'nothing changed on the server');
});

test('a server error keeps the typed values, and Save works again afterwards', async () => {
  await openPersonalInfo();
  const restore = await failUserPatches(page, 500, 'database is locked');
  await page.fill('#first-name', 'Grace');
  await page.getByRole('button', { name: 'Save' }).click();
  await status().filter({ hasText: 'database is locked' }).waitFor();
  assert.equal(await page.inputValue('#first-name'), 'Grace');
  await restore();
  await page.getByRole('button', { name: 'Save' }).click();
  await status().filter({ hasText: 'Saved.' }).waitFor();
  assert.equal((await apiGet(page, '/api/current-user/whoami')).first_name, 'Grace');
});

test('a session that ended on Save keeps the edits through signing in again', async () => {
  await openPersonalInfo();
  const restore = await failUserPatches(page, 401, 'Authentication credentials were not provided.');
  await page.fill('#last-name', 'Hopper');
  await page.getByRole('button', { name: 'Save' }).click();
  await status().filter({ hasText: 'Your session has ended' }).waitFor();
  await restore();
  assert.equal(await page.inputValue('#last-name'), 'Hopper', 'still in the form');
  const link = page.getByRole('link', { name: 'Sign in again' });
  assert.equal(await link.getAttribute('href'), at(`/user/login/?next=${at('/user/account/personal-info')}`));

  // The session really ends, then the user signs in through Label Studio's form.
  await page.context().clearCookies();
  await link.click();
  await page.waitForURL((url) => appPath(url) === '/user/login/');
  await submitLoginForm(page, '/user/account/personal-info');
  await status().filter({ hasText: 'Restored the edits you had not saved yet' }).waitFor();
  assert.equal(await page.inputValue('#last-name'), 'Hopper');
  await page.getByRole('button', { name: 'Save' }).click();
  await status().filter({ hasText: 'Saved.' }).waitFor();
  assert.equal((await apiGet(page, '/api/current-user/whoami')).last_name, 'Hopper');
  // Restored once only.
  await page.reload();
  await page.locator('#last-name').waitFor();
  assert.equal(await status().textContent(), '');
});

test('a session that ended on Upload keeps the chosen photo through signing in again', async () => {
  await openPersonalInfo();
  const original = png(48, 48);
  await page.setInputFiles('[data-testid=avatar-input]', { name: 'kept.png', mimeType: 'image/png', buffer: original });
  const preview = page.getByTestId('avatar-preview').filter({ hasText: 'kept.png — 48 × 48 px' });
  await preview.waitFor();
  const avatarStatus = page.locator('.avatar-editor .form-status');

  // Upload finds the session ended, and the photo waits in this tab's storage.
  const uploads = '**/api/users/*/avatar/';
  await page.route(uploads, (route) => route.fulfill({
    status: 401, contentType: 'application/json', body: JSON.stringify({ detail: 'Authentication credentials were not provided.' }),
  }));
  await page.getByRole('button', { name: 'Upload' }).click();
  await avatarStatus.filter({ hasText: 'Upload failed' }).waitFor();
  await page.unroute(uploads);
  await page.waitForFunction(() => sessionStorage.getItem('ls-account-avatar-draft') !== null);
  // The session really ends, then the user signs in through Label Studio's form.
  await page.context().clearCookies();
  await page.getByTestId('session-ended').getByRole('link', { name: 'Sign in again' }).click();
  await page.waitForURL((url) => appPath(url) === '/user/login/');
  await submitLoginForm(page, '/user/account/personal-info');

  await avatarStatus.filter({ hasText: 'Restored the photo you had chosen' }).waitFor();
  await preview.waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('ls-account-avatar-draft')), null, 'taken, not copied');
  await page.getByRole('button', { name: 'Upload' }).click();
  await avatarStatus.filter({ hasText: 'Photo updated.' }).waitFor();
  const avatar = (await apiGet(page, '/api/current-user/whoami')).avatar ?? '';
  assert.match(avatar, /\/data\/avatars\/.*kept\.png$/);
  const stored = await (await page.request.get(avatar)).body();
  assert.ok(stored.equals(original), 'the same bytes were uploaded');
});

test('a photo the browser cannot keep through the sign-in is explained, not lost silently', async () => {
  await openPersonalInfo();
  await page.setInputFiles('[data-testid=avatar-input]', { name: 'full.png', mimeType: 'image/png', buffer: png(48, 48, { noise: true }) });
  await page.getByTestId('avatar-preview').filter({ hasText: 'full.png — 48 × 48 px' }).waitFor();
  // Fill this tab's storage until a few hundred characters are left: the photo no longer fits.
  await page.evaluate(() => {
    for (let size = 1 << 20, i = 0; size >= 256;) {
      try { sessionStorage.setItem(`filler-${i++}`, 'x'.repeat(size)); } catch { size >>= 1; }
    }
  });
  const uploads = '**/api/users/*/avatar/';
  await page.route(uploads, (route) => route.fulfill({
    status: 401, contentType: 'application/json', body: JSON.stringify({ detail: 'Authentication credentials were not provided.' }),
  }));
  try {
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.locator('.avatar-editor .form-status', { hasText: 'could not keep this photo' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('ls-account-avatar-draft')), null);
    await page.getByTestId('avatar-preview').waitFor(); // still on screen, still uploadable here
  } finally {
    await page.unroute(uploads);
    await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('filler-'))
      .forEach((k) => sessionStorage.removeItem(k)));
  }
});

test('leaving with unsaved edits asks first', async () => {
  await openPersonalInfo();
  await page.fill('#first-name', 'Unsaved');
  const answers = ['dismiss', 'accept'];
  const seen = [];
  page.on('dialog', async (d) => { seen.push(d.message()); await d[answers.shift()](); });
  // Playwright's click returns after the dialog handler answered "Cancel".
  await page.getByRole('link', { name: 'Hotkeys' }).click();
  assert.equal(appPath(page.url()), '/user/account/personal-info', 'stayed after Cancel');
  assert.equal(await page.inputValue('#first-name'), 'Unsaved');
  await page.getByRole('link', { name: 'Hotkeys' }).click();
  await page.waitForURL((u) => appPath(u) === '/user/account/hotkeys');
  page.removeAllListeners('dialog');
  assert.equal(seen.length, 2);
  assert.match(seen[0], /unsaved changes/);
});

test('the browser Back button with unsaved edits asks first, and staying keeps the edits', async () => {
  await page.goto('/user/account/hotkeys');
  await page.getByRole('link', { name: 'Personal Info', exact: true }).click();
  await page.waitForURL((u) => appPath(u) === '/user/account/personal-info');
  await page.fill('#first-name', 'Backward');
  const answers = ['dismiss', 'accept'];
  const seen = [];
  page.on('dialog', async (d) => { seen.push(d.message()); await d[answers.shift()](); });
  try {
    // Back, then Cancel: still here, with the edit, and the address matches the page.
    await page.goBack();
    await page.waitForFunction((p) => location.pathname === p, at('/user/account/personal-info'));
    assert.equal(seen.length, 1, 'asked once');
    assert.equal(await page.inputValue('#first-name'), 'Backward');
    assert.equal(await page.locator('#section-title').textContent(), 'Personal Info');
    // Back, then OK: the previous section.
    await page.goBack();
    await page.waitForURL((u) => appPath(u) === '/user/account/hotkeys');
    await page.locator('#section-title', { hasText: 'Hotkeys' }).waitFor();
    assert.equal(seen.length, 2);
    assert.match(seen[1], /unsaved changes/);
  } finally {
    page.removeAllListeners('dialog');
  }
});

test('closing or reloading the page with unsaved edits asks the browser to confirm', async () => {
  await openPersonalInfo();
  const unloadBlocked = () => page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  assert.equal(await unloadBlocked(), false, 'nothing to lose yet');
  await page.fill('#first-name', 'Draft');
  assert.equal(await unloadBlocked(), true, 'the browser will ask');
  await page.fill('#first-name', (await apiGet(page, '/api/current-user/whoami')).first_name);
  assert.equal(await unloadBlocked(), false, 'back to the saved value');
});

test('dropping an image on the avatar previews it without uploading', async () => {
  await openPersonalInfo();
  const bytes = [...png(32, 32)];
  const sent = await usersRequestsDuring(async () => {
    await page.getByTestId('avatar-drop').evaluate((zone, data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'dropped.png', { type: 'image/png' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await page.getByTestId('avatar-preview').filter({ hasText: 'dropped.png — 32 × 32 px' }).waitFor();
  });
  assert.deepEqual(sent, []);
  await page.getByRole('button', { name: 'Cancel' }).click();
});

/**
 * From the "can't be used yet" notice: Resize to fit, check the preview names `name`, Upload, and
 * check that what Label Studio stored under that name is a JPEG within the limits.
 */
async function resizeUploadAndCheckJpeg(name) {
  await page.getByRole('button', { name: 'Resize to fit' }).click();
  const preview = page.getByTestId('avatar-preview');
  await preview.waitFor({ timeout: 30_000 });
  assert.ok((await preview.textContent()).startsWith(`${name} — `), 'the preview names the JPEG');
  assert.match(await preview.textContent(), / — \d+ × \d+ px, .*\(resized\)/);
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.locator('.avatar-editor .form-status', { hasText: 'Photo updated.' }).waitFor();
  const avatar = (await apiGet(page, '/api/current-user/whoami')).avatar ?? '';
  assert.ok(/\/data\/avatars\//.test(avatar) && avatar.endsWith(name), `stored as ${avatar}`);
  const res = await page.request.get(avatar);
  assert.equal(res.status(), 200);
  const body = await res.body();
  assert.deepEqual([...body.subarray(0, 3)], [0xff, 0xd8, 0xff], 'stored as JPEG');
  assert.ok(body.length <= 1024 * 1024, `stored ${body.length} bytes`);
}

test('an oversize JPEG is resized as a JPEG and uploads', ONCE, async () => {
  await openPersonalInfo();
  // A noisy 1600×1000 JPEG, encoded by the browser (no image files in the repository).
  // Handed over as base64: a JSON array of its 3 MB took seconds.
  const jpeg = Buffer.from(await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(1600, 1000);
    const ctx = canvas.getContext('2d');
    const pixels = ctx.createImageData(1600, 1000);
    for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = (i % 4 === 3) ? 255 : Math.floor(Math.random() * 256);
    ctx.putImageData(pixels, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
    const dataUrl = await new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.readAsDataURL(blob);
    });
    return dataUrl.slice(dataUrl.indexOf(',') + 1);
  }), 'base64');
  assert.deepEqual([...jpeg.subarray(0, 3)], [0xff, 0xd8, 0xff], 'a real JPEG');
  await page.setInputFiles('[data-testid=avatar-input]', { name: 'beach.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await page.getByTestId('avatar-problems').filter({ hasText: '1600 × 1000 px' }).waitFor();
  await resizeUploadAndCheckJpeg('beach.jpg');
});

test('an oversize GIF is resized to a JPEG and uploads', ONCE, async () => {
  await openPersonalInfo();
  const big = gif(1100, 1000);
  assert.ok(big.length > 1024 * 1024, `the GIF is oversize (${big.length} bytes)`);
  await page.setInputFiles('[data-testid=avatar-input]', { name: 'loop.gif', mimeType: 'image/gif', buffer: big });
  // Within the pixel limits, over the byte limit.
  await page.getByTestId('avatar-problems').filter({ hasText: 'The file is 1.2 MB' }).waitFor();
  await resizeUploadAndCheckJpeg('loop.jpg');
});

test('an oversize image is refused without a request, then "Resize to fit" uploads it', ONCE, async () => {
  await openPersonalInfo();
  const big = png(1600, 1000, { noise: true });
  const sent = await usersRequestsDuring(async () => {
    await page.setInputFiles('[data-testid=avatar-input]', { name: 'holiday.png', mimeType: 'image/png', buffer: big });
    const problems = page.getByTestId('avatar-problems');
    await problems.waitFor();
    const text = await problems.textContent();
    assert.match(text, /1600 × 1000 px; the limit is 1200 × 1200 px/);
    assert.match(text, /the limit is 1024 KB \(1,048,576 bytes\)/);
  });
  assert.deepEqual(sent, [], 'nothing sent for an invalid file');

  await page.getByRole('button', { name: 'Resize to fit' }).click();
  const preview = page.getByTestId('avatar-preview');
  await preview.waitFor({ timeout: 30_000 });
  assert.match(await preview.textContent(), /holiday\.png — \d+ × \d+ px, .*\(resized\)/);
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.locator('.avatar-editor .form-status', { hasText: 'Photo updated.' }).waitFor();
  const stored = await apiGet(page, '/api/current-user/whoami');
  assert.match(stored.avatar ?? '', /\/data\/avatars\/.*holiday\.png$/);
  // The (relative) avatar URL is served through the same origin.
  const headerImg = page.locator('.account-header .userpic__img');
  await headerImg.waitFor();
  await page.waitForFunction(() => document.querySelector('.account-header .userpic__img')?.naturalWidth > 0);
  await screenshot(page, 'personal-info');
});

test('damaged and foreign files are refused with a reason; a valid one previews before upload', async () => {
  await openPersonalInfo();
  const problems = page.getByTestId('avatar-problems');
  const broken = Buffer.concat([png(10, 10).subarray(0, 24), Buffer.from('garbage')]);
  await page.setInputFiles('[data-testid=avatar-input]', { name: 'broken.png', mimeType: 'image/png', buffer: broken });
  await problems.filter({ hasText: 'could not be read' }).waitFor();
  await page.setInputFiles('[data-testid=avatar-input]', { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('hello') });
  await problems.filter({ hasText: 'not a JPEG, PNG or GIF' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Resize to fit' }).count(), 0);

  const sent = await usersRequestsDuring(async () => {
    await page.setInputFiles('[data-testid=avatar-input]', { name: 'small', mimeType: 'image/png', buffer: png(64, 48) });
    await page.getByTestId('avatar-problems').filter({ hasText: 'must end in' }).waitFor();
  });
  assert.deepEqual(sent, []);
  await page.setInputFiles('[data-testid=avatar-input]', { name: 'small.png', mimeType: 'image/png', buffer: png(64, 48) });
  await page.getByTestId('avatar-preview').filter({ hasText: 'small.png — 64 × 48 px' }).waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('avatar-preview').waitFor({ state: 'detached' });
});

test('removing the photo asks first and falls back to initials', async () => {
  await openPersonalInfo();
  await page.getByRole('button', { name: 'Remove photo' }).click();
  await page.getByRole('button', { name: 'Keep it' }).click();
  assert.ok((await apiGet(page, '/api/current-user/whoami')).avatar, 'still there after Keep it');
  await page.getByRole('button', { name: 'Remove photo' }).click();
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  await page.locator('.avatar-editor .form-status', { hasText: 'Photo removed.' }).waitFor();
  assert.equal((await apiGet(page, '/api/current-user/whoami')).avatar, null);
  const initials = page.locator('.account-header .userpic__initials');
  await initials.waitFor();
  // The letters are kept as typed and shown in capitals by the style.
  const { typed, shown } = await initials.evaluate((el) => ({ typed: el.textContent, shown: el.innerText }));
  assert.ok(typed.length > 0);
  assert.equal(shown, typed.toUpperCase());
  assert.equal(await initials.evaluate((el) => getComputedStyle(el).textTransform), 'uppercase');
});

test('the newsletter switch saves at once, reads back, and flips back on failure', async () => {
  // Known start: off (a fresh account reads null, which is off too).
  await apiSend(page, 'PATCH', `/api/users/${me.id}/`, { allow_newsletters: false });
  await page.goto('/user/account/email-preferences');
  const toggle = page.getByRole('switch', { name: 'Send me product news and tips' });
  await toggle.waitFor();
  assert.equal(await toggle.isChecked(), false);
  await toggle.click();
  await page.locator('.email-preferences .form-status', { hasText: 'Saved.' }).waitFor();
  assert.equal((await apiGet(page, '/api/current-user/whoami')).allow_newsletters, true);
  await page.reload();
  await toggle.waitFor();
  assert.equal(await toggle.isChecked(), true);

  await page.route('**/api/users/*/', (route) => route.fulfill({ status: 503, body: '' }));
  await toggle.click();
  await page.locator('.email-preferences .form-status', { hasText: 'Not saved' }).waitFor();
  assert.equal(await toggle.isChecked(), true, 'flipped back');
  await page.unroute('**/api/users/*/');
  await assertAccessible(page, 'email preferences');

  await toggle.click();
  await page.locator('.email-preferences .form-status', { hasText: 'Saved.' }).waitFor();
  assert.equal((await apiGet(page, '/api/current-user/whoami')).allow_newsletters, false);
});

test('no console errors, and every unsafe request carried the CSRF token', async () => {
  // The injected 500/503 answers are logged by the browser as failed resources.
  const unexpected = watch.consoleErrors.filter((e) => !/status of (401|500|503)/.test(e));
  assert.deepEqual(unexpected, []);
  assert.ok(watch.unsafeRequests.length >= 5, `saw ${watch.unsafeRequests.length} unsafe requests`);
  assertCsrfOnUnsafe(watch);
  // Leave the account tidy for other test files.
  await apiSend(page, 'PATCH', `/api/users/${me.id}/`, { first_name: '', last_name: '', phone: '' });
});
