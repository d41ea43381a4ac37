/**
 * The community interview (entretien en santé sexuelle), step 3 of the pathway. A last risk less
 * than 72 hours before the interview raises the PEP alert while typing, before anything is saved.
 * The summary for the doctor is what the consultation starts from: it has the prominent place.
 * Opening the form changes nothing on the visit; "Cancel" on an interview this user started from
 * the waiting queue puts the visit back there (`visits.cancelStep`); saving proposes the next step
 * from the needs ticked, accepted with Enter.
 */
import { Alert, Button, Card, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { confirmDiscard, useDirtyGuard } from '../../app/dirty-forms';
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
import { useSignedIn } from '../persons/use-signed-in';
import { useCancelStep, useMoveVisit } from '../visits/api';
import { apiErrorOf } from '../../api/client';
import { errorText } from '../../i18n/error-text';
import type { InterviewNeed } from '../../../shared/domain/catalogues';
import { useSaveInterview } from './api';
import { INTERVIEW_STEPS, proposedStep, type ProposedStep } from './next-step';
import { InterviewFields } from './InterviewFields';
import {
  emptyInterview,
  interviewFormPath,
  interviewInput,
  interviewValues,
  type InterviewFormValues,
} from './interview-values';
import { ReferButton } from '../waiting-lists/ReferButton';

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
  const cancelStep = useCancelStep();
  const navigate = useNavigate();
  const me = useSignedIn().state.user.id;
  const [version, setVersion] = useState(existing?.version);
  const [proposal, setProposal] = useState<{ step: ProposedStep; needs: InterviewNeed[] } | null>(null);
  const form = useForm<InterviewFormValues>({
    initialValues: existing ? interviewValues(existing) : emptyInterview(new Date()),
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, interviewFormPath);
  const visit = visitId ? visits.find((v) => v.id === visitId) : undefined;
  // After a save, or once the user agreed to lose what was typed, the way out does not ask again.
  const toDossier = () =>
    void navigate({ ...personLinks.dossier(person.id, 'interviews'), ignoreBlocker: true });
  // This user started this interview (called the person in) and nothing is saved yet: cancelling
  // the form undoes the call, so nobody stays "in interview" with a form that was abandoned.
  const startedByMe = !existing && visit?.step === 'in_interview' && visit.withUserId === me;

  async function cancel() {
    // Asked before the visit goes back to the queue, not after.
    if (!(await confirmDiscard('leave'))) return;
    if (!visit || !startedByMe) return toDossier();
    cancelStep.mutate(
      { visitId: visit.id, version: visit.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('interviews.cancelled') });
          toDossier();
        },
        onError: (err) => notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) }),
      },
    );
  }

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
        form.resetDirty();
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
        // The visit this interview belongs to, still at the interview: propose where it goes next.
        if (visit && !visit.closedAt && INTERVIEW_STEPS.includes(visit.step))
          setProposal({ step: proposedStep(saved.needs), needs: saved.needs });
        else toDossier();
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
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{existing ? t('interviews.editTitle') : t('interviews.newTitle')}</Title>
          <Text c="dimmed">
            {t('interviews.subtitle', { name: person.nameUsed, file: person.fileNumber })}
            {visit && ` · ${t('interviews.forVisit', { time: formatTime(visit.openedAt, lng) })}`}
          </Text>
        </div>
        {/* A specialist's waiting list, from the interview itself (its own form, its own save). */}
        <ReferButton personId={person.id} origin="interview" />
      </Group>
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
              onCancel={() => void cancel()}
              pending={save.isPending}
              busy={save.isPending || cancelStep.isPending}
            />
          </Card>
        </Stack>
      </form>
      {proposal && visitId && (
        <NextStepDialog
          proposal={proposal}
          // Read at the time of the answer: the save changed the visit (next steps, priority).
          currentVisit={() => visits.find((v) => v.id === visitId)}
          onDone={toDossier}
        />
      )}
    </Stack>
  );
}

/**
 * After the save: "send to <step>?" with the step proposed from the needs. The accept button has
 * the focus, so Enter sends; Escape or "Not now" leaves the visit where it is.
 */
function NextStepDialog({
  proposal,
  currentVisit,
  onDone,
}: {
  proposal: { step: ProposedStep; needs: InterviewNeed[] };
  currentVisit: () => Visit | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const move = useMoveVisit();
  const stepLabel = t(`catalogue.visitSteps.${proposal.step}`);

  function accept() {
    const visit = currentVisit();
    if (!visit || move.isPending) return;
    move.mutate(
      { visitId: visit.id, version: visit.version, step: proposal.step },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('interviews.nextStep.moved', { step: stepLabel }) });
          onDone();
        },
        onError: (err) => notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) }),
      },
    );
  }

  return (
    <Modal opened onClose={onDone} title={t('interviews.nextStep.title')} centered>
      <Stack>
        <Text>
          {proposal.needs.length > 0
            ? t('interviews.nextStep.fromNeeds', {
                needs: proposal.needs.map((n) => t(`catalogue.needs.${n}`)).join(', '),
              })
            : t('interviews.nextStep.noNeeds')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={move.isPending}>
            {t('interviews.nextStep.later')}
          </Button>
          <Button data-autofocus onClick={accept} loading={move.isPending}>
            {t('interviews.nextStep.accept', { step: stepLabel })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
