/**
 * Said at the check-in of a person whose sharing questions were left for later (or never asked):
 * which consents are not recorded yet, with a link to the consent tab. Reading the consents is an
 * audited read of the consent section, asked only of roles that may read it.
 */
import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CREATION_CONSENT_SCOPES } from '../../../../shared/contract/persons';
import { sectionAccess } from '../../../../shared/domain/access-policy';
import { useConsents } from '../api';
import { personLinks } from '../links';
import { useSignedIn } from '../use-signed-in';

export function ConsentMissingNotice({ personId, onFollow }: { personId: string; onFollow: () => void }) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const mayRead = sectionAccess(session.state.user.roles, 'consent') !== 'none';
  const consents = useConsents(personId, mayRead);
  if (!consents.data) return null;
  const missing = consents.data.current.filter(
    (c) => c.recordedAt === null && (CREATION_CONSENT_SCOPES as readonly string[]).includes(c.scope),
  );
  if (missing.length === 0) return null;
  return (
    <Alert color="orange" title={t('consents.missing.title')} role="status">
      <Text size="sm">
        {t('consents.missing.scopes', {
          scopes: missing.map((c) => t(`consents.scopes.${c.scope}`)).join(', '),
        })}
      </Text>
      <Anchor
        renderRoot={(props) => <Link {...props} {...personLinks.dossier(personId, 'consents')} />}
        onClick={onFollow}
        size="sm"
      >
        {t('consents.missing.record')}
      </Anchor>
    </Alert>
  );
}
