// The end-to-end test of `refuge serve` in headless Chromium, as a new office
// uses it: first-run setup -> sign out and in again -> a new case -> three
// interview answers -> the asylum card and the one-year deadline on the case
// page -> the case's iCalendar file, whose event falls on that deadline.
//
// Usage:
//   node e2e/first_run.mjs SETUP_LINK [ARRIVAL EXPECTED_DEADLINE]
//
// SETUP_LINK is the one-time link that `refuge serve` prints on a fresh
// database (http://127.0.0.1:PORT/setup?token=...); the server's address is
// taken from it. ARRIVAL (default 2025-12-26) is typed as the client's date of
// last arrival and EXPECTED_DEADLINE (default 2026-12-28: 2026-12-26 is a
// Saturday, so the last day rolls to Monday) is the one-year deadline the page
// and the calendar must show. The arguments may also come from the
// environment: REFUGE_SETUP_LINK, REFUGE_E2E_ARRIVAL, REFUGE_E2E_DEADLINE.
// CHROMIUM names the browser (default /usr/bin/chromium).
//
// Prints one line per step; on the first failed check, prints what failed,
// saves a screenshot of the page to a new temporary directory, and exits 1.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [setupArg, arrivalArg, deadlineArg] = process.argv.slice(2);
const setupLink = setupArg ?? process.env.REFUGE_SETUP_LINK;
const arrival = arrivalArg ?? process.env.REFUGE_E2E_ARRIVAL ?? '2025-12-26';
const deadline = deadlineArg ?? process.env.REFUGE_E2E_DEADLINE ?? '2026-12-28';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

if (!setupLink) {
  console.error('usage: node e2e/first_run.mjs SETUP_LINK [ARRIVAL EXPECTED_DEADLINE]');
  process.exit(2);
}
const base = new URL(setupLink).origin;
const ADMIN = 'office-admin';
const PASSWORD = 'correct horse battery staple';
const CLIENT = 'Amina Testperson';

class CheckFailed extends Error {}

function check(ok, what) {
  if (!ok) throw new CheckFailed(what);
}

function step(what) {
  console.log(`ok: ${what}`);
}

const days = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

