import {
  Alert,
  Card,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, type Schemas } from '../api';
import { ListState, Loading, useLoad, usePaged } from '../components/data';
import { fullName, GroupStatusBadge, useCraftName } from '../components/labels';
import { useFormat } from '../format';
import {
  ENROLLMENT_STATUS,
  SEATED_ENROLLMENT_STATUSES,
} from '../../../../libs/enrollments/src/enrollment-status';
import { UNFINISHED_GROUP_STATUSES } from '../../../../libs/groups/src/group-status';

type GroupType = Schemas['GroupView'];
type GroupStatus = GroupType['status'];

/** What the filter offers: the groups still running or to run, or the finished ones by status. */
const SHOWN = ['current', 'completed', 'cancelled'] as const satisfies readonly (
  'current' | GroupStatus
)[];
type Shown = (typeof SHOWN)[number];

/** Master: my groups with their attendance; finished groups only when the filter asks. */
export function MyGroupsPage() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>('current');
  return (
    <Stack>
      <Title order={2}>{t('nav.myGroups')}</Title>
      <SegmentedControl
        fullWidth
        aria-label={t('myGroups.filter')}
        value={shown}
        onChange={setShown}
        data={SHOWN.map((value) => ({
          value,
          label: value === 'current' ? t('myGroups.current') : t(`groupStatus.${value}`),
        }))}
      />
      {shown === 'current' ? <CurrentGroups /> : <FinishedGroups status={shown} />}
    </Stack>
  );
}

/**
 * The unfinished groups, one request per status (the list filters by one status at a time): a
 * master has a handful, so all of them on one page.
 */
function CurrentGroups() {
  const { t } = useTranslation();
  const [groups, setGroups] = useState<GroupType[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    Promise.all(
      UNFINISHED_GROUP_STATUSES.map((status) =>
        get('/api/groups', { query: { status, limit: 100 } }),
      ),
    ).then(
      (pages) => {
        if (!current) return;
        // Newest start first, as the list of every group is ordered.
        const all = pages.flatMap((page) => page.items);
        all.sort((a, b) => b.startDate.localeCompare(a.startDate) || a.code.localeCompare(b.code));
        setGroups(all);
      },
      (reason: unknown) =>
        current && setError(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      current = false;
    };
  }, []);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!groups) return <Loading />;
  if (groups.length === 0) return <Text c="dimmed">{t('myGroups.noneCurrent')}</Text>;
  return <GroupGrid groups={groups} />;
}

function FinishedGroups({ status }: { status: GroupStatus }) {
  const { t } = useTranslation();
  const list = usePaged('/api/groups', { query: { status } }, 10);
  return (
    <ListState list={list} empty={t('groups.none')}>
      <GroupGrid groups={list.items} />
    </ListState>
  );
}

function GroupGrid({ groups }: { groups: GroupType[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {groups.map((g) => (
        <GroupCard key={g.id} group={g} />
      ))}
    </SimpleGrid>
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
