/**
 * The Social tab: "new support", then what was given, latest first — its kind, day, giver, value
 * in its currency, quantity, the place referred to and the description as typed.
 */
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SocialSupport } from '../../../shared/contract/social-support';
import { currencyExponent } from '../../../shared/domain/money';
import { currentLanguage } from '../../i18n/setup';
import { formatCalendarDate } from '../persons/format';
import { SupportForm } from './SupportForm';

/** The currency proposed to a new support when the dossier has none yet. */
const DEFAULT_CURRENCY = 'XOF';

function formatValue(s: SocialSupport, lng: string): string | null {
  if (s.valueMinor === null || s.currency === null) return null;
  const exponent = currencyExponent(s.currency);
  try {
    return new Intl.NumberFormat(lng, { style: 'currency', currency: s.currency }).format(
      s.valueMinor / 10 ** exponent,
    );
  } catch {
    return `${s.valueMinor / 10 ** exponent} ${s.currency}`;
  }
}

export function SocialSupportPanel({
  personId,
  supports,
  canWrite,
}: {
  personId: string;
  supports: readonly SocialSupport[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [editing, setEditing] = useState<{ support: SocialSupport | null } | null>(null);
  const lastCurrency = supports.find((s) => s.currency)?.currency ?? DEFAULT_CURRENCY;
  return (
    <Stack>
      {canWrite && (
        <Group>
          <Button onClick={() => setEditing({ support: null })}>{t('socialSupport.tab.add')}</Button>
        </Group>
      )}
      {supports.length === 0 && <Text c="dimmed">{t('socialSupport.tab.none')}</Text>}
      {supports.map((s) => {
        const title = t(`socialSupport.kinds.${s.kind}`);
        const value = formatValue(s, lng);
        return (
          <Card key={s.id} withBorder component="section" aria-label={title}>
            <Stack gap={4}>
              <Group justify="space-between">
                <Title order={3} size="h5">
                  {title}
                  {value && ` · ${value}`}
                </Title>
                {canWrite && (
                  <Button size="xs" variant="subtle" onClick={() => setEditing({ support: s })}>
                    {t('socialSupport.tab.edit')}
                  </Button>
                )}
              </Group>
              <Text size="sm">
                {t('socialSupport.tab.givenOn', { date: formatCalendarDate(s.givenOn, lng) })}
                {s.givenByName && ` ${t('socialSupport.tab.givenBy', { name: s.givenByName })}`}
                {s.quantity !== null && ` · ${t('socialSupport.tab.quantity', { count: s.quantity })}`}
              </Text>
              {s.entryName && <Text size="sm">{t('socialSupport.tab.entry', { name: s.entryName })}</Text>}
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.description}
              </Text>
            </Stack>
          </Card>
        );
      })}
      {editing && (
        <SupportForm
          personId={personId}
          support={editing.support}
          lastCurrency={lastCurrency}
          onDone={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
