import type { Browser, Page } from '@playwright/test';

/**
 * Another workstation: a separate browser context (its own in-memory session), in French and in
 * the centre's time zone. Its page errors go to `errors`, to be checked at the end of the test.
 */
export async function workstation(browser: Browser, baseURL: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 860 },
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return page;
}
