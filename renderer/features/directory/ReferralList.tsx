/**
 * A person's referrals, with their status, appointment, feedback and (when the person had not
 * agreed to an external referral) the written reason.
 *
 * For the dossier: `<ReferralList referrals={dossier.referrals} onChanged={() => refetch()} />`.
 * `onChanged` is called after an update and after a `conflict` (someone changed it meanwhile),
 * so the dossier reads the referrals again.
 */
import { Badge, Button, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDirtyGuard } from '../../app/dirty-forms';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { PagedFooter, usePaged } from '../../app/paging';
import { useTranslation } from 'react-i18next';
import { CONTRACT, type Referral } from '../../../shared/contract';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../shared/domain/catalogues';
import { apiErrorOf } from '../../api/client';
import { schemaErrors, samePathIn } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { fromLocalInput, toLocalInput } from '../../app/form-values';
import { formatDateTime } from '../../i18n/dates';
import { currentLanguage } from '../../i18n/setup';
import { useUpdateReferral } from './api';
import { formatDay } from './format';
import { isReferralStatus } from './ReferralDialog';

const STATUS_COLOR: Record<ReferralStatus, string> = {
  proposed: 'gray',
  accepted: 'blue',
  appointment: 'indigo',
  attended: 'teal',
  missed: 'orange',
  refused: 'red',
};

interface UpdateValues {
  status: ReferralStatus;
  appointmentAt: string;
  feedback: string;
}

function UpdateReferralModal({
  referral,
  onClose,
  onChanged,
}: {
  referral: Referral;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateReferral();
  const form = useForm<UpdateValues>({
    initialValues: {
      status: referral.status,
      appointmentAt: toLocalInput(referral.appointmentAt),
      feedback: referral.feedback ?? '',
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(
    form,
    samePathIn(['status', 'appointmentAt', 'feedback']),
  );

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const input = {
      id: referral.id,
      version: referral.version,
      status: values.status,
      appointmentAt: fromLocalInput(values.appointmentAt)?.toISOString() ?? null,
      feedback: values.feedback.trim() || null,
    };
    const errors = schemaErrors(CONTRACT['directory.updateReferral'].input, input, t);
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    update.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('referrals.updated') });
        onChanged();
        onClose();
      },
      onError: (err) => {
        const error = apiErrorOf(err);
        if (error.code === 'conflict') onChanged();
        fail(err);
      },
    });
  });

  return (
    <Modal opened onClose={onClose} title={t('referrals.updateTitle', { name: referral.entryName })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} conflict={{ text: t('referrals.conflict') }} />
          <Select
            label={t('referrals.status')}
            allowDeselect={false}
            data-autofocus
            data={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`catalogue.referralStatuses.${s}`) }))}
            value={form.values.status}
            onChange={(v) => isReferralStatus(v) && form.setFieldValue('status', v)}
          />
          <TextInput
            type="datetime-local"
            label={t('referrals.appointmentAt')}
            {...form.getInputProps('appointmentAt')}
          />
          <Textarea
            label={t('referrals.feedback')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('feedback')}
          />
          <FormActions
            submitLabel={t('app.save')}
            onCancel={onClose}
            pending={update.isPending}
            submitDisabled={failure?.code === 'conflict'}
          />
        </Stack>
      </form>
    </Modal>
  );
}

export function ReferralList({
  referrals,
  onChanged,
  readOnly = false,
}: {
  referrals: Referral[];
  onChanged: () => void;
  /** The dossier's gate may allow reading without writing. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [editing, setEditing] = useState<Referral | null>(null);
  const paged = usePaged(referrals, 10);

  if (referrals.length === 0) return <Text c="dimmed">{t('referrals.empty')}</Text>;

  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('referrals.entry')}</Table.Th>
              <Table.Th>{t('referrals.reason')}</Table.Th>
              <Table.Th>{t('referrals.status')}</Table.Th>
              <Table.Th>{t('referrals.feedback')}</Table.Th>
              {!readOnly && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paged.shown.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text fw={600}>{r.entryName}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`catalogue.directoryCategories.${r.entryCategory}`)} ·{' '}
                    {t('referrals.referredOn', { date: formatDay(r.referredAt) })}
                    {r.authorName ? ` ${t('referrals.by', { name: r.authorName })}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {r.reason}
                  </Text>
                  {r.overrideReason && (
                    <Text size="xs" c="orange.8" mt={4}>
                      {t('referrals.withoutConsent', { reason: r.overrideReason })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[r.status]} variant="light" tt="none">
                    {t(`catalogue.referralStatuses.${r.status}`)}
                  </Badge>
                  {r.appointmentAt && (
                    <Text size="xs" mt={4}>
                      {t('referrals.appointmentOn', { date: formatDateTime(r.appointmentAt, lng) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {r.feedback ?? t('app.none')}
                  </Text>
                </Table.Td>
                {!readOnly && (
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => setEditing(r)}
                      aria-label={`${t('referrals.update')} — ${r.entryName}`}
                    >
                      {t('referrals.update')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PagedFooter paged={paged} />
      {editing && (
        <UpdateReferralModal referral={editing} onClose={() => setEditing(null)} onChanged={onChanged} />
      )}
    </>
  );
}
