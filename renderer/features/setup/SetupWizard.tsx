/**
 * First start: the centre, its sites and the first coordinator, then the recovery code shown
 * exactly once. Every step checks itself with the contract's own schema before moving on;
 * the core's answer lands next to the field it names, on the step that shows it.
 */
import {
  Alert,
  Button,
  Checkbox,
  Code,
  Fieldset,
  Group,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { PasswordStrength } from '../auth/PasswordStrength';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRACT, type ApiError, type ChannelInput } from '../../../shared/contract';
import { PASSWORD_MIN_LENGTH } from '../../../shared/contract/common';
import { apiErrorOf } from '../../api/client';
import { EntranceHeading, EntranceLayout } from '../../app/EntranceLayout';
import { schemaErrors, showFieldError, type FieldErrors } from '../../app/form-errors';
import { errorText } from '../../i18n/error-text';
import { currentLanguage, isLanguage, LANGUAGES, setLanguage, type Language } from '../../i18n/setup';
import { timeZoneOptions, defaultTimeZone } from '../centre/time-zones';
import { useInitializeCentre } from './api';

interface SiteRow {
  key: string;
  code: string;
  name: string;
  city: string;
  address: string;
  phone: string;
  timezone: string;
}

interface SetupValues {
  centreName: string;
  locale: Language;
  sites: SiteRow[];
  admin: { username: string; displayName: string; password: string; passwordConfirm: string };
}

const STEP_CENTRE = 0;
const STEP_SITES = 1;
const STEP_ADMIN = 2;
const STEP_RECOVERY = 3;

function emptySite(): SiteRow {
  return {
    key: randomId(),
    code: '',
    name: '',
    city: '',
    address: '',
    phone: '',
    timezone: defaultTimeZone(),
  };
}

function toInput(values: SetupValues): ChannelInput<'setup.initialize'> {
  return {
    centreName: values.centreName,
    locale: values.locale,
    sites: values.sites.map((s) => ({
      code: s.code,
      name: s.name,
      city: s.city.trim() || undefined,
      // Sent as typed (empty: none), as in the site settings: the core refuses a phone it cannot read.
      ...(s.address === '' ? {} : { address: s.address }),
      ...(s.phone === '' ? {} : { phone: s.phone }),
      timezone: s.timezone,
    })),
    admin: {
      username: values.admin.username,
      displayName: values.admin.displayName,
      password: values.admin.password,
    },
  };
}

/** Which step shows a field of `setup.initialize` (`admin.password` → the coordinator step). */
function stepOf(path: string): number {
  if (path.startsWith('sites')) return STEP_SITES;
  if (path.startsWith('admin')) return STEP_ADMIN;
  return STEP_CENTRE;
}

