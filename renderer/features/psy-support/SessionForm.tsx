/**
 * Recording or correcting a psychological support session: individual or group (a group session
 * names its group), the day and time it was held as the site's wall clock, its duration and the
 * psychologist's private note, kept exactly as typed. The core's refusals land next to their
 * fields; a refused save keeps everything typed.
 */
import { Group, Modal, NumberInput, Radio, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { PsySession } from '../../../shared/contract/psy-support';
import {
  PSY_DURATION_MAX_MIN,
  PSY_GROUP_LABEL_MAX,
  PSY_NOTE_MAX,
  PSY_SESSION_KINDS,
  type PsySessionKind,
} from '../../../shared/domain/psy-support';
import { siteToday } from '../../../shared/domain/schedules';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { useSaveSession } from './api';
import { instantAt, siteDateTime, useSiteZone } from './site-time';

interface FormValues {
  kind: PsySessionKind;
  groupLabel: string;
  heldOn: string;
  heldTime: string;
  durationMin: number | string;
  privateNote: string;
}

/** Where the core's refusal of each field is shown. */
const FORM_PATH: Record<string, string> = {
  kind: 'kind',
  groupLabel: 'groupLabel',
  heldAt: 'heldOn',
  durationMin: 'durationMin',
  privateNote: 'privateNote',
};
const isKind = oneOf(PSY_SESSION_KINDS);

function initialValues(session: PsySession | null, timeZone: string): FormValues {
  const held = session ? siteDateTime(session.heldAt, timeZone) : null;
  return {
    kind: session?.kind ?? 'individual',
    groupLabel: session?.groupLabel ?? '',
    heldOn: held?.date ?? siteToday(new Date(), timeZone),
    heldTime: held?.time ?? '',
    durationMin: session?.durationMin ?? '',
    privateNote: session?.privateNote ?? '',
  };
}

export function SessionForm({
  personId,
  session,
  onDone,
}: {
  personId: string;
  /** The session corrected; null for a new one. */
  session: PsySession | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const timeZone = useSiteZone(session?.siteId ?? null);
  const save = useSaveSession();
  const form = useForm<FormValues>({ initialValues: initialValues(session, timeZone) });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => FORM_PATH[f] ?? null);

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const heldAt = instantAt(values.heldOn, values.heldTime, timeZone);
    if (heldAt === null) {
      form.setErrors({ [values.heldTime === '' ? 'heldTime' : 'heldOn']: t('validation.required') });
      return;
    }
    save.mutate(
      {
        personId,
        ...(session ? { id: session.id, version: session.version } : {}),
        kind: values.kind,
        heldAt,
        // Only a group session has a group: the label is sent exactly as typed, or not at all.
        groupLabel: values.kind === 'group' && values.groupLabel !== '' ? values.groupLabel : null,
        durationMin: typeof values.durationMin === 'number' ? values.durationMin : null,
        privateNote: values.privateNote === '' ? null : values.privateNote,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('psySupport.session.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('psySupport.session.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Radio.Group
              label={t('psySupport.session.kind')}
              value={form.values.kind}
              onChange={(v) => isKind(v) && form.setFieldValue('kind', v)}
              error={form.errors.kind}
            >
              <Group mt={4}>
                {PSY_SESSION_KINDS.map((k) => (
                  <Radio
                    key={k}
                    value={k}
                    label={t(`psySupport.kinds.${k}`)}
                    data-autofocus={k === 'individual' || undefined}
                  />
                ))}
              </Group>
            </Radio.Group>
            {form.values.kind === 'group' ? (
              <TextInput
                label={t('psySupport.session.groupLabel')}
                required
                maxLength={PSY_GROUP_LABEL_MAX}
                {...form.getInputProps('groupLabel')}
              />
            ) : (
              <div />
            )}
            <TextInput
              type="date"
              label={t('psySupport.session.heldOn')}
              required
              max={siteToday(new Date(), timeZone)}
              {...form.getInputProps('heldOn')}
            />
            <TextInput
              type="time"
              label={t('psySupport.session.heldTime')}
              required
              {...form.getInputProps('heldTime')}
            />
            <NumberInput
              label={t('psySupport.session.durationMin')}
              min={1}
              max={PSY_DURATION_MAX_MIN}
              allowDecimal={false}
              {...form.getInputProps('durationMin')}
            />
          </SimpleGrid>
          <Textarea
            label={t('psySupport.session.privateNote')}
            description={t('psySupport.session.privateNoteHint')}
            autosize
            minRows={4}
            maxLength={PSY_NOTE_MAX}
            {...form.getInputProps('privateNote')}
          />
          <FormActions
            submitLabel={t('psySupport.session.save')}
            onCancel={onDone}
            pending={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
