/**
 * The medical certificate of injuries, written by the examining doctor: when the examination took
 * place, at whose request (a requisition names its reference), how the identity was checked, the
 * person's statements (the hint reminds not to name the perpetrator), complaints, one row per
 * lesion (added and removed with the keyboard: each row is a fieldset with its own "remove"
 * button, and the first field of an added row takes the focus), other and psychological findings,
 * further examinations, the ITT. Saved as a draft; issuing is done from the list. Every rule the
 * form can check is shown next to its field before sending; the core's refusals land there too.
 */
import {
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { format } from 'date-fns';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '../../../shared/contract/violence';
import { CERTIFICATE_REQUESTERS, IDENTITY_CHECKS } from '../../../shared/domain/violence';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { workstationToday } from '../prep/dates';
import { useSaveCertificate } from './api';
import {
  certificateProblems,
  emptyLesion,
  examinedAtOf,
  ittOf,
  sizeOf,
  type CertificateValues,
} from './certificate-rules';

interface FormValues extends CertificateValues {
  statements: string;
  complaints: string;
  otherFindings: string;
  psychologicalFindings: string;
  furtherExams: string;
  ittReserved: boolean;
}

const isRequester = oneOf(CERTIFICATE_REQUESTERS);
const isIdentityCheck = oneOf(IDENTITY_CHECKS);

/** The core's field names → the form's (the instant is typed as a date and a time). */
function formPathOf(field: string): string | null {
  if (field === 'examinedAt') return 'examinedTime';
  if (field === 'doctorId' || field === 'certificateId' || field === 'replacesId') return null;
  return field;
}

function initialValues(from: Certificate | null): FormValues {
  const at = from ? new Date(from.examinedAt) : new Date();
  return {
    examinedOn: format(at, 'yyyy-MM-dd'),
    examinedTime: format(at, 'HH:mm'),
    requestedBy: from?.requestedBy ?? 'person',
    requisitionRef: from?.requisitionRef ?? '',
    identityCheck: from?.identityCheck ?? 'declared',
    identityDocument: from?.identityDocument ?? '',
    statements: from?.statements ?? '',
    complaints: from?.complaints ?? '',
    lesions: (from?.lesions ?? []).map((l) => ({
      region: l.region,
      kind: l.kind,
      sizeCm: l.sizeCm === null ? '' : String(l.sizeCm),
      description: l.description,
    })),
    otherFindings: from?.otherFindings ?? '',
    psychologicalFindings: from?.psychologicalFindings ?? '',
    furtherExams: from?.furtherExams ?? '',
    ittDays: from?.ittDays === null || from?.ittDays === undefined ? '' : String(from.ittDays),
    ittReserved: from?.ittReserved ?? true,
  };
}

export function CertificateForm({
  personId,
  incidentId,
  incidentOn,
  draft,
  replaces,
  onDone,
}: {
  personId: string;
  incidentId: string;
  /** The incident's date: an examination is not before it. */
  incidentOn: string;
  /** The draft continued, or null for a new certificate. */
  draft: Certificate | null;
  /** An issued certificate this new one corrects (its content is the starting point). */
  replaces?: Certificate | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCertificate();
  const form = useForm<FormValues>({ initialValues: initialValues(draft ?? replaces ?? null) });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, formPathOf);
  // The row just added takes the focus (its region), so the keyboard goes on where the eye is.
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const regions = useRef<Array<HTMLInputElement | null>>([]);
  useEffect(() => {
    if (focusRow !== null) regions.current[focusRow]?.focus();
  }, [focusRow]);

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const problems = certificateProblems(values, incidentOn, new Date());
    if (problems.length > 0) {
      const errors: Record<string, string> = {};
      for (const p of problems)
        errors[p.field] ??=
          p.reason === 'required' || p.reason === 'invalid_type'
            ? t(`validation.${p.reason}`)
            : t(`validation.reason.${p.reason}`);
      form.setErrors(errors);
      return;
    }
    const examinedAt = examinedAtOf(values);
    if (!examinedAt) return;
    save.mutate(
      {
        personId,
        incidentId,
        ...(draft ? { certificateId: draft.id, version: draft.version } : {}),
        replacesId: draft ? null : (replaces?.id ?? null),
        examinedAt: examinedAt.toISOString(),
        requestedBy: values.requestedBy,
        requisitionRef: values.requestedBy === 'requisition' ? values.requisitionRef : null,
        identityCheck: values.identityCheck,
        identityDocument: values.identityCheck === 'document' ? values.identityDocument : null,
        statements: values.statements,
        complaints: values.complaints,
        lesions: values.lesions.map((l) => ({
          region: l.region,
          kind: l.kind,
          sizeCm: sizeOf(l.sizeCm),
          description: l.description,
        })),
        otherFindings: values.otherFindings,
        psychologicalFindings: values.psychologicalFindings,
        furtherExams: values.furtherExams,
        ittDays: ittOf(values.ittDays),
        ittReserved: values.ittReserved,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('violence.certificate.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  function addLesion() {
    form.insertListItem('lesions', emptyLesion());
    setFocusRow(form.values.lesions.length);
  }

  return (
    <Modal opened onClose={onDone} title={t('violence.certificate.formTitle')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('violence.certificate.examinedOn')}
              required
              min={incidentOn}
              max={workstationToday()}
              data-autofocus
              {...form.getInputProps('examinedOn')}
            />
            <TextInput
              type="time"
              label={t('violence.certificate.examinedTime')}
              required
              {...form.getInputProps('examinedTime')}
            />
            <Select
              label={t('violence.certificate.requestedBy')}
              allowDeselect={false}
              data={CERTIFICATE_REQUESTERS.map((r) => ({ value: r, label: t(`violence.requesters.${r}`) }))}
              value={form.values.requestedBy}
              onChange={(v) => isRequester(v) && form.setFieldValue('requestedBy', v)}
            />
            {form.values.requestedBy === 'requisition' && (
              <TextInput
                label={t('violence.certificate.requisitionRef')}
                required
                {...form.getInputProps('requisitionRef')}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('violence.certificate.identityCheck')}
              allowDeselect={false}
              data={IDENTITY_CHECKS.map((c) => ({ value: c, label: t(`violence.identityChecks.${c}`) }))}
              value={form.values.identityCheck}
              onChange={(v) => isIdentityCheck(v) && form.setFieldValue('identityCheck', v)}
            />
            {form.values.identityCheck === 'document' && (
              <TextInput
                label={t('violence.certificate.identityDocument')}
                required
                {...form.getInputProps('identityDocument')}
              />
            )}
          </SimpleGrid>
          <Textarea
            label={t('violence.certificate.statements')}
            description={t('violence.certificate.statementsHint')}
            autosize
            minRows={3}
            {...form.getInputProps('statements')}
          />
          <Textarea
            label={t('violence.certificate.complaints')}
            autosize
            minRows={2}
            {...form.getInputProps('complaints')}
          />
          <Stack gap="xs">
            <Text fw={600}>{t('violence.certificate.lesions')}</Text>
            {form.values.lesions.map((_, i) => (
              <Fieldset
                key={i}
                legend={t('violence.certificate.lesionLegend', { n: i + 1 })}
                aria-label={t('violence.certificate.lesionLegend', { n: i + 1 })}
              >
                <Group align="flex-start" wrap="nowrap">
                  <SimpleGrid cols={{ base: 1, sm: 4 }} style={{ flex: 1 }}>
                    <TextInput
                      label={t('violence.certificate.region')}
                      required
                      ref={(el) => {
                        regions.current[i] = el;
                      }}
                      {...form.getInputProps(`lesions.${i}.region`)}
                    />
                    <TextInput
                      label={t('violence.certificate.kind')}
                      required
                      {...form.getInputProps(`lesions.${i}.kind`)}
                    />
                    <TextInput
                      label={t('violence.certificate.sizeCm')}
                      inputMode="decimal"
                      {...form.getInputProps(`lesions.${i}.sizeCm`)}
                    />
                    <TextInput
                      label={t('violence.certificate.description')}
                      {...form.getInputProps(`lesions.${i}.description`)}
                    />
                  </SimpleGrid>
                  <CloseButton
                    mt={24}
                    aria-label={t('violence.certificate.removeLesion', { n: i + 1 })}
                    onClick={() => {
                      form.removeListItem('lesions', i);
                      setFocusRow(null);
                    }}
                  />
                </Group>
              </Fieldset>
            ))}
            <Group>
              <Button variant="light" size="xs" onClick={addLesion}>
                {t('violence.certificate.addLesion')}
              </Button>
            </Group>
          </Stack>
          <Textarea
            label={t('violence.certificate.otherFindings')}
            autosize
            minRows={2}
            {...form.getInputProps('otherFindings')}
          />
          <Textarea
            label={t('violence.certificate.psychologicalFindings')}
            autosize
            minRows={2}
            {...form.getInputProps('psychologicalFindings')}
          />
          <Textarea
            label={t('violence.certificate.furtherExams')}
            autosize
            minRows={2}
            {...form.getInputProps('furtherExams')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('violence.certificate.ittDays')}
              description={t('violence.certificate.ittHint')}
              inputMode="numeric"
              {...form.getInputProps('ittDays')}
            />
            <Checkbox
              mt="xl"
              label={t('violence.certificate.ittReserved')}
              {...form.getInputProps('ittReserved', { type: 'checkbox' })}
            />
          </SimpleGrid>
          <FormActions
            submitLabel={t('violence.certificate.save')}
            onCancel={onDone}
            pending={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
