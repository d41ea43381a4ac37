/**
 * The coordination's review of unusual reading: hours of the last week in which one person opened
 * more different dossiers than the centre's threshold. Nothing here says which dossiers: the log
 * below, filtered by that person and hour, does.
 */
import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/dates';
import { currentLanguage } from '../../i18n/setup';
import { useUnusualReading } from './api';

export function UnusualReading() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const review = useUnusualReading();
  if (!review.data) return null;
  const { threshold, items } = review.data;
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="unusual-reading">
        {t('audit.unusual.none', { threshold })}
      </Text>
    );
  return (
    <Alert
      color="orange"
      title={t('audit.unusual.title', { count: items.length })}
      data-testid="unusual-reading"
    >
      <Text size="sm" mb="xs">
        {t('audit.unusual.intro', { threshold })}
      </Text>
      <List size="sm">
        {items.map((item) => (
          <List.Item key={`${item.actorId}-${item.hour}`}>
            {t('audit.unusual.item', {
              name: item.actorName ?? item.actorId,
              hour: formatDateTime(item.hour, lng),
              count: item.dossiers,
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
