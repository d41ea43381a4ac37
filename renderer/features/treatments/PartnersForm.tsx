/**
 * The partners of a positive, listed pseudonymously: a pseudonym (no phone number, no e-mail,
 * at most 40 characters), who notifies them, and their status, which only moves forward
 * (to notify → notified → tested → treated; a step may be skipped). Each rule is shown next to its
 * line's field before sending, and the core's refusal lands there too.
 */
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ToTreat } from '../../../shared/contract/treatments';
import {
  PARTNER_NOTIFIERS,
  PARTNER_STATUSES,
  PSEUDONYM_MAX,
  partnerMoveAllowed,
} from '../../../shared/domain/treatments';
import { useDirtyGuard } from '../../app/dirty-forms';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { useSavePartners } from './api';
import { partnerLines, partnerProblems, type PartnerLine } from './treatment-rules';

const isNotifier = oneOf(PARTNER_NOTIFIERS);
const isStatus = oneOf(PARTNER_STATUSES);
const LINE_FIELD = /^partners\.\d+\.(pseudonym|notifier|status)$/;

export function PartnersForm({ item, onDone }: { item: ToTreat; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSavePartners();
  const form = useForm<{ partners: PartnerLine[] }>({ initialValues: { partners: partnerLines(item) } });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, (f) => (LINE_FIELD.test(f) ? f : null));
  const infection = t(`clinicalCatalogues.infections.${item.infection}`);

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const problems = partnerProblems(values.partners);
    if (problems.length > 0) {
      const errors: Record<string, string> = {};
      for (const p of problems)
        errors[p.field] ??=
          p.reason === 'too_big_string'
            ? t('validation.too_big_string', { maximum: PSEUDONYM_MAX })
            : p.reason === 'required'
              ? t('validation.required')
              : t(`validation.reason.${p.reason}`);
      form.setErrors(errors);
      return;
    }
    save.mutate(
      {
        personId: item.personId,
        toTreatId: item.id,
        partners: values.partners.map((p) => ({
          id: p.id,
          version: p.version,
          pseudonym: p.pseudonym,
          notifier: p.notifier,
          status: p.status,
        })),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('treatments.partnersForm.saved') });
          onDone();
        },
        onError: fail,
      },
    );
  });

  return (
    <Modal opened onClose={onDone} size="lg" title={t('treatments.partnersForm.title', { infection })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} />
          <Text size="sm" c="dimmed">
            {t('treatments.partnersForm.hint')}
          </Text>
          {form.values.partners.map((line, i) => (
            <Group key={line.id ?? `new-${i}`} align="flex-start" grow aria-label={`${i + 1}`}>
              <TextInput
                label={t('treatments.partnersForm.pseudonym')}
                required
                {...form.getInputProps(`partners.${i}.pseudonym`)}
              />
              <Select
                label={t('treatments.partnersForm.notifier')}
                allowDeselect={false}
                data={PARTNER_NOTIFIERS.map((n) => ({ value: n, label: t(`treatments.notifiers.${n}`) }))}
                value={line.notifier}
                onChange={(v) => isNotifier(v) && form.setFieldValue(`partners.${i}.notifier`, v)}
                error={form.errors[`partners.${i}.notifier`]}
              />
              <Select
                label={t('treatments.partnersForm.status')}
                allowDeselect={false}
                // A stored partner's earlier statuses are not offered (forward only); a typed-in
                // refusal from the core still lands next to this field.
                data={PARTNER_STATUSES.map((s) => ({
                  value: s,
                  label: t(`treatments.partnerStatuses.${s}`),
                  disabled: !!line.was && !partnerMoveAllowed(line.was, s),
                }))}
                value={line.status}
                onChange={(v) => isStatus(v) && form.setFieldValue(`partners.${i}.status`, v)}
                error={form.errors[`partners.${i}.status`]}
              />
            </Group>
          ))}
          <Button
            variant="light"
            onClick={() =>
              form.insertListItem('partners', { pseudonym: '', notifier: 'person', status: 'to_notify' })
            }
          >
            {t('treatments.partnersForm.add')}
          </Button>
          <FormActions
            submitLabel={t('treatments.partnersForm.save')}
            onCancel={onDone}
            pending={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
