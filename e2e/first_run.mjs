// The end-to-end test of `refuge serve` in headless Chromium, as a new office
// uses it: first-run setup -> sign out and in again -> a second factor set up
// in Settings, then signing in with a code (computed here) -> a new case -> three
// interview answers -> the asylum card and the one-year deadline on the case
// page -> the case's iCalendar file, whose event falls on that deadline ->
// the memo downloaded as PDF, uploaded as Exhibit A, and the exhibit packet ->
// a harm and a particular social group defined inside the interview -> two
// tabs saving the facts form (merged field by field; a field both changed
// shown with both values for the user to choose) -> the application (issue
// 16): two parts filled, a blocking check seen, fixed through its link, the
// case ready to file -> a task on the dashboard's "My tasks" -> a practice
// session of interview preparation, the interview's date on the dashboard -> an unfiled
// case past its one-year deadline at the top of the dashboard, flagged overdue
// -> a 390 px phone screen -> the client intake (issue 19): a link made in
// Spanish, answered on a 390 px phone with no account, then reviewed -> archive
// and undo.
//
// Every page visited is checked with axe-core (0 violations), and no page may
// break the site's Content-Security-Policy: axe is evaluated through the
// DevTools protocol, which the page's policy does not govern, so the policy
// stays in force for the application itself (no bypassCSP).
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

import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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
/** Arrived 2024-03-04 and never filed: by the server's "today" (2026-06-15) the one-year deadline 2025-03-04 has passed. */
const LATE_CLIENT = 'Bruno Latecomer';
const LATE_ARRIVAL = '2024-03-04';
const LATE_DEADLINE = 'March 4, 2025'; // as the dashboard writes the day 2025-03-04
const GROUP = 'Salvadoran women who refused to join a gang';
const TASK = 'Ask the client for the police report';
/** A client whose case and application (examples/application/complete.json) are made through the API. */
const APP_CLIENT = 'Carla Sample';
const TASK_DUE = '2026-07-01'; // 16 days after the server's "today"
// The same day as an English page writes it (issue 19: dates written out for the reader's language).
const TASK_DUE_WORDS = 'July 1, 2026';

class CheckFailed extends Error {}

function check(ok, what) {
  if (!ok) throw new CheckFailed(what);
}

function step(what) {
  console.log(`ok: ${what}`);
}

