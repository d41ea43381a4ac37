/**
 * One list of rows of the safety plan (trusted people, safe places, code words): each row with its
 * "Retirer" button naming the row, an "Ajouter …" button under them. Keyboard first: a new row's
 * first input takes the focus; removing a row hands it to the "Ajouter …" button (the row's own
 * button is gone). Read-only readers see the rows and no buttons.
 */
import { Box, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function SafetyRows({
  title,
  count,
  max,
  writable,
  emptyText,
  addLabel,
  rowLegend,
  removeLabel,
  onAdd,
  onRemove,
  children,
}: {
  title: string;
  count: number;
  max: number;
  writable: boolean;
  emptyText: string;
  addLabel: string;
  /** Rows of several inputs are a group named after the row; a row of one input names itself. */
  rowLegend?: (n: number) => string;
  removeLabel: (n: number) => string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** The inputs of row `index` (0-based). */
  children: (index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  const add = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<{ row: number } | 'add' | null>(null);

  useEffect(() => {
    if (focus === null) return;
    if (focus === 'add') add.current?.focus();
    else list.current?.querySelectorAll('[data-safety-row]')[focus.row]?.querySelector('input')?.focus();
    setFocus(null);
  }, [focus, count]);

  const rows = Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const remove = writable && (
      <Button
        variant="subtle"
        color="red"
        aria-label={removeLabel(n)}
        onClick={() => {
          onRemove(index);
          setFocus('add');
        }}
      >
        {t('casePlans.safety.remove')}
      </Button>
    );
    const inputs = (
      <Group align="flex-end" wrap="nowrap" gap="xs">
        <Box flex={1}>{children(index)}</Box>
        {remove}
      </Group>
    );
    // Index keys: the inputs are controlled by the form, whose list is the truth.
    return rowLegend ? (
      <Fieldset key={index} data-safety-row legend={rowLegend(n)} p="xs">
        {inputs}
      </Fieldset>
    ) : (
      <Box key={index} data-safety-row>
        {inputs}
      </Box>
    );
  });

  return (
    <Stack gap={4} ref={list}>
      <Text fw={500}>{title}</Text>
      {count === 0 && (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      )}
      {rows}
      {writable && (
        <Group gap="xs">
          <Button
            ref={add}
            variant="light"
            size="xs"
            disabled={count >= max}
            onClick={() => {
              onAdd();
              setFocus({ row: count });
            }}
          >
            {addLabel}
          </Button>
          {count >= max && (
            <Text size="xs" c="dimmed">
              {t('casePlans.safety.rowsFull', { max })}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
