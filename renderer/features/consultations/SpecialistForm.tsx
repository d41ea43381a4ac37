/**
 * A specialist's consultation (section `specialist`): the specialty (from the centre's catalogue)
 * and the notes. The visit moves on from the board, as after any other step.
 */
import { Card, Fieldset, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT, type ChannelInput } from '../../../shared/contract';
import type { SpecialistConsultation } from '../../../shared/contract/consultations';
import type { Dossier } from '../../../shared/contract/dossier';
import type { Visit } from '../../../shared/contract/visits';
import type { CatalogueContent } from '../../../shared/domain/clinical-catalogues';
import { useDirtyGuard } from '../../app/dirty-forms';
import { schemaErrors } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { fromLocalInput, orNull, toLocalInput } from '../../app/form-values';
import { specialtyLabel } from '../clinical-catalogues/labels';
import { personLinks } from '../persons/links';
import { useSaveSpecialistConsultation } from './api';

interface SpecialistValues {
  kind: string;
  heldAt: string;
  reason: string;
  history: string;
  examination: string;
  conclusion: string;
}

const FIELDS = ['kind', 'heldAt', 'reason', 'history', 'examination', 'conclusion'];

export function SpecialistForm({
  dossier,
  visit,
  existing,
  specialties,
}: {
  dossier: Dossier;
  visit: Visit | null;
  existing: SpecialistConsultation | null;
  specialties: CatalogueContent['specialties'];
}) {
  const { t } = useTranslation();
  const { person } = dossier;
  const navigate = useNavigate();
  const save = useSaveSpecialistConsultation();
  const [version, setVersion] = useState(existing?.version);
  const [id, setId] = useState(existing?.id);
  const form = useForm<SpecialistValues>({
    initialValues: {
      kind: existing?.kind ?? '',
      heldAt: toLocalInput(existing ? new Date(existing.heldAt) : new Date()),
      reason: existing?.reason ?? '',
      history: existing?.history ?? '',
      examination: existing?.examination ?? '',
      conclusion: existing?.conclusion ?? '',
    },
  });
  useDirtyGuard(form.isDirty());
  const formPath = (field: string) => (FIELDS.includes(field) ? field : null);
  const { failure, setFailure, fail } = useFormFailure(form, formPath);
  const data = specialties
    .filter((s) => s.active || s.code === form.values.kind)
    .map((s) => ({ value: s.code, label: specialtyLabel(t, s) }));

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const input: ChannelInput<'consultations.saveSpecialist'> = {
      personId: person.id,
      visitId: visit?.id ?? null,
      ...(id ? { id, version } : {}),
      kind: values.kind,
      heldAt: fromLocalInput(values.heldAt)?.toISOString() ?? values.heldAt,
      reason: orNull(values.reason),
      history: orNull(values.history),
      examination: orNull(values.examination),
      conclusion: orNull(values.conclusion),
    };
    const errors = schemaErrors(CONTRACT['consultations.saveSpecialist'].input, input, t, (p) =>
      FIELDS.includes(p),
    );
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    save.mutate(input, {
      onSuccess: (saved) => {
        setId(saved.id);
        setVersion(saved.version);
        form.resetDirty();
        notifications.show({ color: 'teal', message: t('consultations.specialist.saved') });
        void navigate({ ...personLinks.dossier(person.id, 'specialist'), ignoreBlocker: true });
      },
      onError: fail,
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormFailure failure={failure} conflict={{ title: t('consultations.conflictTitle') }} />
        <Fieldset legend={t('consultations.specialist.title')}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('consultations.fields.kind')}
                data={data}
                required
                searchable
                {...form.getInputProps('kind')}
                onChange={(v) => form.setFieldValue('kind', v ?? '')}
              />
              <TextInput
                type="datetime-local"
                label={t('consultations.fields.heldAt')}
                required
                {...form.getInputProps('heldAt')}
              />
            </SimpleGrid>
            {(['reason', 'history', 'examination', 'conclusion'] as const).map((field) => (
              <Textarea
                key={field}
                label={t(`consultations.fields.${field}`)}
                autosize
                minRows={2}
                {...form.getInputProps(field)}
              />
            ))}
          </Stack>
        </Fieldset>
        <Card withBorder>
          <FormActions
            submitLabel={t('consultations.specialist.save')}
            onCancel={() => void navigate(personLinks.dossier(person.id, 'specialist'))}
            pending={save.isPending}
          />
        </Card>
      </Stack>
    </form>
  );
}
