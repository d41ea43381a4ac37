/**
 * The collective workshops to come (every carer sees them and their free seats); the coordination
 * creates and edits them: site, specialty, start and end, capacity, facilitator.
 */
import {
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT } from '../../../shared/contract';
import type { Workshop } from '../../../shared/contract/waiting-lists';
import { useDirtyGuard } from '../../app/dirty-forms';
import { samePathIn, schemaErrors } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { fromLocalInput, orNull, toLocalInput } from '../../app/form-values';
import { PageTitle } from '../../app/list-page';
import { QueryError } from '../../app/QueryError';
import { currentLanguage } from '../../i18n/setup';
import { formatDateTime } from '../../i18n/dates';
import { useProfessionals } from '../appointments/api';
import { useSiteOptions } from '../centre/site-options';
import { useSignedIn } from '../persons/use-signed-in';
import { useSaveWorkshop, useSpecialties, useWorkshops } from './api';

const FIELDS = ['siteId', 'specialty', 'title', 'startsAt', 'endsAt', 'capacity', 'facilitatorId'];

interface Values {
  siteId: string;
  specialty: string;
  title: string;
  startsAt: string;
  endsAt: string;
  capacity: number | string;
  facilitatorId: string;
}

export function WorkshopForm({ workshop, onDone }: { workshop: Workshop | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveWorkshop();
  const specialties = useSpecialties();
  const sites = useSiteOptions();
  const form = useForm<Values>({
    initialValues: {
      siteId: workshop?.siteId ?? sites.options[0]?.value ?? '',
      specialty: workshop?.specialty ?? '',
      title: workshop?.title ?? '',
      startsAt: toLocalInput(workshop?.startsAt),
      endsAt: toLocalInput(workshop?.endsAt),
      capacity: workshop?.capacity ?? 8,
      facilitatorId: workshop?.facilitatorId ?? '',
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, samePathIn(FIELDS));
  const professionals = useProfessionals(form.values.siteId || null);

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const input = {
      ...(workshop ? { id: workshop.id, version: workshop.version } : {}),
      siteId: values.siteId,
      specialty: values.specialty,
      title: orNull(values.title),
      startsAt: fromLocalInput(values.startsAt)?.toISOString() ?? '',
      endsAt: fromLocalInput(values.endsAt)?.toISOString() ?? '',
      capacity: typeof values.capacity === 'number' ? values.capacity : Number.NaN,
      facilitatorId: values.facilitatorId,
    };
    const errors = schemaErrors(CONTRACT['waitingLists.saveWorkshop'].input, input, t);
    if (!values.specialty) errors.specialty = t('validation.required');
    if (!values.facilitatorId) errors.facilitatorId = t('validation.required');
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    save.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('waitingLists.workshops.saved') });
        onDone();
      },
      onError: fail,
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormFailure failure={failure} />
        <NativeSelect
          label={t('waitingLists.fields.site')}
          required
          data={sites.options.filter((s) => s.active).map((s) => ({ value: s.value, label: s.label }))}
          {...form.getInputProps('siteId')}
        />
        <NativeSelect
          label={t('waitingLists.fields.specialty')}
          required
          data={[{ value: '', label: '—' }, ...specialties.active]}
          {...form.getInputProps('specialty')}
        />
        <TextInput label={t('waitingLists.fields.title')} maxLength={120} {...form.getInputProps('title')} />
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label={t('waitingLists.fields.startsAt')}
            required
            {...form.getInputProps('startsAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('waitingLists.fields.endsAt')}
            required
            {...form.getInputProps('endsAt')}
          />
        </Group>
        <NumberInput
          label={t('waitingLists.fields.capacity')}
          required
          min={1}
          max={200}
          allowDecimal={false}
          {...form.getInputProps('capacity')}
        />
        <NativeSelect
          label={t('waitingLists.fields.facilitator')}
          required
          data={[
            { value: '', label: '—' },
            ...(professionals.data ?? []).map((p) => ({ value: p.id, label: p.displayName })),
          ]}
          {...form.getInputProps('facilitatorId')}
        />
        <FormActions submitLabel={t('app.save')} onCancel={onDone} pending={save.isPending} />
      </Stack>
    </form>
  );
}

export function WorkshopsPage() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const { user } = useSignedIn().state;
  const canManage = user.permissions.includes('centre.manage');
  const specialties = useSpecialties();
  const sites = useSiteOptions();
  const workshops = useWorkshops({});
  const [editing, setEditing] = useState<Workshop | 'new' | null>(null);
  return (
    <Stack maw={1100}>
      <PageTitle
        title={t('waitingLists.workshops.title')}
        intro={t('waitingLists.panelTitle')}
        action={
          canManage && <Button onClick={() => setEditing('new')}>{t('waitingLists.workshops.new')}</Button>
        }
      />
      {workshops.isError && <QueryError error={workshops.error} onRetry={() => void workshops.refetch()} />}
      {workshops.data?.items.length === 0 && <Text c="dimmed">{t('waitingLists.workshops.empty')}</Text>}
      {workshops.data && workshops.data.items.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('waitingLists.fields.startsAt')}</Table.Th>
              <Table.Th>{t('waitingLists.fields.specialty')}</Table.Th>
              <Table.Th>{t('waitingLists.fields.title')}</Table.Th>
              <Table.Th>{t('waitingLists.fields.site')}</Table.Th>
              <Table.Th>{t('waitingLists.fields.facilitator')}</Table.Th>
              <Table.Th>{t('waitingLists.fields.capacity')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {workshops.data.items.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td>{formatDateTime(w.startsAt, lng)}</Table.Td>
                <Table.Td>{specialties.labelOf(w.specialty)}</Table.Td>
                <Table.Td>{w.title}</Table.Td>
                <Table.Td>{sites.codeOf(w.siteId)}</Table.Td>
                <Table.Td>{w.facilitatorName}</Table.Td>
                <Table.Td>
                  {t('waitingLists.seats', { booked: w.booked, capacity: w.capacity })}
                  {w.booked >= w.capacity ? ` · ${t('waitingLists.full')}` : ''}
                </Table.Td>
                <Table.Td>
                  {canManage && (
                    <Button size="xs" variant="default" onClick={() => setEditing(w)}>
                      {t('waitingLists.workshops.edit')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <Modal
          opened
          onClose={() => setEditing(null)}
          title={t('waitingLists.workshops.formTitle')}
          size="lg"
        >
          <WorkshopForm workshop={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        </Modal>
      )}
    </Stack>
  );
}
