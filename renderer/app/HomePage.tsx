import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RendererSession } from './session';

/** Home: who is signed in, with which roles, on which sites. */
export function HomePage({ session }: { session: RendererSession }) {
  const { t } = useTranslation();
  const { user, centreName } = session.state;
  return (
    <Stack maw={960}>
      <div>
        <Title order={1}>{t('home.welcome', { name: user.displayName })}</Title>
        <Text c="dimmed">{t('home.intro', { centre: centreName })}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            {t('home.rolesTitle')}
          </Title>
          <Group gap="xs">
            {user.roles.map((role) => (
              <Badge key={role} size="lg" variant="light" tt="none">
                {t(`roles.${role}`)}
              </Badge>
            ))}
          </Group>
          <Text size="sm" c="dimmed" mt="md">
            {t('home.lastLogin', { username: user.username })}
          </Text>
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            {t('home.sitesTitle')}
          </Title>
          {user.sites.length === 0 ? (
            <Text c="dimmed">{t('home.noSites')}</Text>
          ) : (
            <Stack gap={4}>
              {user.sites.map((site) => (
                <Text key={site.id}>
                  <Text span fw={600}>
                    {site.code}
                  </Text>{' '}
                  · {site.name}
                </Text>
              ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
