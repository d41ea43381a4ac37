/**
 * Recording a vaccine dose: the vaccine, the date (today by default), the lot as written on the box,
 * who gave it (the signed-in carer by default). The dose number and the next dose due are computed
 * by the core; the form says which course the dose goes into. Every rule it can check from the
 * tab's courses (a date that exists and is not in the future, a second dose the same day, too early
 * for the schedule, a schedule already complete, a lot given and short enough) is shown next to its
 * field before sending, and the core's refusal of any of them lands there too.
 */
import { Checkbox, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { VaccineCourse } from '../../../shared/contract/vaccinations';
import { VACCINE_CODES } from '../../../shared/domain/clinical-catalogues';
import { dosesNeeded } from '../../../shared/domain/schedules';
import { VACCINE_LOT_MAX } from '../../../shared/domain/vaccinations';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { useSignedIn } from '../persons/use-signed-in';
import { formatDay, workstationToday } from '../prep/dates';
import { useCarers, useGiveDose, useVaccineCatalogue } from './api';
import { courseFor, doseProblems, type DoseValues } from './dose-rules';

const isVaccine = oneOf(VACCINE_CODES);
const FIELDS = ['vaccineCode', 'givenOn', 'lot', 'givenBy', 'smallpoxVaccinated'];
/** Who may have given a vaccine: the roles that write the vaccines section. */
const VACCINATING_ROLES = new Set(['nurse', 'doctor']);

export function DoseForm({
  personId,
  courses,
  initialVaccine,
  onDone,
}: {
  personId: string;
  courses: readonly VaccineCourse[];
  initialVaccine?: VaccineDoseCode;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const me = session.state.user;
  const give = useGiveDose();
  const carers = useCarers();
  const catalogue = useVaccineCatalogue();
  const form = useForm<DoseValues>({
    initialValues: {
      vaccineCode: initialVaccine ?? 'hpv',
      givenOn: workstationToday(),
      lot: '',
      givenBy: me.id,
      smallpoxVaccinated: false,
    },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => (FIELDS.includes(f) ? f : null));
  const { open } = courseFor(courses, form.values.vaccineCode);
  const schedule = catalogue.data?.[form.values.vaccineCode] ?? null;
  const carerOptions = [
    { value: me.id, label: me.displayName },
    ...(carers.data ?? [])
      .filter((c) => c.id !== me.id && c.roles.some((r) => VACCINATING_ROLES.has(r)))
      .map((c) => ({ value: c.id, label: c.displayName })),
  ];

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const problems = doseProblems(values, courses, workstationToday());
    if (problems.length > 0) {
      const errors: Record<string, string> = {};
      for (const p of problems)
        errors[p.field] ??=
          p.reason === 'required'
            ? t('validation.required')
            : p.reason === 'too_big_string'
              ? t('validation.too_big_string', { maximum: VACCINE_LOT_MAX })
              : t(`validation.reason.${p.reason}`);
      form.setErrors(errors);
      return;
    }
    give.mutate(
      {
        personId,
        vaccineCode: values.vaccineCode,
        givenOn: values.givenOn,
        lot: values.lot,
        givenBy: values.givenBy,
        siteId: session.currentSiteId ?? undefined,
        smallpoxVaccinated: !open && values.vaccineCode === 'mpox' && values.smallpoxVaccinated,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('vaccinations.form.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('vaccinations.form.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <Select
            label={t('vaccinations.form.vaccine')}
            allowDeselect={false}
            data={VACCINE_CODES.map((code) => ({ value: code, label: t(`vaccinations.vaccines.${code}`) }))}
            value={form.values.vaccineCode}
            onChange={(v) => isVaccine(v) && form.setFieldValue('vaccineCode', v)}
            error={form.errors.vaccineCode}
            data-autofocus
          />
          <Text size="sm" c="dimmed" aria-live="polite">
            {open && open.nextDose && open.nextDueOn
              ? t('vaccinations.form.continues', { dose: open.nextDose, date: formatDay(open.nextDueOn) })
              : schedule
                ? t('vaccinations.form.starts', {
                    total: dosesNeeded(schedule, { smallpoxVaccinated: form.values.smallpoxVaccinated }),
                  })
                : null}
          </Text>
          <TextInput
            type="date"
            label={t('vaccinations.form.givenOn')}
            required
            max={workstationToday()}
            {...form.getInputProps('givenOn')}
          />
          <TextInput
            label={t('vaccinations.form.lot')}
            description={t('vaccinations.form.lotHint')}
            required
            {...form.getInputProps('lot')}
          />
          <Select
            label={t('vaccinations.form.givenBy')}
            allowDeselect={false}
            data={carerOptions}
            value={form.values.givenBy}
            onChange={(v) => v && form.setFieldValue('givenBy', v)}
            error={form.errors.givenBy}
          />
          {!open && form.values.vaccineCode === 'mpox' && (
            <Checkbox
              label={t('vaccinations.form.smallpox')}
              {...form.getInputProps('smallpoxVaccinated', { type: 'checkbox' })}
            />
          )}
          <FormActions submitLabel={t('vaccinations.form.save')} onCancel={onDone} pending={give.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

type VaccineDoseCode = DoseValues['vaccineCode'];
