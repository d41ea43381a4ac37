/**
 * The application frame: header (centre, language, user, lock) and a navbar listing only the
 * capabilities the user's permissions open.
 */
import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditPage } from '../features/audit/AuditPage';
import { CentrePage } from '../features/centre/CentrePage';
import { HomePage } from './HomePage';
import { StaffPage } from '../features/users/StaffPage';
import { BoardPage } from '../features/visits/BoardPage';
import { AgendaPage } from '../features/appointments/AgendaPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { PersonSearch } from '../features/persons/search/PersonSearch';
import { PersonsScreen } from '../features/persons/PersonsScreen';
import {
  AgendaIcon,
  AuditIcon,
  BoardIcon,
  CentreIcon,
  DirectoryIcon,
  HomeIcon,
  LockIcon,
  LogoutIcon,
  PersonsIcon,
  TeamIcon,
} from './icons';
import type { TextKey } from '../i18n/setup';
import { LanguageSwitch } from './LanguageSwitch';
import { canOpen } from './navigation';
import { hrefOf, useRoute, type Route } from './router';
import { chooseSite, lockSession, logout, type RendererSession } from './session';

const NAV_ITEMS: { route: Route; labelKey: TextKey; icon: ReactNode }[] = [
  // Reception first: for the roles of the pathway it is the screen of the day.
  { route: 'board', labelKey: 'nav.board', icon: <BoardIcon /> },
  { route: 'persons', labelKey: 'nav.persons', icon: <PersonsIcon /> },
  { route: 'home', labelKey: 'nav.home', icon: <HomeIcon /> },
  { route: 'agenda', labelKey: 'nav.agenda', icon: <AgendaIcon /> },
  { route: 'directory', labelKey: 'nav.directory', icon: <DirectoryIcon /> },
  { route: 'users', labelKey: 'nav.users', icon: <TeamIcon /> },
  { route: 'audit', labelKey: 'nav.audit', icon: <AuditIcon /> },
  { route: 'centre', labelKey: 'nav.centre', icon: <CentreIcon /> },
];

export function Shell({ session }: { session: RendererSession }) {
  const { t } = useTranslation();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const requested = useRoute();
  const { user, centreName } = session.state;
  const route = canOpen(requested, user.permissions, user.roles) ? requested : 'home';

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <Title order={2} size="h4" c="teal.8">
              {t('app.name')}
            </Title>
            <Text c="dimmed" visibleFrom="xs" truncate>
              {centreName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu session={session} />
            <Button
              variant="light"
              leftSection={<LockIcon />}
              onClick={() => void lockSession()}
              title={t('header.lockHint')}
            >
              {t('header.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.label')}>
        {NAV_ITEMS.filter((item) => canOpen(item.route, user.permissions, user.roles)).map((item) => (
          <NavLink
            key={item.route}
            href={hrefOf(item.route)}
            label={t(item.labelKey)}
            leftSection={item.icon}
            active={route === item.route}
            aria-current={route === item.route ? 'page' : undefined}
            onClick={closeNav}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <Screen route={route} session={session} />
        {/* Ctrl+K / "/" from any screen: finding a person is reception's first move. */}
        <PersonSearch />
      </AppShell.Main>
    </AppShell>
  );
}

function Screen({ route, session }: { route: Route; session: RendererSession }) {
  switch (route) {
    case 'users':
      return <StaffPage />;
    case 'audit':
      return <AuditPage />;
    case 'centre':
      return <CentrePage />;
    case 'board':
      return <BoardPage />;
    case 'agenda':
      return <AgendaPage />;
    case 'directory':
      return <DirectoryPage />;
    case 'persons':
      return <PersonsScreen />;
    case 'home':
      return <HomePage session={session} />;
  }
}

function UserMenu({ session }: { session: RendererSession }) {
  const { t } = useTranslation();
  const { user } = session.state;
  const currentSite = user.sites.find((s) => s.id === session.currentSiteId);
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('header.userMenu', { name: user.displayName })}
          px="xs"
          py={4}
          style={{ borderRadius: 8 }}
        >
          <Stack gap={0} align="flex-end">
            <Text size="sm" fw={600} lh={1.2}>
              {user.displayName}
            </Text>
            <Text size="xs" c="dimmed" lh={1.2}>
              {currentSite ? `${currentSite.code} · ${currentSite.name}` : t('header.noSite')}
            </Text>
          </Stack>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.roles')}</Menu.Label>
        <Group gap={4} px="sm" pb="xs">
          {user.roles.map((role) => (
            <Badge key={role} variant="light" size="sm" tt="none">
              {t(`roles.${role}`)}
            </Badge>
          ))}
        </Group>
        {user.sites.length > 0 && (
          <>
            <Menu.Divider />
            <Menu.Label>{t('header.currentSite')}</Menu.Label>
            {user.sites.map((site) => (
              <Menu.Item
                key={site.id}
                onClick={() => chooseSite(site.id)}
                fw={site.id === session.currentSiteId ? 700 : 400}
                aria-current={site.id === session.currentSiteId ? 'true' : undefined}
              >
                {site.code} · {site.name}
              </Menu.Item>
            ))}
          </>
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<LogoutIcon />} color="red" onClick={() => void logout()}>
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
