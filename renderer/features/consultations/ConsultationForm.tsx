/**
 * The doctor's consultation form. "Enregistrer" saves (the ticked tests become samples to take and
 * the boxes are cleared); "Terminer la consultation" asks the next step (nurse, specialist, done)
 * and saves and moves the visit in one call. Every refusal lands next to its field, what was typed
 * is kept.
 */
import { Button, Card, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT } from '../../../shared/contract';
import {
  CONSULTATION_NEXT_STEPS,
  type Consultation,
  type Prescription,
} from '../../../shared/contract/consultations';
import type { Dossier } from '../../../shared/contract/dossier';
import type { Visit } from '../../../shared/contract/visits';
import { apiErrorOf, callOrThrow } from '../../api/client';
import { useDirtyGuard } from '../../app/dirty-forms';
import { schemaErrors } from '../../app/form-errors';
import { FormFailure, useFormFailure } from '../../app/form-failure';
import { useLongTask } from '../../app/long-task';
import { errorText } from '../../i18n/error-text';
import { currentLanguage } from '../../i18n/setup';
import { downloadPdf } from '../persons/download';
import { personLinks } from '../persons/links';
import { useEndConsultation, useSaveConsultation } from './api';
import { ConsultationFields, type ConsultationCatalogues } from './ConsultationFields';
import { PrepLinkField } from './PrepLinkField';
import {
  consultationFormPath,
  consultationFormProblems,
  consultationInput,
  consultationValues,
  emptyConsultation,
  type ConsultationFormValues,
} from './consultation-values';

type NextStep = (typeof CONSULTATION_NEXT_STEPS)[number];

