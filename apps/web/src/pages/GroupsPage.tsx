import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../components/AppModal';
import { Link, useNavigate } from 'react-router';
import { answer, client, type Schemas } from '../api';
import { FormError, ListState, useLoad, usePaged, useSubmit } from '../components/data';
import { ListSearchBox, useListSearch } from '../components/ListSearch';
import { RecordList } from '../components/RecordList';
import { GroupStatusBadge, useCraftName } from '../components/labels';
import { WorkshopSelect } from '../components/WorkshopSelect';
import { besideItsField } from './GroupDetailsForm';
import { useFormat } from '../format';
import { GROUP_STATUSES } from '../../../../libs/groups/src/group-status';

type GroupStatus = Schemas['GroupView']['status'];
type ScheduleSlot = Schemas['ScheduleSlotDto'];

const STATUSES = GROUP_STATUSES;

export function GroupsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const craftName = useCraftName();
  const [status, setStatus] = useState<GroupStatus | null>(null);
  const [creating, setCreating] = useState(false);
  const search = useListSearch();
  const list = usePaged('/api/groups', {
    query: { status: status ?? undefined, search: search.search },
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.groups')}</Title>
        <Button onClick={() => setCreating(true)}>{t('groups.create')}</Button>
      </Group>
      <ListSearchBox label={t('listSearch.groups')} search={search} />
      <Select
        label={t('groups.status')}
        placeholder={t('common.all')}
        clearable
        data={STATUSES.map((s) => ({ value: s, label: t(`groupStatus.${s}`) }))}
        value={status}
        onChange={setStatus}
        maw={240}
      />
      <ListState list={list} empty={t('groups.none')}>
        <RecordList
          rows={list.items}
          rowKey={(group) => group.id}
          label={t('nav.groups')}
          columns={[
            {
              label: t('groups.code'),
              render: (group) => <Link to={`/groups/${group.id}`}>{group.code}</Link>,
            },
            {
              label: t('groups.course'),
              render: (group) => `${group.course.title} · ${craftName(group.course.craft)}`,
            },
            {
              label: t('groups.dates'),
              render: (group) => `${format.date(group.startDate)} – ${format.date(group.endDate)}`,
            },
            {
              label: t('groups.seats'),
              render: (group) =>
                t('groups.seatsValue', {
                  active: group.seats.active,
                  capacity: group.seats.capacity,
                  waitlisted: group.seats.waitlisted,
                }),
            },
            {
              label: t('groups.status'),
              render: (group) => <GroupStatusBadge status={group.status} />,
            },
          ]}
        />
      </ListState>
      <CreateGroupModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

/** Weekday rows of a timetable, as the group form edits them. */
export function ScheduleEditor({
  value,
  onChange,
  error,
}: {
  value: ScheduleSlot[];
  onChange: (slots: ScheduleSlot[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    label: format.weekday(d),
  }));
  const change = (index: number, patch: Partial<ScheduleSlot>) =>
    onChange(value.map((slot, i) => (i === index ? { ...slot, ...patch } : slot)));
  return (
    <Stack gap="xs">
      {value.map((slot, index) => (
        // Each row repeats the labels Day, From and To: the row's own name tells them apart.
        // On a phone the day takes a line of its own and the times share the next, so the remove
        // button is never pushed off the side.
        <Group
          key={index}
          gap="xs"
          align="end"
          wrap="wrap"
          role="group"
          aria-label={t('groups.slot', { n: index + 1 })}
        >
          <Select
            label={t('groups.weekday')}
            data={weekdays}
            value={String(slot.weekday)}
            onChange={(d) => change(index, { weekday: Number(d) })}
            allowDeselect={false}
            w={{ base: '100%', xs: 150 }}
          />
          <Group gap="xs" align="end" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
            <TextInput
              label={t('groups.startTime')}
              type="time"
              value={slot.startTime}
              onChange={(e) => change(index, { startTime: e.currentTarget.value })}
              style={{ flex: 1, minWidth: 0 }}
            />
            <TextInput
              label={t('groups.endTime')}
              type="time"
              value={slot.endTime}
              onChange={(e) => change(index, { endTime: e.currentTarget.value })}
              style={{ flex: 1, minWidth: 0 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('groups.removeSlot')}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
              mb={4}
            >
              ✕
            </ActionIcon>
          </Group>
        </Group>
      ))}
      {error && (
        <div role="alert" style={{ color: 'var(--mantine-color-error)', fontSize: 'small' }}>
          {error}
        </div>
      )}
      <Button
        variant="light"
        size="xs"
        onClick={() => onChange([...value, { weekday: 1, startTime: '10:00', endTime: '13:00' }])}
      >
        {t('groups.addSlot')}
      </Button>
    </Stack>
  );
}

function CreateGroupModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const courses = useLoad(opened ? '/api/courses' : null, { query: { active: true, limit: 100 } });
  const [form, setForm] = useState({
    courseId: '',
    code: '',
    workshopId: '',
    startDate: '',
    endDate: '',
    capacity: 8,
  });
  const [schedule, setSchedule] = useState<ScheduleSlot[]>([
    { weekday: 1, startTime: '10:00', endTime: '13:00' },
  ]);
  const submit = useSubmit();

  return (
    <AppModal opened={opened} onClose={onClose} title={t('groups.create')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit
            .run(() =>
              besideItsField(() =>
                answer(
                  client.POST('/api/groups', {
                    // Empty fields are left out, so that the API names each missing one.
                    body: {
                      ...form,
                      courseId: form.courseId || undefined,
                      workshopId: form.workshopId || null,
                      startDate: form.startDate || undefined,
                      endDate: form.endDate || undefined,
                      schedule,
                    } as Schemas['CreateGroupDto'],
                  }),
                ),
              ),
            )
            .then((group) => {
              if (group) void navigate(`/groups/${group.id}`);
            });
        }}
      >
        <Stack>
          <Select
            label={t('groups.course')}
            withAsterisk
            data={(courses.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
            value={form.courseId || null}
            // Another course may be of another craft: its workshop is chosen again.
            onChange={submit.clearing('courseId', (courseId) =>
              setForm({ ...form, courseId: courseId ?? '', workshopId: '' }),
            )}
            error={submit.fieldError('courseId')}
            searchable
          />
          <TextInput
            label={t('groups.code')}
            withAsterisk
            placeholder="JW-2026-03"
            value={form.code}
            onChange={submit.clearing('code', (e) =>
              setForm({ ...form, code: e.currentTarget.value }),
            )}
            error={submit.fieldError('code')}
          />
          <WorkshopSelect
            craft={courses.data?.items.find((c) => c.id === form.courseId)?.craft}
            value={form.workshopId || null}
            // A smaller workshop lowers the seats to its workplaces.
            onChange={submit.clearing(
              'workshopId',
              (workshopId: string | null, workplaces?: number) =>
                setForm({
                  ...form,
                  workshopId: workshopId ?? '',
                  capacity: Math.min(form.capacity, workplaces ?? form.capacity),
                }),
            )}
            error={submit.fieldError('workshopId')}
          />
          <Group grow>
            <TextInput
              label={t('groups.startDate')}
              withAsterisk
              type="date"
              value={form.startDate}
              onChange={submit.clearing('startDate', (e) =>
                setForm({ ...form, startDate: e.currentTarget.value }),
              )}
              error={submit.fieldError('startDate')}
            />
            <TextInput
              label={t('groups.endDate')}
              withAsterisk
              type="date"
              value={form.endDate}
              onChange={submit.clearing('endDate', (e) =>
                setForm({ ...form, endDate: e.currentTarget.value }),
              )}
              error={submit.fieldError('endDate')}
            />
          </Group>
          <NumberInput
            label={t('groups.capacity')}
            min={1}
            max={8}
            value={form.capacity}
            onChange={submit.clearing('capacity', (capacity) =>
              setForm({ ...form, capacity: Number(capacity) }),
            )}
            error={submit.fieldError('capacity')}
          />
          <ScheduleEditor
            value={schedule}
            onChange={submit.clearing('schedule', setSchedule)}
            error={submit.fieldError('schedule')}
          />
          <FormError error={submit.formError()} />
          <Button type="submit" loading={submit.busy}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}
