/**
 * The person an audit line is about: the file number and name used when the core sent them (the
 * reader may read identity), else the bare identifier. Never decided here: the core leaves
 * `person` empty for a reader who may not see it.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditPerson } from '../../../shared/contract/audit';

export function AuditPersonLabel({
  personId,
  person,
}: {
  personId: string | null;
  person: AuditPerson | null;
}) {
  const { t } = useTranslation();
  if (!personId) return <>{t('app.none')}</>;
  if (!person)
    return (
      <Text ff="monospace" size="sm">
        {personId}
      </Text>
    );
  return (
    <Text size="sm" component="span">
      <Text span ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
        {person.fileNumber}
      </Text>
      {` · ${person.nameUsed}`}
    </Text>
  );
}
