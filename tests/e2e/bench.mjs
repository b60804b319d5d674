// Cold-load measurements for scripts/bench (prints numbers; asserts nothing).
import { launch, newWatchedPage, signIn, EMAIL } from './helpers.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const browser = await launch();
try {
  const { context, page } = await newWatchedPage(browser);
  await signIn(page);
  const cookies = await context.cookies();
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    // A fresh context each run: empty HTTP cache, same session cookie.
    const cold = await browser.newContext({ baseURL: process.env.APP_URL });
    await cold.addCookies(cookies);
    const p = await cold.newPage();
    const cdp = await cold.newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
    const t0 = Date.now();
    await p.goto('/user/account/personal-info');
    await p.getByTestId('header-email').filter({ hasText: EMAIL }).waitFor();
    const ms = Date.now() - t0;
    results.push({ ms, bytes });
    await cold.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`cold load of /user/account/personal-info: ${median(results.map((r) => r.bytes))} bytes transferred (median of ${RUNS})`);
  console.log(`time until the email shows: median ${median(results.map((r) => r.ms))} ms, runs ${results.map((r) => r.ms).join(', ')} ms`);
} finally {
  await browser.close();
}
