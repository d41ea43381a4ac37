/**
 * The Consultations tab (the doctor's) and the Specialist tab of a dossier: newest first, paged,
 * each consultation with its notes, its coded diagnoses and its prescription (printable).
 */
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consultation, SpecialistConsultation } from '../../../shared/contract/consultations';
import { apiErrorOf, callOrThrow } from '../../api/client';
import { useLongTask } from '../../app/long-task';
import { PagedFooter, usePaged } from '../../app/paging';
import { formatDateTime } from '../../i18n/dates';
import { errorText } from '../../i18n/error-text';
import { currentLanguage } from '../../i18n/setup';
import { diagnosisLabel, specialtyLabel } from '../clinical-catalogues/labels';
import { downloadPdf } from '../persons/download';
import { consultationLink } from './links';

const PAGE_SIZE = 5;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

function Notes({ c }: { c: SpecialistConsultation }) {
  const { t } = useTranslation();
  return (
    <>
      {(['reason', 'history', 'examination', 'conclusion'] as const).map((field) =>
        c[field] ? (
          <Field key={field} label={t(`consultations.fields.${field}`)}>
            {c[field]}
          </Field>
        ) : null,
      )}
    </>
  );
}

export function ConsultationsPanel({
  personId,
  consultations,
  canWrite,
  showEmpty,
}: {
  personId: string;
  consultations: Consultation[];
  canWrite: boolean;
  showEmpty: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const paged = usePaged(consultations, PAGE_SIZE);
  return (
    <Stack>
      {canWrite && (
        <Group justify="flex-end">
          <Button variant="light" onClick={() => void navigate(consultationLink(personId))}>
            {t('consultations.list.new')}
          </Button>
        </Group>
      )}
      {showEmpty && consultations.length === 0 && <Text c="dimmed">{t('consultations.list.none')}</Text>}
      {paged.shown.map((c) => (
        <ConsultationCard key={c.id} consultation={c} />
      ))}
      {consultations.length > PAGE_SIZE && <PagedFooter paged={paged} />}
    </Stack>
  );
}

function ConsultationCard({ consultation: c }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const printing = useLongTask(async () => {
    if (!c.prescription) return;
    try {
      downloadPdf(
        await callOrThrow('consultations.prescriptionPdf', {
          personId: c.personId,
          prescriptionId: c.prescription.id,
          locale: lng,
        }),
      );
    } catch (err) {
      notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) });
    }
  });
  return (
    <Card withBorder padding="md" component="article" aria-label={formatDateTime(c.heldAt, lng)}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {formatDateTime(c.heldAt, lng)}
            {c.authorName && ` · ${t('consultations.list.by', { name: c.authorName })}`}
          </Text>
          {!c.endedAt && (
            <Badge variant="light" tt="none">
              {t('consultations.list.open')}
            </Badge>
          )}
        </Group>
        <Notes c={c} />
        {c.diagnoses.length > 0 && (
          <Field label={t('consultations.fields.diagnoses')}>
            {c.diagnoses.map((code) => `${code} — ${diagnosisLabel(t, { code })}`).join('\n')}
          </Field>
        )}
        {c.prescription && (
          <Group justify="space-between" align="flex-end">
            <Field label={t('consultations.prescription.title')}>
              {c.prescription.lines
                .map((l) => [l.drug, l.dose, l.frequency, l.duration].join(' · '))
                .join('\n')}
            </Field>
            <Button size="xs" variant="light" onClick={() => printing.run()} loading={printing.running}>
              {t('consultations.prescription.print')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

export function SpecialistPanel({
  personId,
  consultations,
  canWrite,
  showEmpty,
}: {
  personId: string;
  consultations: SpecialistConsultation[];
  canWrite: boolean;
  showEmpty: boolean;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const navigate = useNavigate();
  const paged = usePaged(consultations, PAGE_SIZE);
  return (
    <Stack>
      {canWrite && (
        <Group justify="flex-end">
          <Button variant="light" onClick={() => void navigate(consultationLink(personId))}>
            {t('consultations.specialist.new')}
          </Button>
        </Group>
      )}
      {showEmpty && consultations.length === 0 && (
        <Text c="dimmed">{t('consultations.specialist.none')}</Text>
      )}
      {paged.shown.map((c) => (
        <Card key={c.id} withBorder padding="md" component="article">
          <Stack gap="xs">
            <Text fw={600}>
              {specialtyLabel(t, { code: c.kind })} · {formatDateTime(c.heldAt, lng)}
              {c.authorName && ` · ${t('consultations.list.by', { name: c.authorName })}`}
            </Text>
            <Notes c={c} />
          </Stack>
        </Card>
      ))}
      {consultations.length > PAGE_SIZE && <PagedFooter paged={paged} />}
    </Stack>
  );
}
