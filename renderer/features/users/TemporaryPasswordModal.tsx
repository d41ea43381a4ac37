import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Handover } from './UserFormModal';

/** A temporary password, shown once, to hand over in person. It is not kept anywhere after closing. */
export function TemporaryPasswordModal({ handover, onClose }: { handover: Handover; onClose: () => void }) {
  const { t } = useTranslation();
  const { user, temporaryPassword } = handover;
  return (
    <Modal opened onClose={onClose} title={t('users.temporaryTitle')} centered closeOnClickOutside={false}>
      <Stack>
        <Text size="sm">
          {t('users.temporaryIntro', { name: user.displayName, username: user.username })}
        </Text>
        <Code
          block
          aria-label={t('users.temporaryPassword')}
          data-testid="temporary-password"
          fz={22}
          fw={700}
          ta="center"
          py="md"
          style={{
            letterSpacing: '0.06em',
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
            userSelect: 'all',
          }}
        >
          {temporaryPassword}
        </Code>
        <Group justify="space-between">
          <CopyButton value={temporaryPassword}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'light' : 'default'} color="teal" onClick={copy}>
                {copied ? t('app.copied') : t('app.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose} data-autofocus>
            {t('users.temporaryDone')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
