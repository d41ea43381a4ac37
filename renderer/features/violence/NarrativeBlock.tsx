/**
 * An incident's narrative, never loaded with the tab: read on demand through its own channel (one
 * audited read naming it), hidden again with one click, written or corrected by a writer (the
 * version read goes with the correction, so two writers never overwrite each other's words).
 */
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Narrative } from '../../../shared/contract/violence';
import { NARRATIVE_MAX } from '../../../shared/domain/violence';
import { apiErrorOf, callOrThrow } from '../../api/client';
import { errorText } from '../../i18n/error-text';
import { useSaveNarrative } from './api';

export function NarrativeBlock({
  personId,
  incidentId,
  hasNarrative,
  canWrite,
}: {
  personId: string;
  incidentId: string;
  hasNarrative: boolean;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const save = useSaveNarrative();
  /** undefined: not read; null: read, none written. */
  const [narrative, setNarrative] = useState<Narrative | null | undefined>(undefined);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function read() {
    setLoading(true);
    setError(null);
    try {
      setNarrative(await callOrThrow('violence.narrative', { personId, incidentId }));
    } catch (err) {
      setError(errorText(t, apiErrorOf(err)));
    } finally {
      setLoading(false);
    }
  }

  function submit() {
    if (draft === null) return;
    setError(null);
    save.mutate(
      { personId, incidentId, text: draft, ...(narrative ? { version: narrative.version } : {}) },
      {
        onSuccess: (saved) => {
          setNarrative(saved);
          setDraft(null);
          notifications.show({ color: 'teal', message: t('violence.narrative.saved') });
        },
        onError: (err) => setError(errorText(t, apiErrorOf(err))),
      },
    );
  }

  if (draft !== null)
    return (
      <Stack gap="xs">
        <Textarea
          label={t('violence.narrative.label')}
          autosize
          minRows={4}
          maxLength={NARRATIVE_MAX}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setDraft(null)}>
            {t('app.cancel')}
          </Button>
          <Button size="xs" loading={save.isPending} onClick={submit}>
            {t('violence.narrative.save')}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Stack gap="xs">
      {narrative !== undefined && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} aria-label={t('violence.narrative.title')}>
          {narrative ? narrative.text : t('violence.narrative.none')}
        </Text>
      )}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group gap="xs">
        {hasNarrative &&
          (narrative === undefined ? (
            <Button size="xs" variant="light" loading={loading} onClick={() => void read()}>
              {t('violence.narrative.read')}
            </Button>
          ) : (
            <Button size="xs" variant="subtle" onClick={() => setNarrative(undefined)}>
              {t('violence.narrative.hide')}
            </Button>
          ))}
        {canWrite && (!hasNarrative || narrative) && (
          <Button size="xs" variant="default" onClick={() => setDraft(narrative?.text ?? '')}>
            {narrative ? t('violence.narrative.edit') : t('violence.narrative.write')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
