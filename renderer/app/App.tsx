import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { useEffect, type ReactNode } from 'react';
import { queryClient } from '../api/query-client';
import i18n from '../i18n/setup';
import { Root } from './Root';
import { useSession } from './session';
import { theme } from './theme';
import './notifications.css';

/** Date pickers follow the interface language (their own dayjs locales). */
function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  return (
    <DatesProvider settings={{ locale: current.language === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

/**
 * Messages at the top centre, under the header (60 px), three at most: never over the forms'
 * actions at the bottom right. None is shown over the lock screen, and none outlives the session
 * or its lock (a message may name a person).
 */
function AppNotifications() {
  const session = useSession();
  const hidden = session === null || session.state.locked;
  useEffect(() => {
    if (hidden) notifications.clean();
  }, [hidden]);
  if (session?.state.locked) return null;
  return (
    <Notifications
      position="top-center"
      limit={3}
      containerWidth={440}
      classNames={{ root: 'parcours-notifications' }}
    />
  );
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <LocalisedDates>
            <AppNotifications />
            <Root />
          </LocalisedDates>
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
