/**
 * Centre settings and sites. Each save carries the version it was read at; a `conflict` means
 * someone saved in between, and the form offers to reload rather than overwrite.
 */
import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDirtyGuard } from '../../app/dirty-forms';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT, type Centre, type Site } from '../../../shared/contract';
import {
  AUTO_LOCK_MAX,
  UNUSUAL_READS_MAX,
  UNUSUAL_READS_MIN,
  AUTO_LOCK_MIN,
} from '../../../shared/contract/centre';
import { call } from '../../api/client';
import { schemaErrors, samePathIn } from '../../app/form-errors';
import { FormFailure, useFormFailure } from '../../app/form-failure';
import { TableHead } from '../../app/list-page';
import { QueryError } from '../../app/QueryError';
import { updateSessionState } from '../../app/session';
import { isLanguage, LANGUAGES } from '../../i18n/setup';
import { useCentre, useUpdateCentre } from './api';
import { SiteModal } from './SiteModal';

interface SettingsValues {
  name: string;
  autoLockMinutes: number | string;
  unusualReadsPerHour: number | string;
  phoneCountryCode: string;
  phoneTrunkPrefix: string;
  defaultLocale: string;
}

function settingsOf(centre: Centre): SettingsValues {
  return {
    name: centre.name,
    autoLockMinutes: centre.autoLockMinutes,
    unusualReadsPerHour: centre.unusualReadsPerHour,
    phoneCountryCode: centre.phoneCountryCode,
    phoneTrunkPrefix: centre.phoneTrunkPrefix,
    defaultLocale: centre.defaultLocale,
  };
}

export function CentrePage() {
  const { t } = useTranslation();
  const centre = useCentre();
  const [siteDialog, setSiteDialog] = useState<{ site: Site | null } | null>(null);

  return (
    <Stack maw={1000}>
      <div>
        <Title order={1}>{t('centre.title')}</Title>
        <Text c="dimmed">{t('centre.intro')}</Text>
      </div>
      {centre.isError && <QueryError error={centre.error} onRetry={() => void centre.refetch()} />}
      {centre.data && (
        <>
          {/* Keyed by version: a reload after a conflict shows what is now stored. */}
          <SettingsForm
            key={centre.data.version}
            centre={centre.data}
            onReload={() => void centre.refetch()}
          />
          <Paper withBorder p="lg" component="section" aria-labelledby="centre-sites-title">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h3" id="centre-sites-title">
                {t('centre.sitesTitle')}
              </Title>
              <Button variant="light" onClick={() => setSiteDialog({ site: null })}>
                {t('centre.addSite')}
              </Button>
            </Group>
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="sm">
                <TableHead
                  columns={[
                    t('fields.siteCode'),
                    t('fields.siteName'),
                    t('fields.city'),
                    t('fields.timezone'),
                    t('fields.active'),
                  ]}
                  actions
                />
                <Table.Tbody>
                  {centre.data.sites.map((site) => (
                    <Table.Tr key={site.id} style={site.active ? undefined : { opacity: 0.55 }}>
                      <Table.Td ff="monospace" fw={700}>
                        {site.code}
                      </Table.Td>
                      <Table.Td>{site.name}</Table.Td>
                      <Table.Td>{site.city ?? t('app.none')}</Table.Td>
                      <Table.Td>{site.timezone}</Table.Td>
                      <Table.Td>
                        <Badge color={site.active ? 'teal' : 'gray'} variant="light" tt="none">
                          {site.active ? t('app.yes') : t('centre.siteInactive')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="xs"
                          onClick={() => setSiteDialog({ site })}
                          aria-label={`${t('app.edit')} ${site.code}`}
                        >
                          {t('app.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      )}
      {siteDialog && <SiteModal site={siteDialog.site} onClose={() => setSiteDialog(null)} />}
    </Stack>
  );
}

/** The session carries the auto-lock delay and the centre name: take the new ones at once. */
async function refreshSession(): Promise<void> {
  const session = await call('auth.session', {});
  if (session.ok) updateSessionState(session.value);
}

function SettingsForm({ centre, onReload }: { centre: Centre; onReload: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCentre();
  const form = useForm<SettingsValues>({ initialValues: settingsOf(centre) });
  useDirtyGuard(form.isDirty());
  const { failure, setFailure, fail } = useFormFailure(
    form,
    samePathIn([
      'name',
      'autoLockMinutes',
      'unusualReadsPerHour',
      'phoneCountryCode',
      'phoneTrunkPrefix',
      'defaultLocale',
    ]),
  );

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const input = {
      version: centre.version,
      name: values.name,
      autoLockMinutes: typeof values.autoLockMinutes === 'number' ? values.autoLockMinutes : Number.NaN,
      unusualReadsPerHour:
        typeof values.unusualReadsPerHour === 'number' ? values.unusualReadsPerHour : Number.NaN,
      phoneCountryCode: values.phoneCountryCode,
      phoneTrunkPrefix: values.phoneTrunkPrefix,
      defaultLocale: isLanguage(values.defaultLocale) ? values.defaultLocale : centre.defaultLocale,
    };
    const errors = schemaErrors(CONTRACT['centre.update'].input, input, t);
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    update.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('app.saved') });
        void refreshSession();
      },
      onError: fail,
    });
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="centre-settings-title">
      <Title order={2} size="h3" id="centre-settings-title" mb="sm">
        {t('centre.settingsTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormFailure
            failure={failure}
            conflict={{
              title: t('centre.conflictTitle'),
              onReload: () => {
                setFailure(null);
                onReload();
              },
            }}
          />
          <TextInput label={t('fields.centreName')} required autoFocus {...form.getInputProps('name')} />
          <NumberInput
            label={t('fields.autoLockMinutes')}
            description={t('centre.autoLockHelp', { min: AUTO_LOCK_MIN, max: AUTO_LOCK_MAX })}
            min={AUTO_LOCK_MIN}
            max={AUTO_LOCK_MAX}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            w={280}
            {...form.getInputProps('autoLockMinutes')}
          />
          <NumberInput
            label={t('fields.unusualReadsPerHour')}
            description={t('centre.unusualReadsHelp', { min: UNUSUAL_READS_MIN, max: UNUSUAL_READS_MAX })}
            allowDecimal={false}
            clampBehavior="none"
            w={280}
            {...form.getInputProps('unusualReadsPerHour')}
          />
          <Group align="flex-start">
            <TextInput
              label={t('centre.phoneCountryCode')}
              description={t('centre.phoneCountryCodeHelp')}
              autoComplete="off"
              w={280}
              {...form.getInputProps('phoneCountryCode')}
            />
            <TextInput
              label={t('centre.phoneTrunkPrefix')}
              description={t('centre.phoneTrunkPrefixHelp')}
              autoComplete="off"
              inputMode="numeric"
              w={280}
              {...form.getInputProps('phoneTrunkPrefix')}
            />
          </Group>
          <Select
            label={t('fields.defaultLocale')}
            data={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
            allowDeselect={false}
            w={280}
            {...form.getInputProps('defaultLocale')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
