import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export interface Column<T> {
  label: string;
  render: (row: T) => ReactNode;
}

/**
 * Records as a table on a wide screen and as cards on a phone (below 48em), so that no action
 * is ever cut off or scrolled sideways. Each card is a labelled list item.
 */
export function RecordList<T>({
  rows,
  rowKey,
  columns,
  actions,
  label,
  actionsLabel,
}: {
  rows: T[];
  rowKey: (row: T) => string;
  columns: Column<T>[];
  actions?: (row: T) => ReactNode;
  /** The accessible name of the list. */
  label: string;
  /** The heading of the actions column. */
  actionsLabel?: string;
}) {
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (narrow) {
    return (
      <Stack gap="xs" component="ul" aria-label={label} p={0} m={0} style={{ listStyle: 'none' }}>
        {rows.map((row) => (
          <Paper component="li" key={rowKey(row)} withBorder p="sm">
            <Stack gap={4}>
              {columns.map((column) => (
                <div key={column.label}>
                  <Text size="xs" c="dimmed">
                    {column.label}
                  </Text>
                  <div>{column.render(row)}</div>
                </div>
              ))}
              {actions && (
                <Group gap="xs" mt={4}>
                  {actions(row)}
                </Group>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column.label}>{column.label}</Table.Th>
          ))}
          {actions && <Table.Th>{actionsLabel}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={rowKey(row)}>
            {columns.map((column) => (
              <Table.Td key={column.label}>{column.render(row)}</Table.Td>
            ))}
            {actions && (
              <Table.Td>
                <Group gap="xs">{actions(row)}</Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
