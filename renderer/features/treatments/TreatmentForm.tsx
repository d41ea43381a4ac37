/**
 * Giving the treatment of a positive: drug, dose and route pre-filled from the centre's catalogue
 * (editable), when (now by default) and who gave it (the signed-in carer by default). A missing
 * drug or dose, a time in the future or before the result is shown next to its field before
 * sending, and the core's refusal of any of them lands there too.
 */
import { Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ToTreat } from '../../../shared/contract/treatments';
import { ADMINISTRATION_ROUTES } from '../../../shared/domain/clinical-catalogues';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { fromLocalInput, oneOf } from '../../app/form-values';
import { useSignedIn } from '../persons/use-signed-in';
import { useCarers } from '../vaccinations/api';
import { useGiveTreatment } from './api';
import { treatmentDefaults, treatmentProblems, type TreatmentValues } from './treatment-rules';

const isRoute = oneOf(ADMINISTRATION_ROUTES);
const FIELDS = ['drug', 'dose', 'route', 'givenAt', 'givenBy'];
/** Who may have given a treatment: the roles that write the tests section. */
const TREATING_ROLES = new Set(['nurse', 'doctor']);

export function TreatmentForm({ item, onDone }: { item: ToTreat; onDone: () => void }) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const me = session.state.user;
  const give = useGiveTreatment();
  const carers = useCarers();
  const form = useForm<TreatmentValues>({ initialValues: treatmentDefaults(item, new Date(), me.id) });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => (FIELDS.includes(f) ? f : null));
  const carerOptions = [
    { value: me.id, label: me.displayName },
    ...(carers.data ?? [])
      .filter((c) => c.id !== me.id && c.roles.some((r) => TREATING_ROLES.has(r)))
      .map((c) => ({ value: c.id, label: c.displayName })),
  ];
  const infection = t(`clinicalCatalogues.infections.${item.infection}`);

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const problems = treatmentProblems(values, item, new Date());
    if (problems.length > 0) {
      const errors: Record<string, string> = {};
      for (const p of problems)
        errors[p.field] ??=
          p.reason === 'required'
            ? t('validation.required')
            : p.reason === 'too_big_string'
              ? t('validation.too_big_string', { maximum: p.field === 'drug' ? 100 : 60 })
              : t(`validation.reason.${p.reason}`);
      form.setErrors(errors);
      return;
    }
    give.mutate(
      {
        personId: item.personId,
        toTreatId: item.id,
        version: item.version,
        drug: values.drug,
        dose: values.dose,
        route: values.route,
        givenAt: fromLocalInput(values.givenAt)!.toISOString(),
        givenBy: values.givenBy,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('treatments.form.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} title={t('treatments.form.title', { infection })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          {item.defaults && (
            <Text size="sm" c="dimmed">
              {t('treatments.form.prefilled')}
            </Text>
          )}
          <TextInput
            label={t('treatments.form.drug')}
            required
            data-autofocus
            {...form.getInputProps('drug')}
          />
          <TextInput label={t('treatments.form.dose')} required {...form.getInputProps('dose')} />
          <Select
            label={t('treatments.form.route')}
            allowDeselect={false}
            data={ADMINISTRATION_ROUTES.map((r) => ({ value: r, label: t(`treatments.routes.${r}`) }))}
            value={form.values.route}
            onChange={(v) => isRoute(v) && form.setFieldValue('route', v)}
            error={form.errors.route}
          />
          <TextInput
            type="datetime-local"
            label={t('treatments.form.givenAt')}
            required
            {...form.getInputProps('givenAt')}
          />
          <Select
            label={t('treatments.form.givenBy')}
            allowDeselect={false}
            data={carerOptions}
            value={form.values.givenBy}
            onChange={(v) => v && form.setFieldValue('givenBy', v)}
            error={form.errors.givenBy}
          />
          <FormActions submitLabel={t('treatments.form.save')} onCancel={onDone} pending={give.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
