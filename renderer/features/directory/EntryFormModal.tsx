/** Create or edit a directory entry. Saving an entry is checking it: its "verified" date moves. */
import {
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDirtyGuard } from '../../app/dirty-forms';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CONTRACT, type DirectoryEntry } from '../../../shared/contract';
import { DIRECTORY_CATEGORIES, FRIENDLINESS } from '../../../shared/domain/catalogues';
import { schemaErrors, samePathIn } from '../../app/form-errors';
import { FormActions, FormFailure, useFormFailure } from '../../app/form-failure';
import { oneOf, orNull } from '../../app/form-values';
import { useSaveEntry } from './api';

type Category = (typeof DIRECTORY_CATEGORIES)[number];
type Friendliness = (typeof FRIENDLINESS)[number];

interface Values {
  name: string;
  kind: 'organisation' | 'professional';
  category: Category | null;
  city: string;
  region: string;
  phone: string;
  email: string;
  address: string;
  languages: string[];
  friendliness: Friendliness[];
  notes: string;
  internal: boolean;
  active: boolean;
}

const FIELDS = [
  'name',
  'kind',
  'category',
  'city',
  'region',
  'phone',
  'email',
  'address',
  'languages',
  'friendliness',
  'notes',
  'internal',
  'active',
] as const;

function valuesOf(entry: DirectoryEntry | null): Values {
  return {
    name: entry?.name ?? '',
    kind: entry?.kind ?? 'organisation',
    category: entry?.category ?? null,
    city: entry?.city ?? '',
    region: entry?.region ?? '',
    phone: entry?.phone ?? '',
    email: entry?.email ?? '',
    address: entry?.address ?? '',
    languages: entry?.languages ?? [],
    friendliness: entry?.friendliness ?? [],
    notes: entry?.notes ?? '',
    internal: entry?.internal ?? false,
    active: entry?.active ?? true,
  };
}

const isCategory = oneOf(DIRECTORY_CATEGORIES);

export function EntryFormModal({ entry, onClose }: { entry: DirectoryEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveEntry();
  const form = useForm<Values>({ initialValues: valuesOf(entry) });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(form, samePathIn(FIELDS));

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const input = {
      ...(entry ? { id: entry.id, version: entry.version } : {}),
      name: values.name,
      kind: values.kind,
      // An empty category is left for the contract to refuse, next to the field.
      category: (values.category ?? '') as Category,
      city: orNull(values.city),
      region: orNull(values.region),
      phone: orNull(values.phone),
      email: orNull(values.email),
      address: orNull(values.address),
      languages: values.languages,
      friendliness: values.friendliness,
      notes: orNull(values.notes),
      internal: values.internal,
      active: values.active,
    };
    const errors = schemaErrors(CONTRACT['directory.save'].input, input, t);
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    save.mutate(input, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('directory.saved', { name: saved.name }) });
        onClose();
      },
      onError: fail,
    });
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={entry ? t('directory.editTitle', { name: entry.name }) : t('directory.createTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure failure={failure} conflict={{ text: t('directory.conflict') }} />
          <TextInput
            label={t('directory.fields.name')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Group grow align="flex-start">
            <Stack gap={4}>
              <TextInputLabel text={t('directory.fields.kind')} />
              <SegmentedControl
                aria-label={t('directory.fields.kind')}
                data={[
                  { value: 'organisation', label: t('directory.kinds.organisation') },
                  { value: 'professional', label: t('directory.kinds.professional') },
                ]}
                value={form.values.kind}
                onChange={(v) =>
                  form.setFieldValue('kind', v === 'professional' ? 'professional' : 'organisation')
                }
              />
            </Stack>
            <Select
              label={t('directory.fields.category')}
              required
              searchable
              data={DIRECTORY_CATEGORIES.map((c) => ({
                value: c,
                label: t(`catalogue.directoryCategories.${c}`),
              }))}
              value={form.values.category}
              onChange={(v) => form.setFieldValue('category', isCategory(v) ? v : null)}
              error={form.errors.category}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput label={t('directory.fields.city')} maxLength={100} {...form.getInputProps('city')} />
            <TextInput
              label={t('directory.fields.region')}
              maxLength={100}
              {...form.getInputProps('region')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput label={t('directory.fields.phone')} type="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('directory.fields.email')} type="email" {...form.getInputProps('email')} />
          </Group>
          <TextInput
            label={t('directory.fields.address')}
            maxLength={300}
            {...form.getInputProps('address')}
          />
          <TagsInput
            label={t('directory.fields.languages')}
            description={t('directory.fields.languagesHint')}
            maxTags={20}
            {...form.getInputProps('languages')}
          />
          <Checkbox.Group
            label={t('directory.fields.friendliness')}
            value={form.values.friendliness}
            onChange={(v) =>
              form.setFieldValue(
                'friendliness',
                FRIENDLINESS.filter((f) => v.includes(f)),
              )
            }
            error={form.errors.friendliness}
          >
            <Group gap="md" mt={6}>
              {FRIENDLINESS.map((f) => (
                <Checkbox key={f} value={f} label={t(`catalogue.friendliness.${f}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea
            label={t('directory.fields.notes')}
            autosize
            minRows={3}
            maxLength={2000}
            {...form.getInputProps('notes')}
          />
          <Switch
            label={t('directory.fields.internal')}
            {...form.getInputProps('internal', { type: 'checkbox' })}
          />
          <Switch
            label={t('directory.fields.active')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <FormActions submitLabel={t('app.save')} onCancel={onClose} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function TextInputLabel({ text }: { text: string }) {
  return (
    <span style={{ fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500 }} aria-hidden="true">
      {text}
    </span>
  );
}