export function SetupWizard({ onInitialized, onDone }: { onInitialized: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [active, setActive] = useState(STEP_CENTRE);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const initialize = useInitializeCentre();

  const form = useForm<SetupValues>({
    initialValues: {
      centreName: '',
      locale: currentLanguage(),
      sites: [emptySite()],
      admin: { username: '', displayName: '', password: '', passwordConfirm: '' },
    },
  });

  function errorsUpTo(step: number): FieldErrors {
    const errors = schemaErrors(
      CONTRACT['setup.initialize'].input,
      toInput(form.values),
      t,
      (path) => stepOf(path) <= step,
    );
    const { password, passwordConfirm } = form.values.admin;
    if (step >= STEP_ADMIN && !errors['admin.password'] && password !== passwordConfirm) {
      errors['admin.passwordConfirm'] = t('validation.password_mismatch');
    }
    return errors;
  }

  function submit() {
    setFailure(null);
    const errors = errorsUpTo(active);
    form.setErrors(errors);
    const paths = Object.keys(errors);
    if (paths.length > 0) {
      setActive(Math.min(...paths.map(stepOf)));
      return;
    }
    if (active < STEP_ADMIN) {
      setActive(active + 1);
      return;
    }
    initialize.mutate(toInput(form.values), {
      onSuccess: ({ recoveryCode: code }) => {
        setRecoveryCode(code);
        setActive(STEP_RECOVERY);
        onInitialized();
      },
      onError: (err) => {
        const error = apiErrorOf(err);
        if (showFieldError(form, error, t, (field) => field)) setActive(stepOf(error.field ?? ''));
        else setFailure(error);
      },
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  return (
    <EntranceLayout width={760}>
      <Stack gap="lg">
        <EntranceHeading title={t('setup.title')} subtitle={t('setup.intro')} />
        <form onSubmit={onSubmit} noValidate>
          <Stepper active={active} size="sm" allowNextStepsSelect={false}>
            <Stepper.Step label={t('setup.steps.centre')} description={t('setup.steps.centreDescription')}>
              <CentreStep form={form} />
            </Stepper.Step>
            <Stepper.Step label={t('setup.steps.sites')} description={t('setup.steps.sitesDescription')}>
              <SitesStep form={form} />
            </Stepper.Step>
            <Stepper.Step label={t('setup.steps.admin')} description={t('setup.steps.adminDescription')}>
              <AdminStep form={form} />
            </Stepper.Step>
            <Stepper.Step
              label={t('setup.steps.recovery')}
              description={t('setup.steps.recoveryDescription')}
            >
              {recoveryCode !== null && <RecoveryStep code={recoveryCode} onContinue={onDone} />}
            </Stepper.Step>
          </Stepper>

          {failure && (
            <Alert color="red" role="alert" mt="md">
              {errorText(t, failure)}
              {failure.code === 'already_set_up' && (
                <Button variant="light" size="xs" mt="sm" display="block" onClick={onDone}>
                  {t('auth.login.submit')}
                </Button>
              )}
            </Alert>
          )}

          {active < STEP_RECOVERY && (
            <Group justify="space-between" mt="xl">
              <Button
                variant="default"
                onClick={() => setActive(active - 1)}
                disabled={active === STEP_CENTRE || initialize.isPending}
              >
                {t('app.back')}
              </Button>
              <Button type="submit" loading={initialize.isPending}>
                {active === STEP_ADMIN ? t('setup.submit') : t('app.next')}
              </Button>
            </Group>
          )}
        </form>
      </Stack>
    </EntranceLayout>
  );
}

type SetupForm = ReturnType<typeof useForm<SetupValues>>;

function CentreStep({ form }: { form: SetupForm }) {
  const { t } = useTranslation();
  return (
    <Stack mt="md">
      <TextInput label={t('fields.centreName')} autoFocus required {...form.getInputProps('centreName')} />
      <Select
        label={t('fields.defaultLocale')}
        data={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
        allowDeselect={false}
        {...form.getInputProps('locale')}
        onChange={(value) => {
          if (!isLanguage(value)) return;
          form.setFieldValue('locale', value);
          // Whoever installs reads the wizard in the language chosen for the centre.
          setLanguage(value);
        }}
      />
    </Stack>
  );
}

function SitesStep({ form }: { form: SetupForm }) {
  const { t } = useTranslation();
  const zones = timeZoneOptions();
  return (
    <Stack mt="md">
      <Text size="sm" c="dimmed">
        {t('setup.sitesHelp')}
      </Text>
      {form.values.sites.map((site, index) => (
        <Fieldset key={site.key} legend={t('setup.siteLegend', { number: index + 1 })}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.siteCode')}
              required
              autoFocus={index === form.values.sites.length - 1}
              maxLength={12}
              {...form.getInputProps(`sites.${index}.code`)}
              onChange={(event) =>
                form.setFieldValue(`sites.${index}.code`, event.currentTarget.value.toUpperCase())
              }
            />
            <TextInput label={t('fields.siteName')} required {...form.getInputProps(`sites.${index}.name`)} />
            <TextInput label={t('fields.city')} {...form.getInputProps(`sites.${index}.city`)} />
            <Textarea
              label={t('fields.siteAddress')}
              description={t('centre.siteAddressHint')}
              autosize
              minRows={2}
              maxRows={5}
              {...form.getInputProps(`sites.${index}.address`)}
            />
            <TextInput
              label={t('fields.sitePhone')}
              type="tel"
              {...form.getInputProps(`sites.${index}.phone`)}
            />
            <Select
              label={t('fields.timezone')}
              data={zones}
              searchable
              allowDeselect={false}
              {...form.getInputProps(`sites.${index}.timezone`)}
            />
          </SimpleGrid>
          {form.values.sites.length > 1 && (
            <Group justify="flex-end" mt="sm">
              <Button
                variant="subtle"
                color="red"
                size="xs"
                onClick={() => form.removeListItem('sites', index)}
              >
                {t('setup.removeSite', { number: index + 1 })}
              </Button>
            </Group>
          )}
        </Fieldset>
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() => form.insertListItem('sites', emptySite())}
          disabled={form.values.sites.length >= 20}
        >
          {t('setup.addSite')}
        </Button>
      </Group>
    </Stack>
  );
}

function AdminStep({ form }: { form: SetupForm }) {
  const { t } = useTranslation();
  return (
    <Stack mt="md">
      <Text size="sm" c="dimmed">
        {t('setup.adminHelp', { minimum: PASSWORD_MIN_LENGTH })}
      </Text>
      <TextInput
        label={t('fields.username')}
        autoFocus
        required
        autoComplete="username"
        {...form.getInputProps('admin.username')}
      />
      <TextInput
        label={t('fields.displayName')}
        required
        autoComplete="name"
        {...form.getInputProps('admin.displayName')}
      />
      <PasswordInput
        label={t('fields.password')}
        required
        autoComplete="new-password"
        {...form.getInputProps('admin.password')}
      />
      <PasswordStrength
        password={form.values.admin.password}
        context={[form.values.admin.username, form.values.admin.displayName, form.values.centreName]}
      />
      <PasswordInput
        label={t('fields.passwordConfirm')}
        required
        autoComplete="new-password"
        {...form.getInputProps('admin.passwordConfirm')}
      />
    </Stack>
  );
}

function RecoveryStep({ code, onContinue }: { code: string; onContinue: () => void }) {
  const { t } = useTranslation();
  const [written, setWritten] = useState(false);
  return (
    <Stack mt="md">
      <Title order={2} size="h3">
        {t('setup.recoveryTitle')}
      </Title>
      <Text>{t('setup.recoveryIntro')}</Text>
      <Code
        block
        aria-label={t('setup.recoveryCodeLabel')}
        data-testid="recovery-code"
        fz={22}
        fw={700}
        ta="center"
        py="lg"
        // Long codes wrap between their groups rather than run out of the frame.
        style={{
          letterSpacing: '0.06em',
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          userSelect: 'all',
          lineHeight: 1.6,
        }}
      >
        {code}
      </Code>
      <Text size="sm" c="dimmed">
        {t('setup.recoveryAdvice')}
      </Text>
      <Checkbox
        label={t('setup.recoveryConfirm')}
        checked={written}
        onChange={(e) => setWritten(e.currentTarget.checked)}
        autoFocus
      />
      <Group justify="flex-end">
        <Button disabled={!written} onClick={onContinue}>
          {t('setup.continue')}
        </Button>
      </Group>
    </Stack>
  );
}
