/**
 * Create or edit a team member. Edits carry the version they started from: if someone else
 * saved in between, the core answers `conflict` and the form offers to reload.
 */
import { Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDirtyGuard } from '../../app/dirty-forms';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT, type StaffUser } from '../../../shared/contract';
import { ROLES } from '../../../shared/domain/roles';
import { schemaErrors } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf } from '../../app/form-values';
import { isLanguage, LANGUAGES } from '../../i18n/setup';
import { useCreateUser, useUpdateUser } from './api';
import { useSiteOptions } from '../centre/site-options';

interface UserFormValues {
  username: string;
  displayName: string;
  roles: string[];
  siteIds: string[];
  /** One of `siteIds`, or '' for none (the first site then). */
  usualSiteId: string;
  /** RPPS / ADELI number, '' for none. */
  professionalNumber: string;
  locale: string;
}

export interface Handover {
  user: StaffUser;
  temporaryPassword: string;
}

/** The form's value for "no personal choice": follow the centre's language. */
const CENTRE_LOCALE = 'centre';

const isRole = oneOf(ROLES);

const FORM_FIELDS = [
  'username',
  'displayName',
  'roles',
  'siteIds',
  'usualSiteId',
  'professionalNumber',
  'locale',
];

function formPathOf(field: string): string | null {
  const head = field.split('.')[0] ?? '';
  return FORM_FIELDS.includes(head) ? head : null;
}

function valuesOf(user: StaffUser | null, defaultSites: string[]): UserFormValues {
  return user
    ? {
        username: user.username,
        displayName: user.displayName,
        roles: [...user.roles],
        siteIds: [...user.siteIds],
        usualSiteId: user.usualSiteId ?? '',
        professionalNumber: user.professionalNumber ?? '',
        locale: user.locale ?? CENTRE_LOCALE,
      }
    : {
        username: '',
        displayName: '',
        roles: [],
        siteIds: defaultSites,
        usualSiteId: '',
        professionalNumber: '',
        locale: CENTRE_LOCALE,
      };
}

export function UserFormModal({
  editing,
  onClose,
  onCreated,
  reloadUser,
}: {
  /** null: a new member; otherwise the member being edited. */
  editing: StaffUser | null;
  onClose: () => void;
  onCreated: (handover: Handover) => void;
  reloadUser: (id: string) => Promise<StaffUser | null>;
}) {
  const { t } = useTranslation();
  const { options: siteOptions } = useSiteOptions();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [version, setVersion] = useState(editing?.version ?? 1);
  const activeSites = siteOptions.filter((s) => s.active);
  const form = useForm<UserFormValues>({
    initialValues: valuesOf(
      editing,
      activeSites.length === 1 && activeSites[0] ? [activeSites[0].value] : [],
    ),
  });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail: onError } = useFormFailure(form, formPathOf);

  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  // Inactive sites stay listed when already assigned, so an edit never drops them silently.
  const siteData = siteOptions
    .filter((s) => s.active || form.values.siteIds.includes(s.value))
    .map(({ value, label }) => ({ value, label }));
  const pending = create.isPending || update.isPending;
  // The usual site is chosen among the sites given above; a site removed there is no longer usual.
  const usualData = siteData.filter((s) => form.values.siteIds.includes(s.value));
  const usualSiteId = form.values.siteIds.includes(form.values.usualSiteId) ? form.values.usualSiteId : null;

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const locale = isLanguage(values.locale) ? values.locale : undefined;
    // Kept as typed; an empty field is no number.
    const professionalNumber = values.professionalNumber === '' ? null : values.professionalNumber;
    if (editing) {
      const input = {
        id: editing.id,
        version,
        displayName: values.displayName,
        roles: values.roles.filter(isRole),
        siteIds: values.siteIds,
        usualSiteId,
        professionalNumber,
        locale: locale ?? null,
      };
      const errors = schemaErrors(CONTRACT['users.update'].input, input, t);
      if (Object.keys(errors).length > 0) return form.setErrors(errors);
      update.mutate(input, { onSuccess: onClose, onError });
    } else {
      const input = {
        username: values.username.trim(),
        displayName: values.displayName,
        roles: values.roles.filter(isRole),
        siteIds: values.siteIds,
        usualSiteId,
        professionalNumber,
        locale,
      };
      const errors = schemaErrors(CONTRACT['users.create'].input, input, t);
      if (Object.keys(errors).length > 0) return form.setErrors(errors);
      create.mutate(input, { onSuccess: onCreated, onError });
    }
  });

  async function reload() {
    if (!editing) return;
    const fresh = await reloadUser(editing.id);
    if (!fresh) return onClose();
    setVersion(fresh.version);
    form.setValues(valuesOf(fresh, []));
    form.resetDirty();
    setFailure(null);
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.createTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure
            failure={failure}
            conflict={{ title: t('users.conflictTitle'), onReload: () => void reload() }}
          />
          <TextInput
            label={t('fields.username')}
            required
            disabled={editing !== null}
            data-autofocus={editing === null ? true : undefined}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps('username')}
          />
          <TextInput
            label={t('fields.displayName')}
            required
            data-autofocus={editing !== null ? true : undefined}
            autoComplete="off"
            {...form.getInputProps('displayName')}
          />
          <MultiSelect
            label={t('fields.roles')}
            required
            data={roleOptions}
            searchable
            hidePickedOptions
            {...form.getInputProps('roles')}
          />
          <MultiSelect
            label={t('fields.sites')}
            required
            data={siteData}
            searchable
            hidePickedOptions
            {...form.getInputProps('siteIds')}
          />
          <Select
            label={t('fields.usualSite')}
            description={t('users.usualSiteHelp')}
            data={usualData}
            clearable
            value={usualSiteId}
            onChange={(value) => form.setFieldValue('usualSiteId', value ?? '')}
            error={form.errors.usualSiteId}
          />
          <TextInput
            label={t('fields.professionalNumber')}
            description={t('users.professionalNumberHelp')}
            autoComplete="off"
            spellCheck={false}
            maw={320}
            {...form.getInputProps('professionalNumber')}
          />
          <Select
            label={t('fields.userLocale')}
            data={[
              { value: CENTRE_LOCALE, label: t('language.centreDefault') },
              ...LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) })),
            ]}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <FormActions
            submitLabel={editing ? t('app.save') : t('users.createSubmit')}
            onCancel={onClose}
            pending={pending}
            mt="sm"
          />
        </Stack>
      </form>
    </Modal>
  );
}
