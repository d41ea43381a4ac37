/**
 * What every form does with the core's refusal of a save: an error about a field it shows goes
 * next to that field (through the form-errors bridge), anything else above the form as a whole.
 * A `conflict` (someone saved in between) gets its own look and, where the form can, a reload.
 */
import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract';
import { apiErrorOf } from '../api/client';
import { errorText } from '../i18n/error-text';
import { showFieldError } from './form-errors';

interface FormWithErrors {
  setFieldError: (path: string, error: string) => void;
}

/** The failure shown above a form, and the mutation `onError` that decides where an error goes. */
export function useFormFailure(form: FormWithErrors, formPathOf: (field: string) => string | null) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<ApiError | null>(null);
  function fail(err: unknown) {
    const error = apiErrorOf(err);
    if (!showFieldError(form, error, t, formPathOf)) setFailure(error);
  }
  return { failure, setFailure, fail };
}

/** How a form presents a `conflict`; without it a conflict reads as any other error. */
export interface ConflictShown {
  title?: string;
  /** Replaces the generic text when the form can say better what happened. */
  text?: string;
  /** Reads the stored version again; without it the alert offers no button. */
  onReload?: () => void;
}

export function FormFailure({ failure, conflict }: { failure: ApiError | null; conflict?: ConflictShown }) {
  const { t } = useTranslation();
  if (!failure) return null;
  const shown = failure.code === 'conflict' ? conflict : undefined;
  return (
    <Alert color={shown ? 'orange' : 'red'} role="alert" title={shown?.title}>
      {shown?.text ?? errorText(t, failure)}
      {shown?.onReload && (
        <Button size="xs" variant="light" color="orange" display="block" mt="sm" onClick={shown.onReload}>
          {t('app.reload')}
        </Button>
      )}
    </Alert>
  );
}

/** Cancel and submit at the foot of a form; the submit spins while the save is under way. */
export function FormActions({
  submitLabel,
  onCancel,
  pending,
  busy = pending,
  submitDisabled,
  mt,
}: {
  submitLabel: string;
  onCancel: () => void;
  /** The save is under way. */
  pending: boolean;
  /** Anything else under way that must not be cancelled halfway (defaults to the save). */
  busy?: boolean;
  submitDisabled?: boolean;
  mt?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel} disabled={busy}>
        {t('app.cancel')}
      </Button>
      <Button type="submit" loading={pending} disabled={submitDisabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
