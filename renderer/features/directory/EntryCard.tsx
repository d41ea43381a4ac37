import { Badge, Button, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntry } from '../../../shared/contract';
import { formatDay } from './format';
import { isStale } from './verification';

/** One partner: what it is, where, in which languages, how safe, and when someone last checked. */
export function EntryCard({
  entry,
  canManage,
  busy,
  onEdit,
  onVerify,
  onRefer,
}: {
  entry: DirectoryEntry;
  canManage: boolean;
  busy: boolean;
  onEdit: () => void;
  onVerify: () => void;
  onRefer: (() => void) | null;
}) {
  const { t } = useTranslation();
  const stale = isStale(entry.lastVerifiedAt);
  const place = [entry.city, entry.region].filter(Boolean).join(', ');
  return (
    <Paper
      component="article"
      aria-labelledby={`entry-${entry.id}`}
      withBorder
      p="md"
      style={entry.active ? undefined : { opacity: 0.6 }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" align="baseline">
            <Title order={3} size="h4" id={`entry-${entry.id}`}>
              {entry.name}
            </Title>
            <Text size="sm" c="dimmed">
              {t(`directory.kinds.${entry.kind}`)}
            </Text>
          </Group>
          <Group gap={6}>
            <Badge variant="light" color="blue" tt="none">
              {t(`catalogue.directoryCategories.${entry.category}`)}
            </Badge>
            {entry.internal && (
              <Badge variant="light" color="teal" tt="none">
                {t('directory.internal')}
              </Badge>
            )}
            {!entry.active && (
              <Badge variant="outline" color="gray" tt="none">
                {t('directory.inactive')}
              </Badge>
            )}
            {place && <Text size="sm">{place}</Text>}
          </Group>
          {entry.friendliness.length > 0 && (
            <Group gap={4} aria-label={t('directory.fields.friendliness')}>
              {entry.friendliness.map((f) => (
                <Badge key={f} size="sm" variant="dot" color="grape" tt="none">
                  {t(`catalogue.friendliness.${f}`)}
                </Badge>
              ))}
            </Group>
          )}
          {entry.languages.length > 0 && (
            <Text size="sm">{t('directory.languages', { list: entry.languages.join(', ') })}</Text>
          )}
          {(entry.phone || entry.email || entry.address) && (
            <Text size="sm" c="dimmed">
              {[entry.phone, entry.email, entry.address].filter(Boolean).join(' · ')}
            </Text>
          )}
          {entry.notes && (
            <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
              {entry.notes}
            </Text>
          )}
        </Stack>
        <Stack gap={6} align="flex-end" miw={170}>
          <Tooltip label={t('directory.staleHint')} disabled={!stale} withinPortal>
            <Badge
              color={stale ? 'yellow' : 'gray'}
              variant={stale ? 'filled' : 'light'}
              tt="none"
              data-stale={stale || undefined}
            >
              {entry.lastVerifiedAt
                ? t('directory.verifiedOn', { date: formatDay(entry.lastVerifiedAt) })
                : t('directory.neverVerified')}
            </Badge>
          </Tooltip>
          {canManage && (
            <Group gap={4} justify="flex-end">
              <Button size="compact-sm" variant="light" onClick={onVerify} loading={busy}>
                {t('directory.markVerified')}
              </Button>
              <Button size="compact-sm" variant="default" onClick={onEdit} disabled={busy}>
                {t('app.edit')}
              </Button>
            </Group>
          )}
          {onRefer && entry.active && (
            <Button size="compact-sm" variant="subtle" onClick={onRefer}>
              {t('referrals.new')}
            </Button>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
