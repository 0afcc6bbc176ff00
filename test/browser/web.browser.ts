/// <reference lib="dom" />
/**
 * The web pages in a real browser (Debian's Chromium driven by playwright-core) over the real
 * bot process: sign-in through the /web link, keyboard navigation, every page 390 px wide, an
 * axe-core scan with no serious or critical violations, and the screenshots the docs show
 * (docs/images/: the overview, a case, a minutes page and a search result at 1280 and 390 px).
 * Run: npm run test:browser (needs `apt-get install chromium fonts-noto-cjk`; not in npm test).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strict as assert } from 'node:assert';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const IMAGES = join(ROOT, 'docs', 'images');

/**
 * A screenshot for the docs: the first screen at the page's viewport, not the whole page, at
 * a device scale of 1, so the PNGs stay small (the docs show them at a fraction of their width).
 */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(IMAGES, `${name}.png`) });
}
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INTERNAL = '內部提案：預算科目調整';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The real bot (src/main.ts) in the console chat with PORT set; lines are typed as people. */
async function startBot(port: number, dir: string) {
  // The repository's config, with the minutes public as the meeting ends (minutes.reviewWorkingDays
  // 0): the pages below show a published record to visitors who are not signed in.
  const config = join(dir, 'bot.config.json');
  writeFileSync(config, JSON.stringify({ ...(JSON.parse(readFileSync(join(ROOT, 'bot.config.json'), 'utf8')) as object), minutes: { reviewWorkingDays: 0 } }));
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'main.ts'), '--json'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: String(port), DATABASE_PATH: join(dir, 'bot.sqlite'), BOT_NOW: '2026-12-01T02:00:00Z', BOT_CONFIG: config },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const waitFor = async (re: RegExp, ms = 30_000): Promise<RegExpExecArray> => {
    const until = Date.now() + ms;
    for (;;) {
      const m = re.exec(out);
      if (m) return m;
      if (Date.now() > until) throw new Error(`bot never printed ${re}; output:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    say: (lines: string[]) => child.stdin.write(lines.join('\n') + '\n'),
    waitFor,
    stop: () => new Promise<void>((resolve) => (child.on('close', () => resolve()), child.stdin.end())),
  };
}

async function axe(page: Page, path: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
}

async function main(): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  mkdirSync(IMAGES, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'po-browser-'));
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const bot = await startBot(port, dir);
  let browser: Browser | undefined;
  try {
    bot.say([
      'amy: /iam 交通部',
      'bob: /iam 勞動部',
      'amy: /propose 公務人員組工會 #勞動部 https://join.gov.tw/idea/detail/42',
      `bob: /propose ${INTERNAL}`,
      'amy: /vote 2',
      'pdis: /select 1',
      'pdis: /case 1 lead 交通部 co 勞動部',
      'pdis: /case 1 deadline 2026-12-20',
      'pdis: /action 第一案 交通部 提供事故資料 due 2026-11-28',
      'pdis: /startmeeting 12月協作會議',
      'pdis: /topic 第一案 進度',
      'amy: 交通部已整理近三年路口事故資料。',
      'bob: 勞動部會後提供工會登記的統計，資料在 https://www.mol.gov.tw/ 可查。',
      'amy: 好，我們下週五前彙整。',
      'pdis: /decision 下週五召開協作會議',
      'pdis: /action 勞動部 提供工會登記統計 due 2026-12-11',
      'pdis: /endmeeting',
      'pdis: /meeting add 月會 2026-12-07 14:00',
      'amy: /web',
    ]);
    const link = (await bot.waitFor(/(http:\/\/localhost:\d+\/signin\?t=[\w.-]+)/))[1]!;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });

    // Anonymous: public pages, no proposals.
    const anon = await browser.newContext({ locale: 'zh-TW', viewport: { width: 1280, height: 900 } });
    const a = await anon.newPage();
    await a.goto(base + '/');
    assert.equal(await a.locator('h1').textContent(), '總覽');
    assert.ok(!(await a.content()).includes(INTERNAL), 'the public overview shows no internal proposal');
    await a.screenshot({ path: join(ARTIFACTS, 'web-overview.png'), fullPage: true });
    await shot(a, 'web-overview');
    for (const path of ['/', '/cases', '/cases/1', '/meetings', '/meetings/1', '/agencies/MOTC']) {
      await a.goto(base + path);
      await axe(a, path);
    }
    await a.goto(base + '/cases/1');
    await shot(a, 'web-case');
    // The meeting recorded above (the configured series may have numbered meetings before it).
    await a.goto(base + '/meetings');
    const minutesPage = (await a.locator('table.rows a', { hasText: '12月協作會議' }).first().getAttribute('href'))!;
    await a.goto(base + minutesPage);
    await axe(a, minutesPage);
    await shot(a, 'web-minutes');
    const who = (await a.locator('ol.speeches a.speaker').first().getAttribute('href'))!;
    assert.ok(/^\/speakers\/\d+$/.test(who), 'the minutes link their speakers');
    await a.goto(base + who);
    await axe(a, who);
    // A speech's permalink lands on that speech.
    await a.goto(base + minutesPage + '#s3');
    assert.equal(await a.evaluate(() => document.querySelector(':target')?.id), 's3');
    // Search (issue 29 items 6-7, another part of the work): shown once the site has it.
    const search = await a.goto(base + '/search?q=' + encodeURIComponent('事故'));
    const searchable = search?.status() === 200;
    if (searchable) {
      await axe(a, '/search');
      await shot(a, 'web-search');
    }
    assert.equal((await a.goto(base + '/issues/2'))!.status(), 403);

    // Keyboard only: the skip link comes first and lands in the page; the menu leads to the cases.
    await a.goto(base + '/');
    await a.keyboard.press('Tab');
    assert.equal(await a.evaluate(() => document.activeElement?.textContent), '跳到主要內容');
    await a.keyboard.press('Enter');
    assert.equal(await a.evaluate(() => document.activeElement?.id), 'main');
    await a.goto(base + '/');
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await a.keyboard.press('Tab');
      reached = (await a.evaluate(() => document.activeElement?.getAttribute('href'))) === '/cases';
    }
    assert.ok(reached, 'the menu link to the cases is reachable by Tab');
    await Promise.all([a.waitForURL(base + '/cases'), a.keyboard.press('Enter')]);
    assert.equal(await a.locator('h1').textContent(), '協作案');

    // Signed in through the personal link: the proposals show.
    const po = await browser.newContext({ locale: 'zh-TW' });
    const p = await po.newPage();
    // The link opens a page with a button; only pressing it (a same-site POST) signs in.
    await p.goto(link);
    assert.equal(await p.locator('h1').textContent(), '登入');
    assert.equal(await po.cookies().then((l) => l.some((c) => c.name === 'po_session')), false, 'opening the link alone signs no one in');
    await axe(p, '/signin');
    await Promise.all([p.waitForURL(base + '/'), p.locator('form[action="/signin"] button').click()]);
    assert.equal(new URL(p.url()).pathname, '/');
    assert.ok((await p.locator('.who').textContent())!.includes('已登入：amy'));
    const cookie = (await po.cookies()).find((c) => c.name === 'po_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    await p.goto(base + '/issues/2');
    assert.ok((await p.locator('h1').textContent())!.includes(INTERNAL));
    await axe(p, '/issues/2 (signed in)');
    await p.goto(base + '/issues');
    await axe(p, '/issues (signed in)');
    // The cookie lasts a week by Max-Age: BOT_NOW (here in the past) does not make it stale.
    assert.ok(cookie.expires > Date.now() / 1000 + 6 * 86_400, 'the session cookie lasts about a week from now');
    // Signing out ends the session: the old cookie, replayed, no longer opens proposals; the
    // used link shows no button again.
    await Promise.all([p.waitForURL(base + '/'), p.locator('form[action="/signout"] button').click()]);
    const replay = await browser.newContext({ locale: 'zh-TW' });
    await replay.addCookies([{ ...cookie }]);
    const r = await replay.newPage();
    assert.equal((await r.goto(base + '/issues/2'))!.status(), 403, 'a signed-out session cookie is refused');
    assert.equal((await r.goto(link))!.status(), 403, 'a sign-in link works once');
    await replay.close();

    // A phone: every page fits 390 px without sideways scrolling; lists stack their columns.
    const phone = await browser.newContext({ locale: 'zh-TW', viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const m = await phone.newPage();
    for (const path of ['/', '/cases', '/meetings', minutesPage, '/agencies/MOTC', who, '/cases/1']) {
      await m.goto(base + path);
      const width = await m.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${path} is ${width} px wide on a 390 px screen`);
    }
    assert.ok((await m.locator('h1').textContent())!.includes('公務人員組工會'));
    await axe(m, '/cases/1 (390 px)');
    await m.screenshot({ path: join(ARTIFACTS, 'web-case-390.png'), fullPage: true });
    await shot(m, 'web-case-390');
    await m.goto(base + '/');
    assert.equal(await m.locator('table.rows td').first().evaluate((td) => getComputedStyle(td).display), 'block', 'a list stacks its columns on a phone');
    await axe(m, '/ (390 px)');
    await shot(m, 'web-overview-390');
    await m.goto(base + minutesPage);
    await axe(m, `${minutesPage} (390 px)`);
    await shot(m, 'web-minutes-390');
    if (searchable) {
      await m.goto(base + '/search?q=' + encodeURIComponent('事故'));
      await shot(m, 'web-search-390');
    }
    // Printable: the print stylesheet drops the menu.
    await m.emulateMedia({ media: 'print' });
    assert.equal(await m.locator('nav.main').isVisible(), false);

    process.stdout.write(`browser tests passed; screenshots in ${ARTIFACTS}\n`);
  } finally {
    await browser?.close();
    await bot.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
