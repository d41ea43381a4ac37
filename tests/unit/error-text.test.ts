// @vitest-environment happy-dom
/**
 * The page turns every refusal into a sentence of the catalogues, never a raw key: error codes,
 * domain reasons, formats the contract names, and why the data cannot be opened.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES } from '../../shared/contract/envelope';
import { errorText, fieldIssueFromZod, fieldIssueText } from '../../renderer/i18n/error-text';
import i18n, { setLanguage } from '../../renderer/i18n/setup';
import { t as coreT } from '../../shared/i18n/translate';

describe.each(['fr', 'en'] as const)('error texts in %s', (lng) => {
  it('every error code, a domain reason, a contract format and a store problem', async () => {
    setLanguage(lng);
    await i18n.changeLanguage(lng);
    const t = i18n.t.bind(i18n);
    for (const code of ERROR_CODES) {
      const text = errorText(t, { code, message: 'developer message' });
      expect(text, code).not.toMatch(/^errors\./);
      expect(text).not.toContain('developer message');
    }
    expect(
      errorText(t, {
        code: 'validation',
        message: 'm',
        field: 'contact.phone',
        details: { issue: 'custom', reason: 'phone_format' },
      }),
    ).toBe(coreT(lng, 'validation.phone_format'));
    expect(
      errorText(t, {
        code: 'validation',
        message: 'm',
        details: { issue: 'custom', reason: 'username_taken' },
      }),
    ).toBe(coreT(lng, 'validation.reason.username_taken'));
    expect(
      errorText(t, { code: 'store_unavailable', message: 'm', details: { problem: 'core_process_exited' } }),
    ).toBe(
      `${coreT(lng, 'errors.store_unavailable')} ${coreT(lng, 'unavailable.problems.core_process_exited.body')}`,
    );
  });

  it('a check made in the page reads a contract format as the core would', async () => {
    await i18n.changeLanguage(lng);
    const t = i18n.t.bind(i18n);
    const result = z.string().regex(/^\d+$/, { message: 'phone_format' }).safeParse('abc');
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue).toBeDefined();
    if (issue)
      expect(fieldIssueText(t, fieldIssueFromZod(issue))).toBe(coreT(lng, 'validation.phone_format'));
  });
});
