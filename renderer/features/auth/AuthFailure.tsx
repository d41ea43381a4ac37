import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import { errorText, retryAfterSeconds, throttledText } from '../../i18n/error-text';

/** Waits shorter than this only disable the button for a moment; longer ones are announced. */
const ANNOUNCED_WAIT_SECONDS = 3;

/**
 * A refused sign-in or unlock. Wrong credentials get a calm grey note (people mistype), anything
 * else a red one; a throttled attempt counts down and disappears when trying again is allowed.
 */
export function AuthFailure({ failure, secondsLeft }: { failure: ApiError | null; secondsLeft: number }) {
  const { t } = useTranslation();
  if (!failure) return null;
  let text: string;
  if (failure.code === 'throttled') {
    const announced = retryAfterSeconds(failure) !== undefined;
    if (announced && secondsLeft === 0) return null;
    text = announced ? throttledText(t, secondsLeft) : t('errors.throttled');
  } else {
    text = errorText(t, failure);
  }
  return (
    <Alert
      color={failure.code === 'wrong_credentials' ? 'gray' : failure.code === 'throttled' ? 'orange' : 'red'}
      role="alert"
    >
      {text}
      {failure.code === 'wrong_credentials' && secondsLeft >= ANNOUNCED_WAIT_SECONDS && (
        <Text size="sm" c="dimmed" mt={4}>
          {t('errors.retryIn', { count: secondsLeft })}
        </Text>
      )}
    </Alert>
  );
}
