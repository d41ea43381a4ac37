/**
 * The page's CSP forbids eval. zod compiles fast parsers with `new Function` when it may, and
 * merely probing for it is reported as a CSP violation: tell zod up front not to try.
 * Imported first by main.tsx, before any schema parses anything.
 */
import { z } from 'zod';

z.config({ jitless: true });
