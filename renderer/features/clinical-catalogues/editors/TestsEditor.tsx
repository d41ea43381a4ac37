/** The test catalogue: a test may be retired (no longer offered) and reactivated; test of cure on or off. */
import { Badge, Button, Switch, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogueView } from '../../../../shared/contract/clinical-catalogues';
import { isActive, TEST_CODES } from '../../../../shared/domain/clinical-catalogues';
import { TableHead } from '../../../app/list-page';
import { CatalogueFormFrame, useCatalogueForm } from '../CatalogueForm';

export function TestsEditor({ view, onReload }: { view: CatalogueView<'tests'>; onReload: () => void }) {
  const { t } = useTranslation();
  const form = useCatalogueForm(view);
  return (
    <CatalogueFormFrame view={view} form={form} onReload={onReload}>
      <Table striped>
        <TableHead
          columns={[
            t('clinicalCatalogues.columns.test'),
            t('clinicalCatalogues.columns.kind'),
            t('clinicalCatalogues.columns.testOfCure'),
            t('clinicalCatalogues.columns.state'),
          ]}
        />
        <Table.Tbody>
          {TEST_CODES.map((code) => {
            const test = form.values.content[code];
            const label = t(`clinicalCatalogues.tests.${code}`);
            const active = isActive(test);
            return (
              <Table.Tr key={code}>
                <Table.Td>{label}</Table.Td>
                <Table.Td>{t(`clinicalCatalogues.kinds.${test.kind}`)}</Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={`${t('clinicalCatalogues.columns.testOfCure')} · ${label}`}
                    {...form.getInputProps(`content.${code}.testOfCure`, { type: 'checkbox' })}
                  />
                </Table.Td>
                <Table.Td>
                  {!active && (
                    <Badge color="gray" mr="sm">
                      {t('clinicalCatalogues.retired')}
                    </Badge>
                  )}
                  <Button
                    size="compact-sm"
                    variant="light"
                    color={active ? 'red' : 'teal'}
                    aria-label={`${t(active ? 'clinicalCatalogues.retire' : 'clinicalCatalogues.reactivate')} · ${label}`}
                    // A shipped test carries no flag: reactivating takes the flag away again.
                    onClick={() => form.setFieldValue(`content.${code}.active`, active ? false : undefined)}
                  >
                    {t(active ? 'clinicalCatalogues.retire' : 'clinicalCatalogues.reactivate')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </CatalogueFormFrame>
  );
}
