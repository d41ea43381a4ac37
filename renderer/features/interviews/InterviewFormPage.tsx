/**
 * The community interview (entretien en santé sexuelle), step 3 of the pathway. A last risk less
 * than 72 hours before the interview raises the PEP alert while typing, before anything is saved.
 * The summary for the doctor is what the consultation starts from: it has the prominent place.
 */
import { Alert, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT } from '../../../shared/contract';
import type { Dossier } from '../../../shared/contract/dossier';
import type { Visit } from '../../../shared/contract/visits';
import { useDossierSection } from '../persons/dossier/dossier-tab';
import type { Interview } from '../../../shared/contract/interviews';
import { PEP_WINDOW_HOURS } from '../../../shared/domain/catalogues';
import { schemaErrors } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { QueryError } from '../../app/QueryError';
import { currentLanguage } from '../../i18n/setup';
import { refreshPerson, useDossier } from '../persons/api';
import { formatTime, wholeHours } from '../persons/format';
import { personLinks } from '../persons/links';
import { useSaveInterview } from './api';
import { InterviewFields } from './InterviewFields';
import {
  emptyInterview,
  interviewFormPath,
  interviewInput,
  interviewValues,
  type InterviewFormValues,
} from './interview-values';

export function InterviewFormPage({
  personId,
  interviewId,
  visitId,
}: {
  personId: string;
  interviewId: string | null;
  visitId: string | null;
}) {
  const { t } = useTranslation();
  const dossier = useDossier(personId);
  // The interviews this user may see (an audited read), and the visits to attach the interview to.
  const interviews = useDossierSection('interviews.forPerson', personId);
  const visits = useDossierSection('visits.forPerson', personId);
  const failed = [dossier, interviews, visits].find((q) => q.isError);
  if (failed) return <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!dossier.data || !interviews.data || !visits.data) return <Loader />;
  const existing = interviewId ? interviews.data.items.find((i) => i.id === interviewId) : null;
  if (interviewId && !existing)
    return (
      <Alert color="yellow" role="status">
        {t('interviews.notVisible')}
      </Alert>
    );
  return (
    <InterviewForm
      key={existing?.id ?? 'new'}
      dossier={dossier.data}
      visits={visits.data.items}
      existing={existing ?? null}
      visitId={visitId ?? existing?.visitId ?? null}
      reload={async () => (await interviews.refetch()).data?.items.find((i) => i.id === interviewId) ?? null}
    />
  );
}

function InterviewForm({
  dossier,
  visits,
  existing,
  visitId,
  reload,
}: {
  dossier: Dossier;
  visits: Visit[];
  existing: Interview | null;
  visitId: string | null;
  reload: () => Promise<Interview | null>;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const { person } = dossier;
  const save = useSaveInterview();
  const navigate = useNavigate();
  const [version, setVersion] = useState(existing?.version);
  const form = useForm<InterviewFormValues>({
    initialValues: existing ? interviewValues(existing) : emptyInterview(new Date()),
  });
  const { failure, setFailure, fail } = useFormFailure(form, interviewFormPath);
  const visit = visitId ? visits.find((v) => v.id === visitId) : undefined;

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const input = interviewInput(values, { personId: person.id, visitId, id: existing?.id, version });
    const errors: Record<string, string> = {};
    for (const [path, message] of Object.entries(schemaErrors(CONTRACT['interviews.save'].input, input, t))) {
      const target = interviewFormPath(path);
      if (target && !(target in errors)) errors[target] = message;
    }
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    save.mutate(input, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('interviews.saved') });
        if (saved.pepAlert)
          notifications.show({
            color: 'red',
            autoClose: false,
            title: t('interviews.pep.title'),
            message: t('interviews.pep.saved', {
              since: wholeHours(saved.hoursSinceRisk ?? 0, 'passed'),
              left: wholeHours(PEP_WINDOW_HOURS - (saved.hoursSinceRisk ?? 0), 'left'),
            }),
          });
        void navigate(personLinks.dossier(person.id, 'interviews'));
      },
      onError: fail,
    });
  });

  async function reloadInterview() {
    const fresh = await reload();
    if (!fresh) return;
    setVersion(fresh.version);
    form.setValues(interviewValues(fresh));
    form.resetDirty();
    setFailure(null);
    void refreshPerson(person.id);
  }

  return (
    <Stack maw={960}>
      <div>
        <Title order={1}>{existing ? t('interviews.editTitle') : t('interviews.newTitle')}</Title>
        <Text c="dimmed">
          {t('interviews.subtitle', { name: person.nameUsed, file: person.fileNumber })}
          {visit && ` · ${t('interviews.forVisit', { time: formatTime(visit.openedAt, lng) })}`}
        </Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure
            failure={failure}
            conflict={{ title: t('interviews.conflictTitle'), onReload: () => void reloadInterview() }}
          />
          <InterviewFields form={form} />
          <Card withBorder>
            <FormActions
              submitLabel={t('interviews.save')}
              onCancel={() => void navigate(personLinks.dossier(person.id, 'interviews'))}
              pending={save.isPending}
            />
          </Card>
        </Stack>
      </form>
    </Stack>
  );
}
