/**
 * Identité: everything the file says about the person. The legal name stays masked until asked
 * for: reception screens are seen by others, and for a trans person it may be a dead name.
 */
import { Badge, Box, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/contract/persons';
import { formatDateTime } from '../../../i18n/dates';
import { currentLanguage } from '../../../i18n/setup';
import { formatCalendarDate } from '../format';
import { ContactPreferences } from './ContactPreferences';

function Item({ label, children, mt }: { label: string; children: ReactNode; mt?: string }) {
  return (
    <Box mt={mt}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Box>
  );
}

export function IdentityPanel({ person, siteCode }: { person: Person; siteCode: string }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [showLegal, setShowLegal] = useState(false);
  const none = t('app.none');
  const birth = person.birthDate
    ? formatCalendarDate(person.birthDate, lng)
    : person.birthYear
      ? t('search.bornIn', { year: person.birthYear })
      : none;

  return (
    <Stack>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
          <Item label={t('persons.fields.nameUsed')}>
            <Text fw={600}>{person.nameUsed}</Text>
          </Item>
          <Item label={t('persons.fields.legalName')}>
            {person.legalName ? (
              <Group gap="xs">
                <Text>{showLegal ? person.legalName : '••••••'}</Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-pressed={showLegal}
                  onClick={() => setShowLegal((v) => !v)}
                >
                  {showLegal ? t('dossier.identity.hideLegal') : t('dossier.identity.showLegal')}
                </Button>
              </Group>
            ) : (
              <Text>{none}</Text>
            )}
          </Item>
          <Item label={t('persons.fields.pronouns')}>
            <Text>{person.pronouns ?? none}</Text>
          </Item>
          <Item label={t('persons.fields.genderIdentity')}>
            <Text>{person.genderIdentity ?? none}</Text>
          </Item>
          <Item label={t('persons.fields.sexAtBirth')}>
            <Text>{person.sexAtBirth ? t(`catalogue.sexAtBirth.${person.sexAtBirth}`) : none}</Text>
          </Item>
          <Item label={t('persons.fields.birth')}>
            <Text>{birth}</Text>
          </Item>
          <Item label={t('persons.fields.languages')}>
            <Text>{person.languages.length ? person.languages.join(', ') : none}</Text>
          </Item>
          <Item label={t('persons.fields.countryOfBirth')}>
            <Text>{person.countryOfBirth ?? none}</Text>
          </Item>
          <Item label={t('persons.fields.healthCoverage')}>
            <Text>{t(`catalogue.healthCoverages.${person.healthCoverage}`)}</Text>
          </Item>
          <Item label={t('persons.fields.entryDoor')}>
            <Text>{person.entryDoor ? t(`catalogue.entryDoors.${person.entryDoor}`) : none}</Text>
          </Item>
          <Item label={t('persons.fields.site')}>
            <Text>{siteCode}</Text>
          </Item>
          <Item label={t('dossier.identity.createdAt')}>
            <Text>{formatDateTime(person.createdAt, lng)}</Text>
          </Item>
        </SimpleGrid>
        <Item label={t('persons.fields.keyPopulations')} mt="lg">
          <Group gap={4} mt={4}>
            {person.keyPopulations.length === 0 && <Text>{none}</Text>}
            {person.keyPopulations.map((k) => (
              <Badge maw="none" key={k} variant="light" tt="none">
                {t(`catalogue.keyPopulations.${k}`)}
              </Badge>
            ))}
          </Group>
        </Item>
      </Card>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('dossier.contact.title')}
        </Text>
        <ContactPreferences person={person} />
      </Card>
    </Stack>
  );
}
