/**
 * The vaccines tab: the dose due alert, the certificate, "record a dose", then each course (newest
 * first) with its state, its doses (number, date, lot, who gave it) and its next dose due.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Modal,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert as DossierAlert } from '../../../shared/contract/dossier';
import type { VaccineCourse } from '../../../shared/contract/vaccinations';
import type { VaccineCode } from '../../../shared/domain/clinical-catalogues';
import { parseCalendarDate } from '../../../shared/domain/schedules';
import { VACCINE_STOP_REASON_MAX, type VaccineCourseStatus } from '../../../shared/domain/vaccinations';
import { callOrThrow, apiErrorOf } from '../../api/client';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { errorText } from '../../i18n/error-text';
import { currentLanguage } from '../../i18n/setup';
import { downloadPdf } from '../persons/download';
import { formatDay, workstationToday } from '../prep/dates';
import { useStopCourse } from './api';
import { DoseForm } from './DoseForm';

const STATUS_COLOR: Record<VaccineCourseStatus, string> = {
  in_progress: 'blue',
  complete: 'teal',
  stopped: 'gray',
};

export function VaccinationsPanel({
  personId,
  courses,
  alerts,
  canWrite,
  showCertificate,
}: {
  personId: string;
  courses: readonly VaccineCourse[];
  alerts: readonly DossierAlert[];
  canWrite: boolean;
  /** The whole record is shown (not only the reader's own doses): the certificate may be printed. */
  showCertificate: boolean;
}) {
  const { t } = useTranslation();
  /** The dose form is open (on this vaccine, when opened from its course); false: closed. */
  const [giving, setGiving] = useState<VaccineCode | true | false>(false);
  const [stopping, setStopping] = useState<VaccineCourse | null>(null);
  const [printing, setPrinting] = useState(false);
  const due = alerts.find((a) => a.kind === 'vaccine_dose_due');

  async function certificate() {
    setPrinting(true);
    try {
      downloadPdf(await callOrThrow('vaccinations.certificatePdf', { personId, locale: currentLanguage() }));
      notifications.show({ color: 'teal', message: t('vaccinations.tab.certificateDone') });
    } catch (err) {
      notifications.show({ color: 'red', message: errorText(t, apiErrorOf(err)) });
    } finally {
      setPrinting(false);
    }
  }

  return (
    <Stack>
      {due?.dueOn && (
        <Alert color="orange" role="alert">
          {t('vaccinations.tab.dueAlert', { date: formatDay(due.dueOn) })}
        </Alert>
      )}
      <Group>
        {canWrite && <Button onClick={() => setGiving(true)}>{t('vaccinations.tab.giveDose')}</Button>}
        {showCertificate && courses.length > 0 && (
          <Button variant="default" loading={printing} onClick={() => void certificate()}>
            {t('vaccinations.tab.certificate')}
          </Button>
        )}
      </Group>
      {courses.length === 0 && <Text c="dimmed">{t('vaccinations.tab.empty')}</Text>}
      {courses.map((course) => (
        <CourseCard
          key={course.id}
          course={course}
          onStop={canWrite && course.status === 'in_progress' ? () => setStopping(course) : null}
          onGive={
            canWrite &&
            (course.status === 'in_progress' || (course.status === 'complete' && course.nextDueOn))
              ? () => setGiving(course.vaccineCode)
              : null
          }
        />
      ))}
      {giving && (
        <DoseForm
          personId={personId}
          courses={courses}
          initialVaccine={giving === true ? undefined : giving}
          onDone={() => setGiving(false)}
        />
      )}
      {stopping && <StopCourseModal course={stopping} onDone={() => setStopping(null)} />}
    </Stack>
  );
}

