import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { TEST_PASSWORD } from '../factories/users';
import {
  assertBuilt,
  BUILT,
  freePort,
  type RunningProcess,
  startProcess,
  waitForHttp,
} from './processes';

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go: test/browser/output, or docs/screenshots with SCREENSHOT_DIR. */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'test/browser/output';

/** The centre's time zone, for the browser as for the API. */
export const CENTRE_TIMEZONE = 'Asia/Almaty';

export interface BrowserStack {
  base: string;
  browser: Browser;
  dataSource: DataSource;
  /** A new browser window: a phone-sized one with `mobile`. */
  newPage: (options?: { mobile?: boolean }) => Promise<Page>;
  /** The JSON API as a signed-in user (bearer token), for seeding what the test needs. */
  apiAs: (email: string) => Promise<ApiClient>;
  close: () => Promise<void>;
}

export type ApiClient = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

/**
 * The built API (and worker, when asked) on a free port against this jest worker's database,
 * and a headless Chromium driving it as a user would.
 */
export async function startBrowserStack(options: { worker?: boolean } = {}): Promise<BrowserStack> {
  assertBuilt();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const storage = mkdtempSync(join(tmpdir(), 'sheber-browser-certificates-'));
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: base,
    LOG_LEVEL: 'warn',
    CERTIFICATE_STORAGE_DIR: storage,
    // Redis keys of this stack's own: the per-address limits of one file (ten password changes a
    // minute from 127.0.0.1) must not count the earlier files of this jest worker.
    REDIS_PREFIX: `${process.env.REDIS_PREFIX}_${randomBytes(3).toString('hex')}`,
  };
  const processes: RunningProcess[] = [startProcess(BUILT.api, [], env)];
  // The worker says it is ready at level info.
  if (options.worker) processes.push(startProcess(BUILT.worker, [], { ...env, LOG_LEVEL: 'info' }));
  const contexts: BrowserContext[] = [];
  let browser: Browser | undefined;
  const dataSource = new DataSource(
    dataSourceOptions({
      url: process.env.DATABASE_URL!,
      poolSize: 2,
      applicationName: 'sheber-browser-test',
    }),
  );
  try {
    await waitForHttp(`${base}/api/health`);
    if (options.worker) await processes[1]!.waitForOutput(/Worker ready/);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    await dataSource.initialize();
  } catch (error) {
    for (const p of processes) p.child.kill('SIGTERM');
    await browser?.close();
    throw error;
  }
  const launched = browser;

  return {
    base,
    browser: launched,
    dataSource,
    newPage: async ({ mobile = false } = {}) => {
      const context = await launched.newContext({
        baseURL: base,
        viewport: mobile ? { width: 360, height: 740 } : { width: 1280, height: 860 },
        isMobile: mobile,
        hasTouch: mobile,
        locale: 'en-GB',
        timezoneId: CENTRE_TIMEZONE,
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context.newPage();
    },
    apiAs: async (email: string) => {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: TEST_PASSWORD }),
      });
      if (!login.ok) throw new Error(`sign-in of ${email} failed: ${login.status}`);
      const { accessToken } = (await login.json()) as { accessToken: string };
      return async (method: string, path: string, body?: unknown) => {
        const response = await fetch(`${base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${accessToken}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
        return (text ? JSON.parse(text) : undefined) as never;
      };
    },
    close: async () => {
      for (const context of contexts) await context.close();
      await launched.close();
      await dataSource.destroy();
      for (const p of processes) {
        p.child.kill('SIGTERM');
        await p.exited;
      }
      rmSync(storage, { recursive: true, force: true });
    },
  };
}

/** Signs in through the sign-in form. */
export async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Saves a screenshot of the page for the README (see SCREENSHOT_DIR). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Transitions finished first: a dialog just opened is drawn whole, not half faded in.
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

/** Today's date in the centre's time zone, `YYYY-MM-DD`. */
export function centreToday(offsetDays = 0): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: CENTRE_TIMEZONE }).format(day);
}

/**
 * Waits until the locator shows `text` (the screen updates after the API answers), then returns
 * all it shows, for an exact expectation.
 */
export async function shown(locator: Locator, text: string | RegExp): Promise<string> {
  const match = locator.filter({ hasText: text }).first();
  await match.waitFor();
  return (await match.textContent()) ?? '';
}

/** A language the browser tests sign in with from the first screen. */
export type Language = 'kk' | 'ru';

/** The sign-in form's words in each language. */
const SIGN_IN: Record<Language, { email: string; password: string; submit: string; out: string }> =
  {
    kk: { email: 'Электрондық пошта', password: 'Құпиясөз', submit: 'Кіру', out: 'Шығу' },
    ru: { email: 'Эл. почта', password: 'Пароль', submit: 'Войти', out: 'Выйти' },
  };

/** A window whose app speaks `language` from the first screen on. */
export async function pageIn(
  stack: BrowserStack,
  language: Language,
  options: { mobile?: boolean } = {},
): Promise<Page> {
  const page = await stack.newPage(options);
  await page.addInitScript(`localStorage.setItem('sheber.language', '${language}')`);
  return page;
}

/** Fills and sends the sign-in form in that language (the caller waits for what follows). */
export async function signInAs(
  page: Page,
  language: Language,
  email: string,
  password = TEST_PASSWORD,
): Promise<void> {
  const words = SIGN_IN[language];
  await page.goto('/');
  await page.getByRole('textbox', { name: words.email }).fill(email);
  await page.getByRole('textbox', { name: words.password }).fill(password);
  await page.getByRole('button', { name: words.submit }).click();
}

/** A window in `language`, signed in as `email`, once the app shows the sign-out button. */
export async function signedInPage(
  stack: BrowserStack,
  language: Language,
  email: string,
  options: { mobile?: boolean } = {},
): Promise<Page> {
  const page = await pageIn(stack, language, options);
  await signInAs(page, language, email);
  await page.getByRole('button', { name: SIGN_IN[language].out }).waitFor();
  return page;
}

/** Nothing on the page is wider than the window: no sideways scrolling. */
export async function fitsTheWindow(page: Page): Promise<boolean> {
  return Boolean(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'));
}
