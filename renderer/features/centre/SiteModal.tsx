import { Modal, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDirtyGuard } from '../../app/dirty-forms';
import { useTranslation } from 'react-i18next';
import { CONTRACT, type Site } from '../../../shared/contract';
import { schemaErrors, samePathIn } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { queryClient } from '../../api/query-client';
import { useSaveSite } from './api';
import { centreKeys } from './query-keys';
import { defaultTimeZone, timeZoneOptions } from './time-zones';
import type { OpeningHours } from '../../../shared/contract/setup';
import { hoursProblems, normalizeHours } from './opening-hours';
import { OpeningHoursEditor } from './OpeningHoursEditor';

interface SiteValues {
  code: string;
  name: string;
  city: string;
  address: string;
  phone: string;
  timezone: string;
  active: boolean;
  openingHours: OpeningHours;
}

/** Add or edit one site; an edit sends the version it was read at. */
export function SiteModal({ site, onClose }: { site: Site | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSite();
  const form = useForm<SiteValues>({
    initialValues: site
      ? {
          code: site.code,
          name: site.name,
          city: site.city ?? '',
          address: site.address ?? '',
          phone: site.phone ?? '',
          timezone: site.timezone,
          active: site.active,
          openingHours: site.openingHours,
        }
      : {
          code: '',
          name: '',
          city: '',
          address: '',
          phone: '',
          timezone: defaultTimeZone(),
          active: true,
          openingHours: null,
        },
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(
    form,
    samePathIn(['code', 'name', 'city', 'address', 'phone', 'timezone', 'active']),
  );
  const zones = timeZoneOptions();
  // A zone stored by another machine may be unknown to this browser: keep it selectable.
  const zoneData = zones.includes(form.values.timezone) ? zones : [form.values.timezone, ...zones];

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const hours = hoursProblems(values.openingHours);
    if (Object.keys(hours).length > 0)
      return form.setErrors(
        Object.fromEntries(Object.entries(hours).map(([path, p]) => [path, t(`centre.openingHours.${p}`)])),
      );
    const input = {
      ...(site ? { id: site.id, version: site.version } : {}),
      code: values.code,
      name: values.name,
      city: values.city.trim() || undefined,
      // Sent as typed (an empty field removes it): the core refuses a phone it cannot read.
      address: values.address,
      phone: values.phone,
      timezone: values.timezone,
      active: values.active,
      openingHours: normalizeHours(values.openingHours),
    };
    const errors = schemaErrors(CONTRACT['centre.saveSite'].input, input, t);
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    save.mutate(input, {
      onSuccess: onClose,
      onError: fail,
    });
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={site ? t('centre.editSiteTitle', { code: site.code }) : t('centre.newSiteTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure
            failure={failure}
            conflict={{
              // Reload the table behind and close: reopening the site shows the stored version.
              onReload: () => {
                void queryClient.invalidateQueries({ queryKey: centreKeys.centre });
                onClose();
              },
            }}
          />
          <TextInput
            label={t('fields.siteCode')}
            required
            maxLength={12}
            data-autofocus
            {...form.getInputProps('code')}
            onChange={(e) => form.setFieldValue('code', e.currentTarget.value.toUpperCase())}
          />
          <TextInput label={t('fields.siteName')} required {...form.getInputProps('name')} />
          <TextInput label={t('fields.city')} {...form.getInputProps('city')} />
          <Textarea
            label={t('fields.siteAddress')}
            description={t('centre.siteAddressHint')}
            autosize
            minRows={2}
            maxRows={5}
            {...form.getInputProps('address')}
          />
          <TextInput label={t('fields.sitePhone')} type="tel" {...form.getInputProps('phone')} />
          <Select
            label={t('fields.timezone')}
            data={zoneData}
            searchable
            allowDeselect={false}
            {...form.getInputProps('timezone')}
          />
          <OpeningHoursEditor
            value={form.values.openingHours}
            errors={form.errors}
            onChange={(next) => {
              form.setFieldValue('openingHours', next);
              // A change to the hours clears their errors: they are checked again on saving.
              form.setErrors(
                Object.fromEntries(
                  Object.entries(form.errors).filter(([path]) => !path.startsWith('openingHours')),
                ),
              );
            }}
          />
          <Switch label={t('centre.siteActive')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <FormActions submitLabel={t('app.save')} onCancel={onClose} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