let browser;
let page;
try {
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.setDefaultNavigationTimeout(15_000);

  const path = () => new URL(page.url()).pathname;
  const text = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const sessionCookie = async () => (await context.cookies(base)).find((c) => c.name === 'refuge_session');
  const signedInAs = async () => {
    const form = page.locator('form.signout');
    return (await form.count()) ? text(form.locator('span')) : null;
  };

  // ---- First run: the one-time setup link creates the administrator.
  let res = await page.goto(setupLink);
  check(res?.status() === 200, `GET the setup link: status ${res?.status()}, expected 200`);
  check((await text(page.locator('h1'))) === 'Create the administrator', 'the setup page shows "Create the administrator"');
  await page.fill('#name', ADMIN);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(`${base}/`), page.getByRole('button', { name: 'Create administrator' }).click()]);
  const cookie = await sessionCookie();
  check(cookie, `after setup Chromium keeps no refuge_session cookie for ${base} (is the Secure cookie refused on this address?)`);
  check(cookie.httpOnly && cookie.secure && cookie.sameSite === 'Strict',
    `the session cookie is HttpOnly, Secure and SameSite=Strict (got ${JSON.stringify(cookie)})`);
  check((await signedInAs()) === `${ADMIN} (admin)`, `signed in as "${ADMIN} (admin)" after setup, got ${await signedInAs()}`);
  step(`setup created "${ADMIN}" and signed in (session cookie kept on ${base})`);

  res = await page.goto(setupLink);
  check(res?.status() === 404, `the setup link works once: second GET gave ${res?.status()}, expected 404`);
  step('the setup link no longer works');

  // ---- Sign out, then sign in through /login (a wrong password first).
  await page.goto(`${base}/`);
  await Promise.all([page.waitForURL(`${base}/login`), page.getByRole('button', { name: 'Sign out' }).click()]);
  check(!(await sessionCookie()), 'signing out removes the session cookie');
  await page.goto(`${base}/cases`);
  check(path() === '/login', `a signed-out visit to /cases is sent to /login, got ${page.url()}`);
  step('signed out; pages now ask to sign in');

  await page.fill('#name', ADMIN);
  await page.fill('#password', 'not the password');
  const refused = page.waitForResponse((r) => r.url() === `${base}/login` && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Sign in' }).click();
  check((await refused).status() === 401, `a wrong password is answered 401, got ${(await refused).status()}`);
  await page.waitForLoadState('load');
  check((await text(page.locator('p.error'))).includes('The user name or password is wrong.'),
    'a wrong password is refused with "The user name or password is wrong."');
  check((await signedInAs()) === null && !(await sessionCookie()), 'a wrong password signs nobody in');
  await page.fill('#password', PASSWORD);
  // Signing in returns to the page that asked for it (/cases), not the dashboard.
  await Promise.all([page.waitForURL(`${base}/cases`), page.getByRole('button', { name: 'Sign in' }).click()]);
  check((await signedInAs()) === `${ADMIN} (admin)`, `signed in again as "${ADMIN} (admin)", got ${await signedInAs()}`);
  step('wrong password refused; signed in again with the right one, back on the case list asked for');

  // ---- A new case with the date of last arrival.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New case' }).click();
  await page.waitForURL(`${base}/cases/new`);
  await page.fill('#client_name', CLIENT);
  await page.fill('#arrival', arrival); // a date input: Playwright types the ISO date
  await Promise.all([page.waitForURL(/\/cases\/[0-9a-f]+$/), page.getByRole('button', { name: 'Open case' }).click()]);
  const caseUrl = page.url();
  check((await text(page.locator('h1'))) === CLIENT, `the case page is headed "${CLIENT}"`);
  const meta = await text(page.locator('.case-head p.meta'));
  const m = /^Case (\S+) · facts version (\d+)/.exec(meta);
  check(m, `the case page says its number and facts version, got "${meta}"`);
  const [, caseNumber, versionText] = m;
  const version0 = Number(versionText);
  step(`case ${caseNumber} opened at ${caseUrl} (facts version ${version0})`);

  // ---- The interview: answer three questions, one per page.
  await page.getByRole('link', { name: 'Continue interview' }).click();
  await page.waitForURL(`${caseUrl}/interview`);
  const answered = [];
  for (let n = 1; n <= 3; n++) {
    const form = page.locator('form.question');
    check(await form.count(), `interview question ${n} is shown`);
    const fact = await form.locator('input[name=fact]').inputValue();
    const ask = await text(form.locator('legend.ask'));
    const select = form.locator('select');
    const none = form.locator('input[type=checkbox][name$="._none"]');
    const typed = form.locator(`input[type=text][name="${fact}"]`);
    let value;
    if ((await select.count()) === 1) {
      const options = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
      check(options[0] === '', `the answer to ${fact} starts as "unknown"`);
      value = options.includes('false') ? 'false' : options[1];
      await select.selectOption(value);
    } else if ((await none.count()) === 1) {
      await none.check();
      value = 'on';
    } else if ((await typed.count()) === 1 && /country|nationality/.test(fact)) {
      value = 'SV'; // a country, typed by its code (the list offers it by name)
      await typed.fill(value);
    } else {
      throw new CheckFailed(`question ${n} (${fact}) is neither one choice nor a list with a "None" box`);
    }
    await Promise.all([
      page.waitForURL((u) => u.pathname.endsWith('/interview') && (u.searchParams.get('saved') ?? '').startsWith(fact)),
      page.getByRole('button', { name: 'Save and next' }).click(),
    ]);
    const saved = await text(page.locator('p.saved[role=status]'));
    check(saved.includes(`Saved: ${fact}`), `after saving ${fact}, "Saved: ${fact} ..." is shown, got "${saved}"`);
    const next = page.locator('form.question input[name=fact]');
    check(!(await next.count()) || (await next.inputValue()) !== fact, `${fact} is not asked again`);
    answered.push(fact);
    step(`question ${n}: "${ask}" (${fact}) answered ${value === 'false' ? 'no' : value}; ${saved}`);
  }

  // ---- The case page: the asylum card, the one-year deadline, the answers kept.
  await page.getByRole('link', { name: `← ${CLIENT} (${caseNumber})` }).click();
  await page.waitForURL(caseUrl);
  const version = Number(/facts version (\d+)/.exec(await text(page.locator('.case-head p.meta')))?.[1]);
  check(version === version0 + 3, `three answers make three facts versions: ${version0} -> ${version}`);
  const openFacts = await page.locator('ol.questions code').allTextContents();
  for (const fact of answered) check(!openFacts.includes(fact), `${fact} is no longer an open question`);

  const asylum = page.locator('article.card').filter({ has: page.locator('h3', { hasText: /^Asylum$/ }) });
  check((await asylum.count()) === 1, 'the Reliefs section has one "Asylum" card');
  const outcome = await text(asylum.locator('.badge'));
  check(outcome.length > 0, 'the Asylum card shows its outcome in a badge');
  step(`Asylum card: "${outcome}"`);

  const row = page.locator('section[aria-labelledby=deadlines] tbody tr').filter({ has: page.locator('code', { hasText: /^asylum\.one_year$/ }) });
  check((await row.count()) === 1, 'the Deadlines table has one row for asylum.one_year');
  const shown = /^\d{4}-\d{2}-\d{2}/.exec(await text(row.locator('td').first()))?.[0];
  check(shown, 'the asylum.one_year row starts with a date');
  const after = days(arrival, shown);
  check(after >= 365 && after <= 370, `the one-year deadline ${shown} is 365 to 370 days after the arrival ${arrival} (${after})`);
  check(shown === deadline, `the one-year deadline shown is ${shown}, expected ${deadline}`);
  step(`one-year deadline shown: ${shown} (${await text(row.locator('td').nth(2))})`);

  // ---- The case's calendar file, downloaded as a user would.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Calendar (.ics)' }).click()]);
  const filename = download.suggestedFilename();
  check(filename.endsWith('.ics'), `the calendar downloads as an .ics file, got "${filename}"`);
  const failure = await download.failure();
  check(!failure, `the calendar download failed: ${failure}`);
  const ics = readFileSync(await download.path(), 'utf8');
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  check(lines[0] === 'BEGIN:VCALENDAR', `the file starts with BEGIN:VCALENDAR, got "${lines[0]}"`);
  check(lines.includes('END:VCALENDAR'), 'the file ends the calendar with END:VCALENDAR');
  const events = [];
  let event = null;
  for (const l of lines) {
    if (l === 'BEGIN:VEVENT') event = [];
    else if (l === 'END:VEVENT') { events.push(event); event = null; }
    else if (event) event.push(l);
  }
  const oneYear = events.filter((e) => e.some((l) => l.startsWith('UID:') && l.includes('asylum.one_year')));
  check(oneYear.length === 1, `the calendar has one event for asylum.one_year (events: ${events.length})`);
  const [ev] = oneYear;
  const prop = (name) => ev.find((l) => l.startsWith(name))?.slice(name.length);
  const compact = deadline.replaceAll('-', '');
  check(prop('DTSTART;VALUE=DATE:') === compact, `the event starts on ${compact} (DTSTART;VALUE=DATE:${prop('DTSTART;VALUE=DATE:')})`);
  const summary = prop('SUMMARY:') ?? '';
  check(/one-year/i.test(summary) && summary.includes(caseNumber), `the event's SUMMARY names the one-year deadline and case ${caseNumber}, got "${summary}"`);
  check(!ics.includes(CLIENT), "the calendar file does not carry the client's name");
  step(`calendar ${filename}: ${events.length} event(s); DTSTART ${compact}; SUMMARY "${summary}"`);

  // ---- On a phone (390 px): no page is wider than the screen (issue 22, defect 9).
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of [caseUrl, `${base}/`, `${base}/cases`]) {
    await page.goto(url);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 390, `at 390 px, ${url} is ${width} px wide: a column leaves the screen`);
  }
  const cells = await page.goto(caseUrl).then(() =>
    page.locator('section[aria-labelledby=deadlines] tbody tr').first().locator('td').evaluateAll((tds) =>
      tds.map((td) => td.getBoundingClientRect().right)));
  check(cells.every((r) => r <= 390), `at 390 px every cell of a deadline row is on screen (right edges ${cells.join(', ')})`);
  step('at 390 px the case page, the dashboard and the case list fit the screen');
  await page.setViewportSize({ width: 1280, height: 900 });

  // ---- Archive, with its confirmation and its undo (issue 22, defect 8).
  await page.goto(caseUrl);
  await page.locator('details.confirm summary').click();
  await Promise.all([
    page.waitForURL((u) => u.searchParams.get('done') === 'archived'),
    page.getByRole('button', { name: `Yes, archive case ${caseNumber}` }).click(),
  ]);
  check((await text(page.locator('.done[role=status]'))).startsWith('Case archived'), 'archiving says "Case archived"');
  await Promise.all([
    page.waitForURL((u) => u.searchParams.get('done') === 'reopened'),
    page.getByRole('button', { name: 'Undo: reopen the case' }).click(),
  ]);
  await page.goto(`${base}/cases`);
  check((await page.locator('table tbody').textContent()).includes(caseNumber), 'after the undo the case is in the list again');
  step('archived with a confirmation, then undone');

  await browser.close();
  console.log('PASS: setup, sign-in, new case, interview, asylum card, one-year deadline and its calendar event, a 390 px screen, archive and undo');
} catch (e) {
  console.error(`FAIL: ${e instanceof CheckFailed ? e.message : e.stack ?? e}`);
  if (page) {
    console.error(`  at ${page.url()}`);
    try {
      const dir = mkdtempSync(join(tmpdir(), 'refuge-e2e-'));
      const shot = join(dir, 'failure.png');
      await page.screenshot({ path: shot, fullPage: true });
      console.error(`  screenshot: ${shot}`);
    } catch (s) {
      console.error(`  (no screenshot: ${s.message})`);
    }
  }
  await browser?.close().catch(() => {});
  process.exit(1);
}
