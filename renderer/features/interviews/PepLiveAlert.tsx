import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { wholeHours } from '../persons/format';

/** Shown while the form is typed, before saving: the person may need PEP now. */
export function PepLiveAlert({ since, left }: { since: number; left: number }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="filled"
      role="alert"
      title={t('interviews.pep.title')}
      data-testid="pep-alert"
    >
      {t('interviews.pep.live', { since: wholeHours(since, 'passed'), left: wholeHours(left, 'left') })}
    </Alert>
  );
}
