// Personal access token, legacy token and membership info against a real Label Studio.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newWatchedPage, signIn, apiGet, apiSend, revokeAllTokens, assertAccessible, assertCsrfOnUnsafe, LS_URL, EMAIL,
  appPath, at, createTokenInPage,
} from './helpers.mjs';

let browser, context, page, watch;
before(async () => {
  browser = await launch();
  ({ context, page, watch } = await newWatchedPage(browser));
  await signIn(page, '/user/account/personal-access-token');
  await revokeAllTokens(page);
});
after(async () => { await browser?.close(); });

/** Calls Label Studio directly, as a script outside the browser would. */
async function outside(method, path, { body, headers = {} } = {}) {
  const res = await fetch(`${LS_URL}${path}`, {
    method, headers: { 'Content-Type': 'application/json', ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

test('create a PAT: shown once with working snippets, Test token succeeds, it works from outside, then revoke', async () => {
  const { dialog, token } = await createTokenInPage(page);
  assert.equal(token.split('.').length, 3, 'full JWT');
  assert.match(await page.locator('#snippet-curl').textContent(), new RegExp(token.replaceAll('.', '\\.')));
  await assertAccessible(page, 'new token dialog');

  await dialog.getByRole('button', { name: 'Test token' }).click();
  await dialog.getByText(`Works: authenticated as ${EMAIL}.`).waitFor();

  // Outside the browser: refresh, then whoami with the access token only.
  const refreshed = await outside('POST', '/api/token/refresh/', { body: { refresh: token } });
  assert.equal(refreshed.status, 200);
  const who = await outside('GET', '/api/current-user/whoami', { headers: { Authorization: `Bearer ${refreshed.json.access}` } });
  assert.equal(who.status, 200);
  assert.equal(who.json.email, EMAIL);

  // Closing forgets it: not in the DOM, not in storage, not in the URL.
  await dialog.getByRole('button', { name: /close/ }).click();
  await dialog.waitFor({ state: 'detached' });
  const html = await page.content();
  assert.ok(!html.includes(token.split('.')[2]), 'signature gone from the DOM');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.ok(!stored.includes(token.split('.')[1]), 'not in web storage');
  assert.ok(!page.url().includes(token.split('.')[1]), 'not in the URL');
  assert.ok(!watch.consoleText.some((t) => t.includes(token.split('.')[1])), 'not in the console');

  // Listed as Label Studio lists it, with dates; creating another is explained, not offered.
  const row = page.getByTestId('pat-row');
  await row.waitFor();
  // Label Studio Community gives a PAT 200 years: said as such.
  assert.match(await row.textContent(), /Created .*Does not expire/);
  const create = page.getByRole('button', { name: 'Create token' });
  assert.equal(await create.getAttribute('aria-disabled'), 'true');
  assert.equal(await create.evaluate((el) => el === document.activeElement), true, 'focus came back from the dialog');
  const creates = [];
  const onRequest = (req) => { if (req.method() === 'POST' && appPath(req.url()) === '/api/token/') creates.push(req); };
  page.on('request', onRequest);
  await page.keyboard.press('Enter');
  // A round trip later, any request the key press started would have been seen.
  assert.equal((await apiGet(page, '/api/token/')).length, 1);
  page.off('request', onRequest);
  assert.deepEqual(creates, [], 'a disabled Create sends nothing');
  assert.match(await page.locator('#create-token-hint').textContent(), /one personal access token per user/);

  await row.getByRole('button', { name: 'Revoke…' }).click();
  await page.getByRole('button', { name: 'Revoke token' }).click();
  await page.getByText('Token revoked.').waitFor();
  await page.getByText('You have no personal access token.').waitFor();
  const after = await outside('POST', '/api/token/refresh/', { body: { refresh: token } });
  assert.equal(after.status, 401, 'revoked token can no longer be refreshed');
});

test('a second tab creating a token meets the one-token rule with an explanation', async () => {
  await page.goto('/user/account/personal-access-token');
  // The page has loaded its (empty) list before the other tab acts.
  await page.getByText('You have no personal access token.').waitFor();
  // Another tab creates one meanwhile.
  const other = await apiSend(page, 'POST', '/api/token/');
  assert.equal(other.status(), 201);
  const created = (await other.json()).token;
  await page.getByRole('button', { name: 'Create token' }).click();
  await page.getByText('Label Studio allows one per user. Revoke it first.', { exact: false }).waitFor();
  await page.getByTestId('pat-row').waitFor();
  await apiSend(page, 'POST', '/api/token/blacklist/', { refresh: created });
});

test('legacy token: hidden by default, renew needs typing RENEW, the old token dies', async () => {
  await apiSend(page, 'POST', '/api/jwt/settings', { api_tokens_enabled: true, legacy_api_tokens_enabled: true });
  try {
    await page.goto('/user/account/legacy-token');
    const value = page.getByTestId('legacy-token-value');
    await value.waitFor();
    assert.match(await value.textContent(), /^•{40}$/);
    await page.getByRole('button', { name: 'Show' }).click();
    const old = (await value.textContent()).trim();
    assert.match(old, /^[0-9a-f]{40}$/);
    assert.equal((await apiGet(page, '/api/current-user/token')).token, old);
    assert.equal((await outside('GET', '/api/current-user/whoami', { headers: { Authorization: `Token ${old}` } })).status, 200);

    await page.getByRole('button', { name: 'Renew token…' }).click();
    const confirm = page.getByRole('button', { name: 'Renew token' });
    assert.equal(await confirm.isDisabled(), true);
    await page.fill('#renew-confirm', 'renew');
    assert.equal(await confirm.isDisabled(), true, 'case matters');
    await page.fill('#renew-confirm', 'RENEW');
    await assertAccessible(page, 'legacy renew confirmation');
    await confirm.click();
    await page.getByText('New token created. The old one no longer works.').waitFor();
    const fresh = (await value.textContent()).trim();
    assert.match(fresh, /^[0-9a-f]{40}$/, 'the new token is shown');
    assert.notEqual(fresh, old);
    assert.equal((await outside('GET', '/api/current-user/whoami', { headers: { Authorization: `Token ${old}` } })).status, 401);
    assert.equal((await outside('GET', '/api/current-user/whoami', { headers: { Authorization: `Token ${fresh}` } })).status, 200);
  } finally {
    await apiSend(page, 'POST', '/api/jwt/settings', { api_tokens_enabled: true, legacy_api_tokens_enabled: false });
  }
  // Off again: the section stays listed and says so where it is.
  await page.goto('/user/account/legacy-token');
  await page.getByTestId('token-off').getByText('Legacy tokens are off for this organization.').waitFor();
});

/** Creates a token through the page and closes its dialog; returns the full token. */
async function createAndClose() {
  const { dialog, token } = await createTokenInPage(page);
  await dialog.getByRole('button', { name: /close/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('pat-row').waitFor();
  return token;
}

/** Opens Replace on the listed token and confirms it. */
async function replaceListed() {
  const row = page.getByTestId('pat-row');
  await row.getByRole('button', { name: 'Replace…' }).click();
  await page.getByText('Replace this token? Scripts using the current token stop working.').waitFor();
  await assertAccessible(page, 'replace confirmation');
  await page.getByRole('button', { name: 'Replace token' }).click();
}

test('replace: one confirmation revokes the listed token and shows a new one once; the old one dies', async () => {
  const old = await createAndClose();
  // Label Studio Community gives a PAT 200 years: said as such, not as a date.
  assert.match(await page.getByTestId('pat-row').textContent(), /Does not expire/);
  await replaceListed();
  const dialog = page.getByRole('dialog', { name: 'Your new personal access token' });
  await dialog.waitFor();
  const fresh = await page.inputValue('#new-token');
  assert.equal(fresh.split('.').length, 3, 'full JWT');
  assert.notEqual(fresh, old);
  assert.equal((await outside('POST', '/api/token/refresh/', { body: { refresh: old } })).status, 401, 'old token revoked');
  assert.equal((await outside('POST', '/api/token/refresh/', { body: { refresh: fresh } })).status, 200, 'new token works');
  await dialog.getByRole('button', { name: /close/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Token replaced: the old one no longer works.').waitFor();
  assert.equal((await apiGet(page, '/api/token/')).length, 1, 'one token, the new one');
  await revokeAllTokens(page);
});

test('replace whose create step fails: says the old token is revoked, focuses Create, which then works', async () => {
  const old = await createAndClose();
  const refuseCreate = (route) => (route.request().method() === 'POST'
    ? route.fulfill({ status: 500, contentType: 'application/json', body: '{"detail":"E2E: create refused"}' })
    : route.fallback());
  const created = (url) => appPath(url) === '/api/token/';
  await page.route(created, refuseCreate);
  try {
    await replaceListed();
    await page.getByText('The old token was revoked, but a new one could not be created:').waitFor();
    await page.getByText('You have no personal access token.').waitFor();
  } finally {
    await page.unroute(created, refuseCreate);
  }
  assert.equal((await outside('POST', '/api/token/refresh/', { body: { refresh: old } })).status, 401, 'the first step happened');
  const create = page.getByRole('button', { name: 'Create token' });
  assert.equal(await create.evaluate((el) => el === document.activeElement), true, 'Create token focused');
  // Nothing retried on its own; the user's Enter creates.
  assert.deepEqual(await apiGet(page, '/api/token/'), []);
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Your new personal access token' }).waitFor();
  const fresh = await page.inputValue('#new-token');
  assert.equal((await outside('POST', '/api/token/refresh/', { body: { refresh: fresh } })).status, 200);
  await page.getByRole('button', { name: /close/ }).click();
  await revokeAllTokens(page);
});

test('switched-off token sections say so where they are and switch on for the organization, by keyboard', async () => {
  const settings = () => apiGet(page, '/api/jwt/settings');
  assert.deepEqual(await settings(), { api_tokens_enabled: true, legacy_api_tokens_enabled: false }, 'fresh server');
  await apiSend(page, 'POST', '/api/jwt/settings', { api_tokens_enabled: false, legacy_api_tokens_enabled: false });
  try {
    for (const [slug, sentence, shown] of [
      ['personal-access-token', 'Personal access tokens are off for this organization.', () => page.getByRole('button', { name: 'Create token' })],
      ['legacy-token', 'Legacy tokens are off for this organization.', () => page.getByTestId('legacy-token-value')],
    ]) {
      await page.goto(`/user/account/${slug}`);
      const off = page.getByTestId('token-off');
      await off.getByText(sentence).waitFor();
      await assertAccessible(page, `${slug} switched off`);
      await off.getByRole('button', { name: 'Turn on for everyone…' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Turn them on for everyone in the organization?').waitFor();
      await assertAccessible(page, `${slug}: turn on question`);
      await page.getByRole('button', { name: 'Turn on', exact: true }).focus();
      await page.keyboard.press('Enter');
      // The section appears without a reload.
      await shown().waitFor();
      await page.getByText('Turned on for everyone in the organization.').waitFor();
      assert.equal(await page.getByTestId('token-off').count(), 0);
    }
    assert.deepEqual(await settings(), { api_tokens_enabled: true, legacy_api_tokens_enabled: true }, 'read back: both on');
  } finally {
    await apiSend(page, 'POST', '/api/jwt/settings', { api_tokens_enabled: true, legacy_api_tokens_enabled: false });
  }
  assert.deepEqual(await settings(), { api_tokens_enabled: true, legacy_api_tokens_enabled: false }, 'read back: off again');

  // Where the server refuses (403), the offer goes and the sentence names an admin.
  await page.goto('/user/account/legacy-token');
  const jwt = (url) => appPath(url) === '/api/jwt/settings';
  const refuse = (route) => (route.request().method() === 'POST'
    ? route.fulfill({ status: 403, contentType: 'application/json', body: '{"detail":"You do not have permission to perform this action."}' })
    : route.fallback());
  await page.route(jwt, refuse);
  try {
    await page.getByRole('button', { name: 'Turn on for everyone…' }).click();
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    await page.getByText('Legacy tokens are off for this organization; an organization admin can enable them.').waitFor();
    assert.equal(await page.getByRole('button', { name: /Turn on/ }).count(), 0);
  } finally {
    await page.unroute(jwt, refuse);
  }
  assert.deepEqual(await settings(), { api_tokens_enabled: true, legacy_api_tokens_enabled: false }, 'nothing changed');
});

test('membership numbers match the API after a project and an annotation are created', async () => {
  const me = await apiGet(page, '/api/current-user/whoami');
  const title = `E2E membership project ${Date.now()}`;
  const project = await (await apiSend(page, 'POST', '/api/projects/', {
    title,
    label_config: '<View><Text name="t" value="$text"/><Choices name="c" toName="t"><Choice value="A"/></Choices></View>',
  })).json();
  const imported = await apiSend(page, 'POST', `/api/projects/${project.id}/import`, [{ text: 'hello' }]);
  assert.equal(imported.status(), 201);
  const tasks = await apiGet(page, `/api/tasks/?project=${project.id}`);
  const taskId = (tasks.tasks ?? tasks)[0].id;
  const annotation = await apiSend(page, 'POST', `/api/tasks/${taskId}/annotations/`, {
    result: [{ from_name: 'c', to_name: 't', type: 'choices', value: { choices: ['A'] } }],
  });
  assert.equal(annotation.status(), 201);

  await page.goto('/user/account/membership-info');
  await page.getByTestId('annotations-count').waitFor();
  const api = await apiGet(page, `/api/organizations/${me.active_organization}/memberships/${me.id}/`);
  assert.equal(await page.getByTestId('annotations-count').textContent(), String(api.annotations_count));
  assert.equal(await page.getByTestId('projects-count').textContent(), String(api.contributed_projects_count));
  assert.ok(api.annotations_count >= 1);
  const link = page.getByRole('link', { name: title }).first();
  assert.equal(await link.getAttribute('href'), at(`/projects/${project.id}/`));
  assert.match(await page.getByTestId('role').textContent(), /—/);
  const created = page.getByTestId('org-created').locator('time');
  assert.match(await created.getAttribute('datetime'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.match(await created.getAttribute('title'), /UTC[+-]\d\d:\d\d$/);
  await assertAccessible(page, 'membership info');
});

test('a failing membership call shows its error in its block; the rest renders', async () => {
  await page.route('**/memberships/**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"detail":"boom"}' }));
  await page.goto('/user/account/membership-info');
  await page.getByTestId('membership-block').getByRole('alert').waitFor();
  assert.match(await page.getByTestId('membership-block').textContent(), /Could not load your membership: boom/);
  assert.equal(await page.getByText('Organization ID').count(), 1);
  await page.unroute('**/memberships/**');
});

test('no unexpected console errors; CSRF on every unsafe request', async () => {
  const unexpected = watch.consoleErrors.filter((e) => !/status of (403|409|500)/.test(e));
  assert.deepEqual(unexpected, []);
  assertCsrfOnUnsafe(watch);
  void context;
});