// ---- TOTP (RFC 6238: HMAC-SHA1, 30-second steps, six digits), as an authenticator app computes it.
const base32 = (text) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const out = [];
  let bits = 0;
  let value = 0;
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new CheckFailed(`"${c}" is not base32, in the key "${text}"`);
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
};
const totpStep = () => Math.floor(Date.now() / 1000 / 30);
const totp = (key, step) => {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[19] & 0x0f;
  const n = (((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3]) % 1_000_000;
  return String(n).padStart(6, '0');
};

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

  // Whatever a page breaks of the Content-Security-Policy, Chromium reports on the console.
  const cspBroken = [];
  context.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspBroken.push(`${m.page()?.url()}: ${m.text()}`);
  });
  // axe-core on the page as it stands: no violation of any rule, and none of the policy.
  let audited = 0;
  const a11y = async (p = page) => {
    check(!cspBroken.length, `the Content-Security-Policy was broken:\n  ${cspBroken.join('\n  ')}`);
    await p.evaluate(AXE);
    const { violations } = await p.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const list = violations.map((v) => `${v.id} (${v.impact}): ${v.help}, at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    check(!list.length, `axe-core finds ${list.length} violation(s) on ${p.url()}:\n  ${list.join('\n  ')}`);
    audited++;
  };
  // The interview's question on this page (its fact path), or null when none is left.
  const asked = async (p = page) => {
    const fact = p.locator('form.question input[name=fact]');
    return (await fact.count()) ? fact.inputValue() : null;
  };
  // "Skip for now" until the interview asks about `want` (a fact, or a test
  // of one), as a user looks for a question; returns the fact asked.
  const skipTo = async (want, p = page) => {
    const wanted = typeof want === 'string' ? (f) => f === want : want;
    for (let n = 0; n < 40; n++) {
      const now = await asked(p);
      check(now !== null, `the interview never asked about ${want}`);
      if (wanted(now)) return now;
      const skip = Number(await p.locator('form.question input[name=skip]').inputValue());
      await Promise.all([
        p.waitForURL((u) => u.searchParams.get('skip') === String(skip + 1)),
        p.getByRole('button', { name: 'Skip for now' }).click(),
      ]);
    }
    throw new CheckFailed(`${want} was not among the next 40 questions of the interview`);
  };
  const saveAnswer = async (fact, p = page) => {
    await Promise.all([
      p.waitForURL((u) => u.pathname.endsWith('/interview') && (u.searchParams.get('saved') ?? '').startsWith(fact)),
      p.getByRole('button', { name: 'Save and next' }).click(),
    ]);
    const saved = await text(p.locator('p.saved[role=status]'));
    check(saved.includes(`Saved: ${fact}`), `after saving ${fact}, "Saved: ${fact} ..." is shown, got "${saved}"`);
    return saved;
  };

  // ---- First run: the one-time setup link creates the administrator.
  let res = await page.goto(setupLink);
  check(res?.status() === 200, `GET the setup link: status ${res?.status()}, expected 200`);
  check((await text(page.locator('h1'))) === 'Create the administrator', 'the setup page shows "Create the administrator"');
  await a11y();
  await page.fill('#name', ADMIN);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(`${base}/`), page.getByRole('button', { name: 'Create administrator' }).click()]);
  const cookie = await sessionCookie();
  check(cookie, `after setup Chromium keeps no refuge_session cookie for ${base} (is the Secure cookie refused on this address?)`);
  check(cookie.httpOnly && cookie.secure && cookie.sameSite === 'Strict',
    `the session cookie is HttpOnly, Secure and SameSite=Strict (got ${JSON.stringify(cookie)})`);
  check((await signedInAs()) === `${ADMIN} (admin)`, `signed in as "${ADMIN} (admin)" after setup, got ${await signedInAs()}`);
  await a11y(); // the dashboard, empty
  step(`setup created "${ADMIN}" and signed in (session cookie kept on ${base})`);

  res = await page.goto(setupLink);
  check(res?.status() === 404, `the setup link works once: second GET gave ${res?.status()}, expected 404`);
  await a11y(); // the page that says the link was used
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
  await a11y(); // the sign-in page, with its error
  await page.fill('#password', PASSWORD);
  // Signing in returns to the page that asked for it (/cases), not the dashboard.
  await Promise.all([page.waitForURL(`${base}/cases`), page.getByRole('button', { name: 'Sign in' }).click()]);
  check((await signedInAs()) === `${ADMIN} (admin)`, `signed in again as "${ADMIN} (admin)", got ${await signedInAs()}`);
  await a11y(); // the case list, empty
  step('wrong password refused; signed in again with the right one, back on the case list asked for');

  // ---- A second factor: set up in Settings, confirmed with a code, then asked for at sign-in.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.waitForURL(`${base}/settings`);
  await page.getByRole('link', { name: 'Set up a second factor' }).click();
  await page.waitForURL(`${base}/settings/second-factor`);
  await a11y(); // the second factor, off
  await Promise.all([page.waitForURL(`${base}/settings/second-factor`), page.getByRole('button', { name: 'Set up a second factor' }).click()]);
  check(await page.locator('svg.qr[role=img]').count(), 'the set-up page shows a QR code');
  const uri = await text(page.locator('code.uri'));
  const keyText = await text(page.locator('code.key'));
  check(uri.startsWith(`otpauth://totp/Refuge:${ADMIN}?secret=${keyText.replaceAll(' ', '')}&`), `the set-up address carries the key shown, got "${uri}"`);
  await a11y(); // the key, its address and its QR code
  const key = base32(keyText);
  const enrolStep = totpStep();
  await page.fill('#code', totp(key, enrolStep));
  await page.getByRole('button', { name: 'Turn on the second factor' }).click();
  await page.waitForLoadState('load');
  const recovery = await page.locator('.recovery-codes code').allTextContents();
  check(recovery.length === 10 && recovery.every((c) => /^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/.test(c)),
    `ten recovery codes are shown once the second factor is on, got ${JSON.stringify(recovery)}`);
  await a11y(); // the recovery codes
  step(`second factor on (key of ${key.length} bytes, confirmed at step ${enrolStep}); ${recovery.length} recovery codes shown`);

  await Promise.all([page.waitForURL(`${base}/login`), page.getByRole('button', { name: 'Sign out' }).click()]);
  await page.goto(`${base}/cases`);
  await page.fill('#name', ADMIN);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL((u) => u.pathname === '/login/code'), page.getByRole('button', { name: 'Sign in' }).click()]);
  check(!(await sessionCookie()) && (await signedInAs()) === null, 'the password alone signs nobody in: the code is asked for');
  await a11y(); // the code step
  // The step that confirmed the set-up is used; the next one is accepted a step early.
  const codeStep = Math.max(enrolStep + 1, totpStep());
  await page.fill('#code', totp(key, codeStep));
  await Promise.all([page.waitForURL(`${base}/cases`), page.getByRole('button', { name: 'Sign in' }).click()]);
  check((await signedInAs()) === `${ADMIN} (admin)`, `signed in with the code as "${ADMIN} (admin)", got ${await signedInAs()}`);
  check(await sessionCookie(), 'after the code, the session cookie is set');
  step(`signed in with the password and the code of step ${codeStep}, back on the case list asked for`);

  // ---- A new case with the date of last arrival.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New case' }).click();
  await page.waitForURL(`${base}/cases/new`);
  await a11y();
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
  await a11y(); // the case page
  step(`case ${caseNumber} opened at ${caseUrl} (facts version ${version0})`);

  // ---- The interview: answer three questions, one per page.
  await page.getByRole('link', { name: 'Continue interview' }).click();
  await page.waitForURL(`${caseUrl}/interview`);
  const answered = [];
  for (let n = 1; n <= 3; n++) {
    const form = page.locator('form.question');
    check(await form.count(), `interview question ${n} is shown`);
    const fact = await form.locator('input[name=fact]').inputValue();
    if (n === 1) await a11y(); // an interview question
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
    const saved = await saveAnswer(fact);
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

  // ---- The memo as PDF, then uploaded as an exhibit, and the exhibit packet (issue 17).
  const pdfOf = async (name) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
    check(!(await d.failure()), `the ${name} download did not fail`);
    const bytes = readFileSync(await d.path());
    check(bytes.subarray(0, 5).toString() === '%PDF-' && bytes.toString('latin1').trimEnd().endsWith('%%EOF'),
      `"${name}" downloads a whole PDF (${d.suggestedFilename()})`);
    check(d.suggestedFilename().includes(caseNumber) && !d.suggestedFilename().includes(CLIENT), `the file is named by the case number, got "${d.suggestedFilename()}"`);
    return bytes;
  };
  const memo = await pdfOf('Download memo (PDF)');
  await page.getByRole('link', { name: 'Uploads and exhibits' }).click();
  await page.waitForURL(`${caseUrl}/uploads`);
  await a11y(); // the uploads page, empty
  await page.setInputFiles('#file', { name: 'memo.pdf', mimeType: 'application/pdf', buffer: memo });
  await page.fill('#description', 'Assessment memo [*draft*] #1');
  await Promise.all([page.waitForURL(/uploads\?done=uploaded/), page.getByRole('button', { name: 'Upload' }).click()]);
  await page.locator('input[name="exhibit"]').first().fill('1');
  await Promise.all([page.waitForURL(/done=saved/), page.locator('form.upload-place button').first().click()]);
  check((await text(page.locator('main'))).includes('Exhibit A: Assessment memo [*draft*] #1'), 'the upload is Exhibit A');
  await a11y(); // the uploads page with an exhibit
  await page.goto(caseUrl);
  const packet = await pdfOf('Download exhibit packet (PDF)');
  // The pages of a PDF: its page objects (typst writes them uncompressed).
  const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  check(pages(memo) > 0 && pages(packet) === pages(memo) + 2,
    `the packet has the index, the tab page and the memo's ${pages(memo)} pages, got ${pages(packet)}`);
  step(`memo PDF of ${pages(memo)} pages uploaded as Exhibit A; exhibit packet PDF of ${pages(packet)} pages`);

  // ---- A harm and a particular social group, defined inside the interview (issue 22, defect 2).
  await page.getByRole('link', { name: 'Continue interview' }).click();
  await page.waitForURL(`${caseUrl}/interview`);
  await skipTo('harms');
  await page.selectOption('select[name="harms[new].when"]', 'past');
  await page.selectOption('select[name="harms[new].target"]', 'applicant');
  await page.selectOption('select[name="harms[new].actor"]', 'government');
  await saveAnswer('harms');
  await skipTo('harms[h1].grounds');
  // The kind of harm is not known yet: the question still reads as English.
  const why = await text(page.locator('legend.ask'));
  check(why.includes('target the applicant in the harm the applicant suffered (harm h1):'),
    `the question about the grounds names the harm "the harm the applicant suffered (harm h1)", got "${why}"`);
  await page.selectOption('select[name="harms[h1].grounds[0].ground"]', 'particular_social_group');
  await page.selectOption('select[name="harms[h1].grounds[0].central"]', 'true');
  await saveAnswer('harms[h1].grounds');
  await skipTo('harms[h1].grounds[0].group');
  const which = await text(page.locator('legend.ask'));
  check(/which particular social group/.test(which), `the follow-up asks which particular social group, got "${which}"`);
  await a11y(); // the follow-up, with the list of groups defined (none yet)
  await page.fill('input[name="harms[h1].grounds[0].group"]', GROUP);
  await saveAnswer('harms[h1].grounds[0].group');
  // The group now exists: the interview asks about it by its definition.
  await skipTo((f) => f.startsWith('groups[g1].'));
  const groupAsk = await text(page.locator('legend.ask'));
  check(groupAsk.includes(`"${GROUP}"`), `the interview asks about the group as "${GROUP}", got "${groupAsk}"`);
  await page.goto(`${caseUrl}/facts`);
  check((await page.inputValue('#f-groups-g1--definition')) === GROUP, `the facts form lists group g1 defined as "${GROUP}"`);
  check((await page.inputValue('#f-harms-h1--grounds-0--group')) === 'g1', 'the ground of harm h1 links group g1');
  step(`harm h1 on account of a particular social group; group g1 "${GROUP}" defined in the interview`);

  // ---- Two tabs on the facts form (issue 22, defect 5): a stale save merges field by field.
  const factsUrl = `${caseUrl}/facts`;
  const tabA = page;
  const tabB = await context.newPage();
  tabB.setDefaultTimeout(10_000);
  await tabB.goto(factsUrl);
  await a11y(tabA);
  const saveFacts = async (p) => {
    await Promise.all([p.waitForURL((u) => u.searchParams.get('done') === 'facts'), p.getByRole('button', { name: 'Save facts' }).click()]);
    return text(p.locator('.done[role=status]'));
  };
  await tabA.fill('#f-applicant-birth_date', '1990-01-01');
  const savedA = await saveFacts(tabA);
  check(savedA.includes('Date of birth'), `tab A's save names the date of birth, got "${savedA}"`);
  await tabB.selectOption('#f-removal-in_proceedings', 'false'); // tab B still shows the version before A's save
  const savedB = await saveFacts(tabB);
  check(/removal proceedings/.test(savedB) && !savedB.includes('Date of birth'),
    `tab B's stale save changes only what B changed, got "${savedB}"`);
  await tabB.goto(factsUrl);
  check((await tabB.inputValue('#f-applicant-birth_date')) === '1990-01-01', "tab B's stale save did not revert tab A's date of birth");
  check((await tabB.inputValue('#f-removal-in_proceedings')) === 'false', "tab B's change is saved");
  step(`a stale tab's save merged: ${savedB}`);

  // Both tabs change the date of birth: nothing is saved until the user chooses.
  await tabA.goto(factsUrl);
  await tabA.fill('#f-applicant-birth_date', '1990-02-02');
  await saveFacts(tabA);
  await tabB.fill('#f-applicant-birth_date', '1991-03-03');
  await tabB.selectOption('#f-removal-in_proceedings', 'true');
  const conflict = tabB.waitForResponse((r) => r.url().startsWith(factsUrl) && r.request().method() === 'GET');
  await tabB.getByRole('button', { name: 'Save facts' }).click();
  check((await conflict).status() === 409, `a save over a colleague's change to the same field is answered 409, got ${(await conflict).status()}`);
  await tabB.waitForLoadState('load');
  const alert = await text(tabB.locator('p.error[role=alert]'));
  check(alert.startsWith('Nothing was saved yet') && alert.includes('Date of birth'), `the conflict is explained, got "${alert}"`);
  const both = await text(tabB.locator('#f-applicant-birth_date-error'));
  check(both.includes('saved “1990-02-02” here meanwhile; you entered “1991-03-03”'), `both values are shown at the date of birth, got "${both}"`);
  check((await tabB.inputValue('#f-applicant-birth_date')) === '1991-03-03', "the user's own value stays in the field");
  check((await tabB.inputValue('#f-removal-in_proceedings')) === 'true', "the user's other change is kept on the conflict page");
  await a11y(tabB);
  // The user chooses the colleague's date and saves their other change.
  await tabB.fill('#f-applicant-birth_date', '1990-02-02');
  const chosen = await saveFacts(tabB);
  await tabB.goto(factsUrl);
  check((await tabB.inputValue('#f-applicant-birth_date')) === '1990-02-02', 'the date of birth chosen is saved');
  check((await tabB.inputValue('#f-removal-in_proceedings')) === 'true', "the user's other change is saved with it");
  await tabB.close();
  step(`both changed the date of birth: both values shown, the one chosen saved (${chosen})`);

  // ---- The application (issue 16): a client's case and most of the application through the API
  // (a token made in Settings), then two parts filled in the browser, a blocking check seen on
  // "Ready to file?", fixed through its link, and the case ready (no blocking issue).
  const sample = JSON.parse(readFileSync(new URL('../examples/application/complete.json', import.meta.url), 'utf8'));
  await page.goto(`${base}/settings`);
  await page.fill('#token-name', 'e2e');
  await page.getByRole('button', { name: 'Make token' }).click();
  await page.waitForLoadState('load');
  const apiToken = await text(page.locator('.secret code'));
  check(apiToken.length > 20, `a token is shown once, got "${apiToken}"`);
  const auth = { Authorization: `Bearer ${apiToken}` };
  const made = await page.request.post(`${base}/api/v1/cases`, { headers: auth, data: { name: APP_CLIENT, facts: sample.facts } });
  check(made.status() === 201, `POST /api/v1/cases: ${made.status()} ${await made.text()}`);
  const appCaseUrl = `${base}/cases/${(await made.json()).id}`;
  const partial = structuredClone(sample.application);
  const partD = partial.part_d;
  const religion = partial.part_a1.religion;
  const explanation = partial.part_b.q1a.explanation;
  delete partial.part_d; // Part D and A.I.16 are filled in the browser
  delete partial.part_a1.religion;
  delete partial.part_b.q1a.explanation; // a yes without its explanation: blocking (8 C.F.R. § 208.3(c)(3))
  const put = await page.request.put(`${base}/api/v1/cases/${(await made.json()).id}/application`, { headers: auth, data: partial });
  check(put.status() === 200, `PUT the application: ${put.status()} ${await put.text()}`);
  await page.goto(appCaseUrl);
  await Promise.all([page.waitForURL(`${appCaseUrl}/application`), page.getByRole('link', { name: 'Application (I-589)' }).click()]);
  await a11y();
  const saveApplication = async () => {
    await Promise.all([
      page.waitForURL((u) => u.searchParams.has('saved')),
      page.getByRole('button', { name: 'Save application' }).click(),
    ]);
    return text(page.locator('.done[role=status]'));
  };
  // Part A.I: a wrong value first, refused with everything typed kept and the field marked.
  await page.fill('#a-application-part_a1-religion', religion);
  await page.fill('#a-application-part_d-printed_name', partD.printed_name);
  await page.fill('#a-application-part_d-signed_on', 'last Tuesday');
  await page.getByRole('button', { name: 'Save application' }).click();
  await page.waitForURL((u) => u.searchParams.has('draft'));
  check((await page.getAttribute('#a-application-part_d-signed_on', 'aria-invalid')) === 'true', 'a bad date is marked at its field');
  check((await page.inputValue('#a-application-part_a1-religion')) === religion, 'what was typed is kept on a refusal');
  await a11y(); // the form with its errors
  // Part D, in full.
  await page.fill('#a-application-part_d-native_alphabet_name', partD.native_alphabet_name);
  await page.selectOption('#a-application-part_d-family_assisted', partD.family_assisted);
  await page.selectOption('#a-application-part_d-someone_else_prepared', partD.someone_else_prepared);
  await page.selectOption('#a-application-part_d-given_legal_list', partD.given_legal_list);
  await page.selectOption('#a-application-part_d-signed', String(partD.signed));
  await page.fill('#a-application-part_d-signed_on', partD.signed_on);
  const savedApp = await saveApplication();
  check(savedApp.includes('Application saved'), `the application is saved, got "${savedApp}"`);
  step(`application: Parts A.I and D filled in the browser (${savedApp})`);
  await Promise.all([page.waitForURL(`${appCaseUrl}/readiness`), page.getByRole('link', { name: 'See whether it is ready to file' }).click()]);
  check((await text(page.locator('main'))).includes('Not ready to file'), 'the readiness page says the case is not ready');
  const issue = page.locator('li.issue.blocking').filter({ hasText: '1.A' });
  check((await issue.count()) === 1, `a blocking issue names B.1.A's missing explanation, got: ${await text(page.locator('section[aria-labelledby=blocking]'))}`);
  await a11y(); // "Ready to file?" with a blocking issue
  step(`blocking: "${await text(issue.locator('p').first())}"`);
  await Promise.all([page.waitForURL((u) => u.hash === '#a-application-part_b-q1a-explanation'), issue.locator('a').first().click()]);
  await page.fill('#a-application-part_b-q1a-explanation', explanation);
  await saveApplication();
  await page.goto(`${appCaseUrl}/readiness`);
  const verdict = await text(page.locator('main'));
  check(verdict.includes('Nothing blocks filing') && (await page.locator('li.issue.blocking').count()) === 0,
    `after the fix the case is ready to file, got "${verdict.slice(0, 400)}"`);
  await a11y(); // "Ready to file?" with nothing blocking
  step('fixed through the issue\'s link: nothing blocks filing');

  // ---- A task for a colleague on the team (here, the one user), due in 16 days.
  await page.goto(caseUrl);
  await page.fill('#task-title', TASK);
  await page.selectOption('#task-assignee', { label: ADMIN });
  await page.fill('#task-due', TASK_DUE);
  await Promise.all([page.waitForURL((u) => u.searchParams.get('done') === 'task'), page.getByRole('button', { name: 'Add task' }).click()]);
  const task = await text(page.locator('section[aria-labelledby=tasks] li').filter({ hasText: TASK }));
  check(task.includes(`${TASK} · ${ADMIN} · due ${TASK_DUE_WORDS}`), `the case's tasks list "${TASK} · ${ADMIN} · due ${TASK_DUE_WORDS}", got "${task}"`);
  await a11y(); // the case page with its harm, group, tasks
  step(`task "${TASK}" for ${ADMIN}, due ${TASK_DUE}`);

  // ---- Interview preparation (issue 18): one practice session, a mark with
  // notes, the interview's date, and the summary of what still needs work.
  await page.getByRole('link', { name: 'Interview preparation' }).click();
  await page.waitForURL(`${caseUrl}/practice`);
  await a11y(); // the overview: the interview form and its checklist
  await page.fill('#iv-date', TASK_DUE);
  await page.check('#bring-notice');
  await Promise.all([page.waitForURL((u) => u.searchParams.get('done') === 'interview'), page.getByRole('button', { name: 'Save the interview' }).click()]);
  check(await page.isChecked('#bring-notice'), 'the checklist keeps the notice ticked');
  await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/practice/session')), page.getByRole('button', { name: 'Start a practice session' }).click()]);
  const practiceAsk = await text(page.locator('h1.ask'));
  check((await text(page.locator('section.why'))).includes('What a good preparation covers'), 'the question shows why it is asked and the preparation');
  await a11y(); // one question, with its why and preparation
  await page.fill('#notes', 'Unsure of the dates; practise again');
  await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === '1'), page.getByRole('button', { name: 'Needs work' }).click()]);
  await page.goto(`${caseUrl}/practice`);
  const needs = await text(page.locator('ul.needs-work'));
  check(needs.includes(practiceAsk) && needs.includes('Unsure of the dates'), `the summary lists "${practiceAsk}" as needing work, got "${needs}"`);
  await page.goto(`${base}/`);
  const interviews = await text(page.locator('section[aria-labelledby=interviews]'));
  check(interviews.includes(TASK_DUE_WORDS), `the dashboard shows the interview on ${TASK_DUE_WORDS}, got "${interviews}"`);
  step(`practice session: "${practiceAsk}" marked needs work; interview on ${TASK_DUE} on the dashboard`);

  // ---- A client who never filed and arrived more than a year ago (issue 22, defect 1).
  await page.goto(`${base}/cases/new`);
  await page.fill('#client_name', LATE_CLIENT);
  await page.fill('#arrival', LATE_ARRIVAL);
  await Promise.all([page.waitForURL(/\/cases\/[0-9a-f]+$/), page.getByRole('button', { name: 'Open case' }).click()]);
  const lateNumber = /^Case (\S+)/.exec(await text(page.locator('.case-head p.meta')))?.[1];

  // ---- The dashboard: my task, and the missed deadline first, flagged overdue.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deadlines' }).click();
  await page.waitForURL(`${base}/`);
  const mine = await text(page.locator('section[aria-labelledby=my-tasks] li').filter({ hasText: TASK }));
  check(mine.includes(`case ${caseNumber} (${CLIENT}) · due ${TASK_DUE_WORDS}, in 16 days`), `"My tasks" lists the task, due in 16 days, got "${mine}"`);
  const rows = page.locator('table.timeline tbody tr');
  const top = rows.first();
  const topText = await text(top);
  check((await top.getAttribute('class')) === 'overdue' && /\boverdue\b/.test(await text(top.locator('.alert'))),
    `the top row of the dashboard is flagged overdue, got "${topText}"`);
  check(topText.includes(LATE_DEADLINE) && topText.includes(LATE_CLIENT) && topText.includes(lateNumber) && topText.includes('asylum.one_year'),
    `the top row is ${LATE_CLIENT}'s one-year deadline ${LATE_DEADLINE}, got "${topText}"`);
  const order = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent));
  check(order.findIndex((t) => t.includes(CLIENT)) > 0, `${CLIENT}'s dates come after the overdue one`);
  await a11y(); // the dashboard, with tasks and an overdue date
  step(`dashboard: "${mine}"; first row "${topText}"`);

  // ---- On a phone (390 px): no page is wider than the screen (issue 22, defect 9).
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of [caseUrl, `${base}/`, `${base}/cases`, `${caseUrl}/facts`, `${caseUrl}/interview`, `${appCaseUrl}/application`, `${appCaseUrl}/readiness`]) {
    await page.goto(url);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 390, `at 390 px, ${url} is ${width} px wide: something leaves the screen`);
    await a11y();
  }
  const cells = await page.goto(caseUrl).then(() =>
    page.locator('section[aria-labelledby=deadlines] tbody tr').first().locator('td').evaluateAll((tds) =>
      tds.map((td) => td.getBoundingClientRect().right)));
  check(cells.every((r) => r <= 390), `at 390 px every cell of a deadline row is on screen (right edges ${cells.join(', ')})`);
  step('at 390 px the case page, the dashboard, the case list, the facts form, the interview, the application and "Ready to file?" fit the screen');
  await page.setViewportSize({ width: 1280, height: 900 });

  // ---- The client intake (issue 19): the client's language set on the case
  // page, a link made in Spanish, the client answering on a 390 px phone with
  // no account (a wrong date kept and explained in Spanish), then the review.
  await page.goto(caseUrl);
  await page.selectOption('#client-language', 'es');
  await Promise.all([
    page.waitForURL((u) => u.searchParams.get('done') === 'language'),
    page.getByRole('button', { name: 'Save', exact: true }).click(),
  ]);
  check((await page.locator('#client-language').inputValue()) === 'es', 'the client language is Spanish after saving');
  await page.getByRole('link', { name: 'Client intake' }).click();
  check((await page.locator('#link-language').inputValue()) === 'es', 'a new link is in the client language by default');
  await a11y(); // the intake page, no link yet
  await page.getByRole('button', { name: 'Make the link' }).click();
  const intakeLink = await text(page.locator('#intake-url'));
  check(intakeLink.startsWith(`${base}/i/intake_`), `the link is shown once, got "${intakeLink}"`);
  check((await text(page.locator('.client-message'))).includes('Abra este enlace en su teléfono'), 'the message for the client is in Spanish');
  await a11y(); // the link, shown once
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-MX' });
  const client = await phone.newPage();
  client.setDefaultTimeout(10_000);
  const onPhone = async (what) => {
    const width = await client.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 390, `at 390 px, the intake's ${what} is ${width} px wide`);
    check(!(await client.content()).includes(CLIENT), `the intake's ${what} names no one`);
    await a11y(client);
  };
  await client.goto(intakeLink);
  check((await client.getAttribute('html', 'lang')) === 'es', 'the intake opens in Spanish');
  check((await text(client.locator('h1'))) === 'Preguntas sobre su caso', 'the intake\'s title is in Spanish');
  await onPhone('welcome page');
  await client.getByRole('link', { name: 'Empezar' }).click();
  check((await text(client.locator('p.step'))) === 'Paso 1 de 5', 'one screen a step: Paso 1 de 5');
  await client.fill('#q-birth-date', '31/02/1990');
  await client.fill('#q-nationality', 'Honduras');
  await client.getByRole('button', { name: 'Guardar y seguir' }).click();
  await client.waitForLoadState('load');
  check((await text(client.locator('.question.wrong .error'))).startsWith('No podemos leer esta fecha'), 'a wrong date is explained in Spanish');
  check((await client.locator('#q-birth-date').inputValue()) === '31/02/1990', 'the wrong date is kept as typed');
  await onPhone('screen with an error');
  await client.fill('#q-birth-date', '21/05/1990');
  await Promise.all([client.waitForURL(/\/family/), client.getByRole('button', { name: 'Guardar y seguir' }).click()]);
  await onPhone('family screen');
  await Promise.all([client.waitForURL(/\/arrival/), client.getByRole('button', { name: 'Guardar y seguir' }).click()]);
  await onPhone('arrival screen');
  await Promise.all([client.waitForURL(/\/happened/), client.getByRole('button', { name: 'Guardar y seguir' }).click()]);
  await client.locator('fieldset', { hasText: '¿Qué pasó?' }).first().getByLabel('Me amenazaron de muerte').check();
  await client.fill('#q-own-words', 'Los pandilleros llegaron a la tienda de mi madre.');
  await onPhone('what-happened screen');
  await Promise.all([client.waitForURL(/\/fear/), client.getByRole('button', { name: 'Guardar y seguir' }).click()]);
  await client.locator('fieldset', { hasText: '¿Tiene miedo de regresar' }).getByLabel('Sí').check();
  await onPhone('fear screen');
  await Promise.all([client.waitForURL(/\/done/), client.getByRole('button', { name: 'Terminar' }).click()]);
  check((await text(client.locator('p.review'))).includes('Su representante lo va a revisar'), 'the last page says the representative will review it');
  await onPhone('thank-you page');
  await phone.close();
  step('the client answered five screens in Spanish on a 390 px screen, with no account; a wrong date kept and explained');

  await page.goto(`${caseUrl}/intake`);
  const queued = page.locator('article.intake-answer');
  check((await queued.count()) === 5, `five answers wait for review, got ${await queued.count()}`);
  await a11y(); // the review queue
  const birth = queued.filter({ hasText: 'Date of birth' });
  check((await text(birth.locator('.client-answer'))).includes('1990-05-21'), 'the answer is shown beside the current value');
  await Promise.all([
    page.waitForURL((u) => u.searchParams.get('done') === 'accepted'),
    birth.getByRole('button', { name: 'Accept' }).click(),
  ]);
  const words = page.locator('article.intake-answer').filter({ hasText: 'Los pandilleros' });
  await Promise.all([
    page.waitForURL((u) => u.searchParams.get('done') === 'timeline'),
    words.getByRole('button', { name: 'Accept' }).click(),
  ]);
  await a11y(); // the queue after two decisions
  await page.goto(`${caseUrl}/facts`);
  check((await page.locator('[name="applicant.birth_date"]').inputValue()) === '1990-05-21', 'the accepted date of birth is a fact of the case');
  step('staff accepted the date of birth (a new facts version) and the client\'s own words (a timeline source)');

  // ---- Archive, with its confirmation and its undo (issue 22, defect 8).
  await page.goto(caseUrl);
  await page.locator('details.confirm summary').click();
  await Promise.all([
    page.waitForURL((u) => u.searchParams.get('done') === 'archived'),
    page.getByRole('button', { name: `Yes, archive case ${caseNumber}` }).click(),
  ]);
  check((await text(page.locator('.done[role=status]'))).startsWith('Case archived'), 'archiving says "Case archived"');
  await a11y(); // the archived case, with its undo
  const other = await context.newPage();
  await other.goto(`${base}/`);
  check(!(await text(other.locator('main'))).includes(caseNumber), 'while archived, the case is off the dashboard');
  await other.close();
  await Promise.all([
    page.waitForURL((u) => u.searchParams.get('done') === 'reopened'),
    page.getByRole('button', { name: 'Undo: reopen the case' }).click(),
  ]);
  await page.goto(`${base}/cases`);
  check((await page.locator('table tbody').textContent()).includes(caseNumber), 'after the undo the case is in the list again');
  await a11y(); // the case list with both cases
  step('archived with a confirmation (off the dashboard), then undone');

  check(!cspBroken.length, `the Content-Security-Policy was broken:\n  ${cspBroken.join('\n  ')}`);
  await browser.close();
  console.log(`PASS: setup, sign-in, a second factor set up and used to sign in, new case, interview, asylum card, one-year deadline and its calendar event, a social group defined in the interview, two tabs merged, an application filled and made ready to file, a task, a practice session and the interview on the dashboard, an overdue case first on the dashboard, a 390 px screen, the client intake in Spanish and its review, archive and undo; axe-core found no violation on ${audited} pages`);
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
