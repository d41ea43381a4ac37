/** The pieces every list page repeats: its title row, its search box and its table's edges. */
import { Group, Switch, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's title and intro, with its main action (if any) on the right. */
export function PageTitle({ title, intro, action }: { title: string; intro: string; action?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={1}>{title}</Title>
        <Text c="dimmed">{intro}</Text>
      </div>
      {action}
    </Group>
  );
}

/** The list's search box; it has the focus, as searching is what the page is opened for. */
export function SearchInput({
  value,
  onChange,
  w,
}: {
  value: string;
  onChange: (value: string) => void;
  w: number;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('fields.search')}
      type="search"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={w}
      autoFocus
    />
  );
}

/** Beside the search box: show what was deactivated too. */
export function InactiveSwitch({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Switch label={label} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} mb={8} />
  );
}

/** Column headers; the last, over the row actions, is named for screen readers only. */
export function TableHead({ columns, actions = false }: { columns: string[]; actions?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) => (
          <Table.Th key={column}>{column}</Table.Th>
        ))}
        {actions && (
          <Table.Th>
            <VisuallyHidden>{t('app.actions')}</VisuallyHidden>
          </Table.Th>
        )}
      </Table.Tr>
    </Table.Thead>
  );
}

/** A row across the whole table saying why it has no other rows. */
export function EmptyRow({ colSpan, text }: { colSpan: number; text: string }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text c="dimmed" ta="center" py="md">
          {text}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
