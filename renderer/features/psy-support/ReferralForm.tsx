/**
 * A psychiatric referral: made (a psychiatrist from the directory, the reason, its status, with
 * the reason for going ahead when the person has not agreed to an external referral) or followed
 * (status, appointment as the site's wall clock, the psychiatrist's feedback). Texts are kept as
 * typed; the core's refusals land next to their fields.
 */
import { Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { PsyReferral } from '../../../shared/contract/psy-support';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../shared/domain/catalogues';
import { PSY_FEEDBACK_MAX, PSY_REFERRAL_REASON_MAX } from '../../../shared/domain/psy-support';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { usePsychiatrists, useReferToPsychiatry, useUpdatePsyReferral } from './api';
import { instantAt, siteDateTime, useSiteZone } from './site-time';

interface FormValues {
  entryId: string;
  reason: string;
  status: ReferralStatus;
  overrideReason: string;
  appointmentOn: string;
  appointmentTime: string;
  feedback: string;
}

const FORM_PATH: Record<string, string> = {
  entryId: 'entryId',
  reason: 'reason',
  status: 'status',
  overrideReason: 'overrideReason',
  appointmentAt: 'appointmentOn',
  feedback: 'feedback',
};
const isStatus = oneOf(REFERRAL_STATUSES);

export function ReferralForm({
  personId,
  referral,
  onDone,
}: {
  personId: string;
  /** The referral followed up; null for a new one. */
  referral: PsyReferral | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const timeZone = useSiteZone(referral?.siteId ?? null);
  const refer = useReferToPsychiatry();
  const update = useUpdatePsyReferral();
  const psychiatrists = usePsychiatrists();
  const appointment = referral?.appointmentAt ? siteDateTime(referral.appointmentAt, timeZone) : null;
  const form = useForm<FormValues>({
    initialValues: {
      entryId: referral?.entryId ?? '',
      reason: referral?.reason ?? '',
      status: referral?.status ?? 'proposed',
      overrideReason: '',
      appointmentOn: appointment?.date ?? '',
      appointmentTime: appointment?.time ?? '',
      feedback: referral?.feedback ?? '',
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => FORM_PATH[f] ?? null);
  const done = {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('psySupport.referral.saved') });
      onDone();
    },
    onError: fail,
  };

  const submit = form.onSubmit((values) => {
    setFailure(null);
    let appointmentAt: string | null = null;
    if (values.appointmentOn !== '' || values.appointmentTime !== '') {
      appointmentAt = instantAt(values.appointmentOn, values.appointmentTime, timeZone);
      if (appointmentAt === null) {
        form.setErrors({
          [values.appointmentTime === '' ? 'appointmentTime' : 'appointmentOn']: t('validation.required'),
        });
        return;
      }
    }
    if (referral)
      update.mutate(
        {
          personId,
          id: referral.id,
          version: referral.version,
          status: values.status,
          appointmentAt,
          feedback: values.feedback === '' ? null : values.feedback,
        },
        done,
      );
    else
      refer.mutate(
        {
          personId,
          entryId: values.entryId,
          reason: values.reason,
          status: values.status,
          appointmentAt,
          ...(values.overrideReason.trim() ? { overrideReason: values.overrideReason } : {}),
        },
        done,
      );
  });

  return (
    <Modal
      opened
      onClose={onDone}
      title={t(referral ? 'psySupport.referral.followTitle' : 'psySupport.referral.title')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          {referral ? null : (
            <>
              <Select
                label={t('psySupport.referral.entry')}
                required
                searchable
                data-autofocus
                data={(psychiatrists.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
                value={form.values.entryId || null}
                onChange={(v) => form.setFieldValue('entryId', v ?? '')}
                error={form.errors.entryId}
              />
              <Textarea
                label={t('psySupport.referral.reason')}
                required
                autosize
                minRows={2}
                maxLength={PSY_REFERRAL_REASON_MAX}
                {...form.getInputProps('reason')}
              />
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('psySupport.referral.status')}
              allowDeselect={false}
              data={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`catalogue.referralStatuses.${s}`) }))}
              value={form.values.status}
              onChange={(v) => isStatus(v) && form.setFieldValue('status', v)}
              error={form.errors.status}
            />
            <TextInput
              type="date"
              label={t('psySupport.referral.appointmentOn')}
              {...form.getInputProps('appointmentOn')}
            />
            <TextInput
              type="time"
              label={t('psySupport.referral.appointmentTime')}
              {...form.getInputProps('appointmentTime')}
            />
          </SimpleGrid>
          {referral ? (
            <Textarea
              label={t('psySupport.referral.feedback')}
              autosize
              minRows={2}
              maxLength={PSY_FEEDBACK_MAX}
              {...form.getInputProps('feedback')}
            />
          ) : (
            <Textarea
              label={t('psySupport.referral.overrideReason')}
              autosize
              minRows={1}
              maxLength={500}
              {...form.getInputProps('overrideReason')}
            />
          )}
          <FormActions
            submitLabel={t('psySupport.referral.save')}
            onCancel={onDone}
            pending={refer.isPending || update.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
