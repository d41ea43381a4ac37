/**
 * Set-up of the component project, before each test file: the renderer's start-up imports (zod
 * without eval, the i18next catalogues), as renderer/main.tsx does them.
 */
import '../../../renderer/zod-config';
import '../../../renderer/i18n/setup';
import { configure } from '@testing-library/react';

// A screen waits for the core and for lazy routes; on a loaded 2-core CI machine the default
// second is too short. The waits still end as soon as the condition holds.
configure({ asyncUtilTimeout: 10_000 });
