/**
 * What a search result says about a person: the name used, pronouns, file number, birth year,
 * site, "arrived" and "matched on the legal name". The legal name itself is never shown here: for
 * a trans person it may be a dead name, and reception screens are seen by others.
 */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../../shared/contract/persons';

export function ResultName({ result }: { result: Pick<SearchResult, 'nameUsed' | 'pronouns'> }) {
  return (
    <Text span fw={600}>
      {result.nameUsed}
      {result.pronouns && (
        <Text span c="dimmed" fw={400} size="sm">
          {' '}
          ({result.pronouns})
        </Text>
      )}
    </Text>
  );
}

export function ResultFacts({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Text span ff="monospace" size="sm">
        {result.fileNumber}
      </Text>
      <Text span size="sm" c="dimmed">
        {result.birthYear ? t('search.bornIn', { year: result.birthYear }) : t('search.birthUnknown')}
      </Text>
      <Badge maw="none" variant="outline" color="gray" size="sm" tt="none">
        {result.siteCode}
      </Badge>
    </Group>
  );
}

export function ResultBadges({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      {result.hasOpenVisit && (
        <Badge maw="none" color="blue" variant="light" tt="none">
          {t('search.openVisit')}
        </Badge>
      )}
      {result.matchedOn === 'legal_name' && (
        <Badge maw="none" color="grape" variant="light" tt="none">
          {t('search.matchedLegalName')}
        </Badge>
      )}
      {result.matchedOn === 'phone' && (
        <Badge maw="none" color="gray" variant="light" tt="none">
          {t('search.matchedPhone')}
        </Badge>
      )}
    </Group>
  );
}
