import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiErrorOf } from '../api/client';
import { errorText } from '../i18n/error-text';

/** A failed load, said in the user's language, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert">
      {errorText(t, apiErrorOf(error))}
      <Button variant="light" color="red" size="xs" display="block" mt="sm" onClick={onRetry}>
        {t('app.retry')}
      </Button>
    </Alert>
  );
}
