import { Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api';
import { ListState, useLoad, usePaged } from '../components/data';
import { fullName, GroupStatusBadge, useCraftName } from '../components/labels';
import { useFormat } from '../format';
import {
  ENROLLMENT_STATUS,
  SEATED_ENROLLMENT_STATUSES,
} from '../../../../libs/enrollments/src/enrollment-status';

type GroupType = Schemas['GroupView'];

/** Master: my groups with their attendance. */
export function MyGroupsPage() {
  const { t } = useTranslation();
  const list = usePaged('/api/groups', {}, 10);
  return (
    <Stack>
      <Title order={2}>{t('nav.myGroups')}</Title>
      <ListState list={list} empty={t('groups.none')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {list.items.map((g) => (
            <GroupCard key={g.id} group={g} />
          ))}
        </SimpleGrid>
      </ListState>
    </Stack>
  );
}

function GroupCard({ group }: { group: GroupType }) {
  const { t } = useTranslation();
  const format = useFormat();
  const craftName = useCraftName();
  const roster = useLoad('/api/groups/{id}/enrollments', {
    path: { id: group.id },
    query: { limit: 100 },
  });
  const rates = (roster.data?.items ?? [])
    .filter((e) => SEATED_ENROLLMENT_STATUSES.includes(e.status))
    .map((e) => e.attendanceRate)
    .filter((rate): rate is number => rate !== null);
  const active = (roster.data?.items ?? []).filter((e) => e.status === ENROLLMENT_STATUS.active);
  const average = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
  return (
    <Card withBorder aria-label={group.code}>
      <Group justify="space-between">
        <Text fw={600}>{group.code}</Text>
        <GroupStatusBadge status={group.status} />
      </Group>
      <Text size="sm">
        {group.course.title} · {craftName(group.course.craft)}
      </Text>
      <Text size="sm" c="dimmed">
        {format.date(group.startDate)} – {format.date(group.endDate)} ·{' '}
        {t('groups.seatsValue', {
          active: group.seats.active,
          capacity: group.seats.capacity,
          waitlisted: group.seats.waitlisted,
        })}
      </Text>
      <Text size="sm" mt="xs">
        {t('groups.attendanceRate')}: {format.percent(average)}
      </Text>
      <Progress value={(average ?? 0) * 100} aria-label={t('groups.attendanceRate')} mt={4} />
      {active.length > 0 && (
        <Table mt="xs" aria-label={`${t('groups.roster')}: ${group.code}`}>
          <Table.Tbody>
            {active.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{fullName(entry.trainee)}</Table.Td>
                <Table.Td ta="right">{format.percent(entry.attendanceRate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
