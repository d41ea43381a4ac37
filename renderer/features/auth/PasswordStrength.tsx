/**
 * How hard the password being typed is to guess, while typing: the same estimate (zxcvbn-ts,
 * common, French and English dictionaries, offline) the core applies before it accepts a
 * password. The dictionaries are loaded only when a password form opens.
 */
import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { estimatePassword, PasswordEstimate } from '../../../shared/domain/password-strength';

interface Estimator {
  estimatePassword: typeof estimatePassword;
}

const COLORS = ['red', 'red', 'orange', 'teal', 'green'] as const;
const LEVELS = ['veryWeak', 'weak', 'fair', 'good', 'veryGood'] as const;

export function PasswordStrength({ password, context }: { password: string; context: readonly string[] }) {
  const { t } = useTranslation();
  const [estimator, setEstimator] = useState<Estimator | null>(null);
  useEffect(() => {
    let live = true;
    void import('../../../shared/domain/password-strength').then((m) => live && setEstimator(m));
    return () => {
      live = false;
    };
  }, []);
  if (password === '' || !estimator) return null;
  const estimate: PasswordEstimate = estimator.estimatePassword(password, context);
  return (
    <Stack gap={4} data-testid="password-strength">
      <Progress value={(estimate.score + 1) * 20} color={COLORS[estimate.score]} size="sm" aria-hidden />
      <Text size="xs" c={estimate.strongEnough ? 'dimmed' : 'red'} aria-live="polite">
        {t('auth.strength.label', { level: t(`auth.strength.levels.${LEVELS[estimate.score]}`) })}
        {estimate.strongEnough ? '' : ` — ${t('auth.strength.tooWeak')}`}
      </Text>
    </Stack>
  );
}
