/**
 * How the person may be contacted, shown wherever someone might contact them: "never contact"
 * first and in red, the allowed channels, and the words the person chose for messages.
 */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/contract/persons';

export function NeverContactBadge({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (!person.contact.neverContact) return null;
  return (
    <Badge maw="none" color="red" variant="filled" tt="none" size="lg">
      {t('dossier.contact.neverContact')}
    </Badge>
  );
}

export function ContactPreferences({ person, compact = false }: { person: Person; compact?: boolean }) {
  const { t } = useTranslation();
  const { contact } = person;
  return (
    <Stack gap={6} aria-label={t('dossier.contact.title')} role="group">
      <Group gap={6}>
        <NeverContactBadge person={person} />
        {!contact.neverContact &&
          (contact.channels.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dossier.contact.noChannel')}
            </Text>
          ) : (
            contact.channels.map((c) => (
              <Badge maw="none" key={c} variant="light" color="teal" tt="none">
                {t(`catalogue.contactChannels.${c}`)}
              </Badge>
            ))
          ))}
      </Group>
      {!compact && (contact.phone || contact.email) && (
        <Text size="sm">{[contact.phone, contact.email].filter((v): v is string => !!v).join(' · ')}</Text>
      )}
      {contact.wording && !contact.neverContact && (
        <Text size="sm" fs="italic">
          {t('dossier.contact.wording', { words: contact.wording })}
        </Text>
      )}
    </Stack>
  );
}