function CourseCard({
  course,
  onStop,
  onGive,
}: {
  course: VaccineCourse;
  onStop: (() => void) | null;
  onGive: (() => void) | null;
}) {
  const { t } = useTranslation();
  const vaccine = t(`vaccinations.vaccines.${course.vaccineCode}`);
  return (
    <Card withBorder padding="md" component="section" aria-label={vaccine}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>{vaccine}</Text>
            <Badge color={STATUS_COLOR[course.status]} tt="none">
              {t(`vaccinations.statuses.${course.status}`)}
            </Badge>
            {course.variant && (
              <Badge variant="outline" tt="none">
                {t(`vaccinations.variants.${course.variant}`)}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            {onGive && course.nextDose && (
              <Button size="xs" variant="light" onClick={onGive}>
                {course.status === 'complete'
                  ? t('vaccinations.tab.giveBooster')
                  : t('vaccinations.tab.giveNext', { dose: course.nextDose })}
              </Button>
            )}
            {onStop && (
              <Button size="xs" variant="subtle" color="gray" onClick={onStop}>
                {t('vaccinations.tab.stop')}
              </Button>
            )}
          </Group>
        </Group>
        <Text size="sm">
          {t('vaccinations.tab.started', { date: formatDay(course.startedOn) })}
          {course.status === 'in_progress' &&
            course.nextDose &&
            course.nextDueOn &&
            ` · ${t('vaccinations.tab.nextDose', { dose: course.nextDose, date: formatDay(course.nextDueOn) })}`}
          {course.status === 'complete' &&
            course.nextDueOn &&
            ` · ${t('vaccinations.tab.boosterDue', { date: formatDay(course.nextDueOn) })}`}
          {course.status === 'in_progress' &&
            course.earliestNextOn &&
            course.earliestNextOn !== course.nextDueOn &&
            ` (${t('vaccinations.tab.earliest', { date: formatDay(course.earliestNextOn) })})`}
        </Text>
        {course.stoppedOn && (
          <Text size="sm">
            {t('vaccinations.tab.stoppedOn', {
              date: formatDay(course.stoppedOn),
              reason: course.stopReason ?? '',
            })}
          </Text>
        )}
        <Table striped aria-label={vaccine}>
          <Table.Tbody>
            {course.doses.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  {t('vaccinations.tab.doseOf', { n: d.doseNumber, total: course.dosesNeeded })}
                </Table.Td>
                <Table.Td>
                  {t('vaccinations.tab.doseLine', {
                    date: formatDay(d.givenOn),
                    lot: d.lot,
                    who: d.givenByName ?? '',
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

function StopCourseModal({ course, onDone }: { course: VaccineCourse; onDone: () => void }) {
  const { t } = useTranslation();
  const stop = useStopCourse();
  const form = useForm({ initialValues: { stoppedOn: workstationToday(), reason: '' } });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) =>
    f === 'stoppedOn' || f === 'reason' ? f : null,
  );
  const submit = form.onSubmit((values) => {
    setFailure(null);
    const errors: Record<string, string> = {};
    if (!parseCalendarDate(values.stoppedOn)) errors.stoppedOn = t('validation.reason.invalid_date');
    else if (values.stoppedOn > workstationToday()) errors.stoppedOn = t('validation.reason.date_in_future');
    else if (values.stoppedOn < course.startedOn) errors.stoppedOn = t('validation.reason.before_start');
    if (values.reason.trim() === '') errors.reason = t('validation.reason.stop_reason_required');
    else if (values.reason.length > VACCINE_STOP_REASON_MAX)
      errors.reason = t('validation.too_big_string', { maximum: VACCINE_STOP_REASON_MAX });
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    stop.mutate(
      {
        personId: course.personId,
        courseId: course.id,
        stoppedOn: values.stoppedOn,
        reason: values.reason,
        version: course.version,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('vaccinations.stop.done') });
          onDone();
        },
        onError: fail,
      },
    );
  });
  return (
    <Modal opened onClose={onDone} title={t('vaccinations.stop.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <TextInput
            type="date"
            label={t('vaccinations.stop.stoppedOn')}
            required
            max={workstationToday()}
            {...form.getInputProps('stoppedOn')}
          />
          <Textarea
            label={t('vaccinations.stop.reason')}
            required
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <FormActions
            submitLabel={t('vaccinations.stop.confirm')}
            onCancel={onDone}
            pending={stop.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