export function ConsultationForm({
  dossier,
  visit,
  existing,
  catalogues,
  prepEpisodeId = null,
}: {
  dossier: Dossier;
  visit: Visit | null;
  existing: Consultation | null;
  catalogues: ConsultationCatalogues;
  /** Opened from the PrEP tab: a new prescription is that episode's. */
  prepEpisodeId?: string | null;
}) {
  const { t } = useTranslation();
  const { person } = dossier;
  const navigate = useNavigate();
  const save = useSaveConsultation();
  const end = useEndConsultation();
  const [saved, setSaved] = useState<{
    id: string;
    version: number;
    prescription: Prescription | null;
  } | null>(
    existing ? { id: existing.id, version: existing.version, prescription: existing.prescription } : null,
  );
  const [ending, setEnding] = useState(false);
  const form = useForm<ConsultationFormValues>({
    initialValues: existing ? consultationValues(existing) : emptyConsultation(new Date(), prepEpisodeId),
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, consultationFormPath);
  // An ended consultation re-opened later does not move a visit that has gone on elsewhere.
  const canEnd =
    visit !== null &&
    visit.closedAt === null &&
    (!existing?.endedAt || visit.step === 'waiting_doctor' || visit.step === 'with_doctor');
  const busy = save.isPending || end.isPending;

  /** The input, or null when the contract refuses it here (the errors are then next to the fields). */
  function checkedInput(values: ConsultationFormValues) {
    setFailure(null);
    const input = consultationInput(values, {
      personId: person.id,
      visitId: visit?.id ?? null,
      id: saved?.id,
      version: saved?.version,
    });
    const errors: Record<string, string> = {};
    for (const [path, reason] of Object.entries(consultationFormProblems(values)))
      errors[path] = t(`validation.${reason}`);
    for (const [path, message] of Object.entries(
      schemaErrors(CONTRACT['consultations.save'].input, input, t),
    )) {
      const target = consultationFormPath(path);
      if (target && !(target in errors)) errors[target] = message;
    }
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return null;
    }
    return input;
  }

  function afterSave(consultation: Consultation, ordered: number) {
    setSaved({ id: consultation.id, version: consultation.version, prescription: consultation.prescription });
    // The ticked tests are samples now (the Tests tab): the boxes are for new orders.
    form.setFieldValue('tests', []);
    form.resetDirty();
    if (ordered > 0)
      notifications.show({ color: 'teal', message: t('consultations.ordered', { count: ordered }) });
  }

  const submit = form.onSubmit((values) => {
    const input = checkedInput(values);
    if (!input) return;
    save.mutate(input, {
      onSuccess: ({ consultation, ordered }) => {
        afterSave(consultation, ordered.length);
        notifications.show({ color: 'teal', message: t('consultations.saved') });
      },
      onError: fail,
    });
  });

  function endWith(nextStep: NextStep) {
    const input = checkedInput(form.values);
    setEnding(false);
    if (!input || !visit) return;
    end.mutate(
      { ...input, visitId: visit.id, nextStep },
      {
        onSuccess: ({ consultation, ordered }) => {
          afterSave(consultation, ordered.length);
          notifications.show({
            color: 'teal',
            message: t('consultations.ended', { step: t(`consultations.nextSteps.${nextStep}`) }),
          });
          void navigate({ ...personLinks.dossier(person.id, 'consultations'), ignoreBlocker: true });
        },
        onError: fail,
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormFailure failure={failure} conflict={{ title: t('consultations.conflictTitle') }} />
        {(visit === null || visit.closedAt !== null) && (
          <Text size="sm" c="dimmed">
            {t('consultations.noVisit')}
          </Text>
        )}
        <ConsultationFields form={form} catalogues={catalogues} />
        <PrepLinkField form={form} dossier={dossier} autoTick={!existing?.prescription} />
        <Card withBorder>
          <Group justify="space-between">
            <PrintButton
              personId={person.id}
              prescription={saved?.prescription ?? null}
              dirty={form.isDirty()}
            />
            <Group>
              <Button
                type="submit"
                variant={canEnd ? 'default' : 'filled'}
                loading={save.isPending}
                disabled={busy}
              >
                {t('consultations.save')}
              </Button>
              {canEnd && (
                <Button onClick={() => setEnding(true)} loading={end.isPending} disabled={busy}>
                  {t('consultations.end')}
                </Button>
              )}
            </Group>
          </Group>
        </Card>
      </Stack>
      {ending && <EndDialog onCancel={() => setEnding(false)} onEnd={endWith} />}
    </form>
  );
}

/** "Terminer la consultation": where the visit goes next; Enter confirms the step chosen. */
function EndDialog({ onCancel, onEnd }: { onCancel: () => void; onEnd: (step: NextStep) => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<NextStep>('waiting_nurse');
  return (
    <Modal opened onClose={onCancel} title={t('consultations.endTitle')} centered>
      <Stack>
        <Text size="sm">{t('consultations.endHelp')}</Text>
        <Radio.Group
          label={t('consultations.nextStep')}
          value={step}
          onChange={(v) => setStep(CONSULTATION_NEXT_STEPS.find((s) => s === v) ?? 'waiting_nurse')}
        >
          <Stack gap={6} mt={6}>
            {CONSULTATION_NEXT_STEPS.map((s) => (
              <Radio key={s} value={s} label={t(`consultations.nextSteps.${s}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('app.cancel')}
          </Button>
          <Button data-autofocus onClick={() => onEnd(step)}>
            {t('consultations.end')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The saved prescription, printed by the core (an audited read); unsaved changes are saved first. */
function PrintButton({
  personId,
  prescription,
  dirty,
}: {
  personId: string;
  prescription: Prescription | null;
  dirty: boolean;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const printing = useLongTask(async () => {
    if (!prescription) return;
    try {
      downloadPdf(
        await callOrThrow('consultations.prescriptionPdf', {
          personId,
          prescriptionId: prescription.id,
          locale: lng,
        }),
      );
    } catch (err) {
      notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) });
    }
  });
  if (!prescription) return <span />;
  return (
    <Button
      variant="light"
      onClick={() => printing.run()}
      loading={printing.running}
      disabled={dirty}
      title={dirty ? t('consultations.prescription.saveFirst') : undefined}
    >
      {t('consultations.prescription.print')}
    </Button>
  );
}
