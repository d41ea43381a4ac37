/**
 * The application frame: header (centre, language, user, lock) and a navbar listing only the
 * screens the user may open, drawn from the routes' own navigation entries (see route-access.ts).
 * It is the root route's component: the current screen renders in its outlet.
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
import { Link, Outlet, useBlocker, useLocation, useRouter } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonSearch } from '../features/persons/search/PersonSearch';
import { confirmDiscard, discardUnsavedWork, useHasUnsavedWork } from './dirty-forms';
import { LockIcon, LogoutIcon } from './icons';
import { LanguageSwitch } from './LanguageSwitch';
import { mayOpen, type NavEntry } from './route-access';
import { chooseSite, lockSession, logout, useSession, type RendererSession } from './session';

interface NavItem extends NavEntry {
  to: string;
}

/** The routes that carry a navigation entry and that this user may open, in their order. */
function useNavItems(user: RendererSession['state']['user']): NavItem[] {
  const router = useRouter();
  return useMemo(
    () =>
      Object.values(router.routesById)
        .flatMap((route): NavItem[] => {
          const { nav, access } = route.options.staticData ?? {};
          return nav && mayOpen(access, user) ? [{ ...nav, to: route.fullPath }] : [];
        })
        .sort((a, b) => a.order - b.order),
    [router, user],
  );
}

/** A screen's entry stays lit on its sub-screens (`/persons/<id>` lights "Personnes"). */
function isActive(to: string, pathname: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** A navigation (a link, the browser's Back) away from unsaved work waits for "leave" or "stay". */
const leavingUnsavedWork = async () => !(await confirmDiscard('leave'));

/** The router's blocker for every screen: the forms declare their unsaved work (dirty-forms.ts). */
function UnsavedWorkBlocker() {
  // Registered only while a form is dirty: without a blocker the history moves synchronously, as
  // a sign-out's way home needs. beforeunload is dirty-forms.ts's own listener.
  const dirty = useHasUnsavedWork();
  useBlocker({ shouldBlockFn: leavingUnsavedWork, enableBeforeUnload: false, disabled: !dirty });
  return null;
}

async function signOut(): Promise<void> {
  if (!(await confirmDiscard('logout'))) return;
  discardUnsavedWork();
  await logout();
}

export function Shell() {
  const session = useSession();
  // The router is only mounted with a session (Root.tsx); this keeps the types honest.
  return session ? <ShellFrame session={session} /> : null;
}

function ShellFrame({ session }: { session: RendererSession }) {
  const { t } = useTranslation();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { user, centreName } = session.state;
  const items = useNavItems(user);
  const { pathname } = useLocation();

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
        {items.map((item) => {
          const active = isActive(item.to, pathname);
          return (
            <NavLink
              key={item.to}
              renderRoot={(props) => <Link to={item.to} {...props} />}
              label={t(item.labelKey)}
              leftSection={<item.icon />}
              rightSection={item.badge ? <item.badge /> : undefined}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={closeNav}
            />
          );
        })}
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <UnsavedWorkBlocker />
        <Outlet />
        {/* Ctrl+K / "/" from any screen: finding a person is reception's first move. */}
        <PersonSearch />
      </AppShell.Main>
    </AppShell>
  );
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
        {user.professionalNumber && (
          <Text size="xs" c="dimmed" px="sm" pb="xs">
            {t('users.professionalNumberShort', { number: user.professionalNumber })}
          </Text>
        )}
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
        <Menu.Item leftSection={<LogoutIcon />} color="red" onClick={() => void signOut()}>
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
