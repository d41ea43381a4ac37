/**
 * Likely duplicates while a new file is being typed: same or close name, same birth year, same
 * phone. Opening the existing file instead avoids a second dossier for the same person.
 */
import { Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { DuplicateProbe } from '../api';
import { useDuplicates, useOpenDossier } from '../api';
import { inputOf, type PersonFormValues } from './person-values';

const DEBOUNCE_MS = 300;

/** What is worth asking about: a name of two letters or more, or a phone number. */
function probeOf(values: PersonFormValues): DuplicateProbe | null {
  const input = inputOf(values);
  const phone = input.contact?.phone ?? null;
  const phoneDigits = (phone ?? '').replace(/\D/g, '');
  const year = input.birthDate ? Number(input.birthDate.slice(0, 4)) : input.birthYear;
  const usableYear = typeof year === 'number' && Number.isInteger(year) && year >= 1900 && year <= 2100;
  if (input.nameUsed.length < 2 && phoneDigits.length < 6) return null;
  return {
    nameUsed: input.nameUsed.slice(0, 100),
    legalName: input.legalName ? input.legalName.slice(0, 200) : null,
    birthYear: usableYear ? year : null,
    phone: phoneDigits.length >= 6 && phone ? phone.slice(0, 32) : null,
  };
}

export function DuplicatesPanel({ values }: { values: PersonFormValues }) {
  const { t } = useTranslation();
  const openDossier = useOpenDossier({ discardsForm: true });
  // Debounce a string: a fresh object on every render would restart the timer for ever.
  const [probeText] = useDebouncedValue(JSON.stringify(probeOf(values)), DEBOUNCE_MS);
  const probe = JSON.parse(probeText) as DuplicateProbe | null;
  const duplicates = useDuplicates(probe);
  const found = probe ? (duplicates.data ?? []) : [];

  if (found.length === 0) {
    return duplicates.isFetching ? <Loader size="xs" aria-label={t('persons.duplicates.checking')} /> : null;
  }
  return (
    <Paper
      component="section"
      aria-label={t('persons.duplicates.label')}
      aria-live="polite"
      withBorder
      p="md"
      bg="orange.0"
      style={{ borderColor: 'var(--mantine-color-orange-4)' }}
    >
      <Stack gap="sm">
        <div>
          <Text fw={700} c="orange.9">
            {t('persons.duplicates.title', { count: found.length })}
          </Text>
          <Text size="sm">{t('persons.duplicates.intro')}</Text>
        </div>
        {found.map((d) => (
          <Paper key={d.id} withBorder p="sm" data-testid="duplicate">
            <Stack gap={6}>
              <div>
                <Text fw={600}>{d.nameUsed}</Text>
                <Text size="xs" c="dimmed">
                  <Text span ff="monospace" inherit>
                    {d.fileNumber}
                  </Text>
                  {d.birthYear ? ` · ${t('search.bornIn', { year: d.birthYear })}` : ''}
                </Text>
              </div>
              <Group gap={4}>
                {d.reasons.map((reason) => (
                  <Badge maw="none" key={reason} size="sm" variant="light" color="orange" tt="none">
                    {t(`persons.duplicates.reasons.${reason}`)}
                  </Badge>
                ))}
              </Group>
              <Button
                size="xs"
                variant="light"
                color="orange"
                onClick={() => openDossier(d.id)}
                aria-label={t('persons.duplicates.openFor', { name: d.nameUsed, file: d.fileNumber })}
              >
                {t('persons.duplicates.open')}
              </Button>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
