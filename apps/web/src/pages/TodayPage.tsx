import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, get, type Schemas } from '../api';
import { FormError, Loading, useLoad, useSubmit } from '../components/data';
import { fullName } from '../components/labels';
import { localToday, useFormat } from '../format';

type MyLesson = Schemas['MyLessonView'];
type Lesson = Schemas['LessonView'];
type AttendanceStatus = Schemas['AttendanceMarkDto']['status'];

const MARKS: AttendanceStatus[] = ['present', 'late', 'absent', 'excused'];

interface TodayLesson {
  group: MyLesson['group'];
  lesson: Lesson;
}

/** Master: today's lessons, and marking one with a tap per trainee. */
export function TodayPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const today = localToday();
  const [lessons, setLessons] = useState<TodayLesson[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<TodayLesson | null>(null);
  const [refresh, setRefresh] = useState(0);

  useEffect(() => {
    let current = true;
    (async () => {
      // One request for the lessons of all the master's groups (GET /api/lessons/mine).
      const page = await get('/api/lessons/mine', { query: { from: today, to: today } });
      const found = page.items.map(({ group, ...lesson }) => ({ group, lesson }));
      if (current) setLessons(found);
    })().catch((reason: unknown) => current && setError(String(reason)));
    return () => {
      current = false;
    };
  }, [today, refresh]);

  if (open) {
    return (
      <MarkLesson
        item={open}
        onDone={() => {
          setOpen(null);
          setRefresh((r) => r + 1);
        }}
      />
    );
  }

  return (
    <Stack>
      <Title order={2}>
        {t('today.heading')} · {format.date(today)}
      </Title>
      {error && <Alert color="red">{error}</Alert>}
      {lessons === undefined && !error && <Loading />}
      {lessons?.length === 0 && <Text c="dimmed">{t('today.none')}</Text>}
      {lessons?.map((item) => (
        <Card key={item.lesson.id} withBorder>
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text fw={600}>
                {item.lesson.startTime}–{item.lesson.endTime} · {item.group.code}
              </Text>
              <Text size="sm" c="dimmed">
                {item.group.course.title}
                {item.group.room ? ` · ${item.group.room}` : ''}
              </Text>
            </div>
            {item.lesson.marked && <Badge color="teal">{t('today.marked')}</Badge>}
          </Group>
          <Button
            mt="sm"
            fullWidth
            aria-label={`${t('today.mark')}: ${item.group.code} ${item.lesson.startTime}`}
            onClick={() => setOpen(item)}
          >
            {t('today.mark')}
          </Button>
        </Card>
      ))}
    </Stack>
  );
}

function MarkLesson({ item, onDone }: { item: TodayLesson; onDone: () => void }) {
  const { t } = useTranslation();
  const groupId = item.group.id;
  const roster = useLoad('/api/groups/{id}/enrollments', {
    path: { id: groupId },
    query: { limit: 100 },
  });
  const sheet = useLoad('/api/groups/{id}/attendance', { path: { id: groupId } });
  const [marks, setMarks] = useState<Record<string, AttendanceStatus>>({});
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();

  useEffect(() => {
    if (!sheet.data) return;
    const existing: Record<string, AttendanceStatus> = {};
    for (const row of sheet.data.rows) {
      const mark = row.marks[item.lesson.id];
      if (mark) existing[row.enrollmentId] = mark;
    }
    setMarks(existing);
  }, [sheet.data, item.lesson.id]);

  if (roster.error || sheet.error) return <Alert color="red">{roster.error ?? sheet.error}</Alert>;
  if (!roster.data || !sheet.data) return <Loading />;
  const active = roster.data.items.filter((e) => e.status === 'active');
  const markedCount = active.filter((e) => marks[e.id]).length;

  return (
    <Stack>
      <Title order={3}>
        {item.group.code} · {item.lesson.startTime}–{item.lesson.endTime}
      </Title>
      {active.length === 0 && <Text c="dimmed">{t('groups.emptyRoster')}</Text>}
      {active.map((entry) => (
        <Card key={entry.id} withBorder p="sm" role="group" aria-label={fullName(entry.trainee)}>
          <Text fw={500} mb={6}>
            {fullName(entry.trainee)}
          </Text>
          <SegmentedControl
            fullWidth
            size="sm"
            color="teal"
            value={marks[entry.id] ?? ''}
            onChange={(status) => {
              setSaved(false);
              setMarks({ ...marks, [entry.id]: status as AttendanceStatus });
            }}
            data={MARKS.map((status) => ({ value: status, label: t(`attendance.${status}`) }))}
          />
        </Card>
      ))}
      <Text size="sm" c="dimmed">
        {t('today.progress', { marked: markedCount, total: active.length })}
      </Text>
      <FormError error={submit.formError()} />
      {saved && (
        <Alert color="teal" role="status">
          {t('today.saved')}
        </Alert>
      )}
      <Group grow>
        <Button variant="default" onClick={onDone}>
          {t('common.back')}
        </Button>
        <Button
          disabled={active.length === 0 || markedCount < active.length}
          loading={submit.busy}
          onClick={() =>
            void submit
              .run(() =>
                client.PUT('/api/lessons/{id}/attendance', {
                  params: { path: { id: item.lesson.id } },
                  // Saving waits until every active trainee has a mark.
                  body: {
                    marks: active.map((e) => ({ enrollmentId: e.id, status: marks[e.id]! })),
                  },
                }),
              )
              .then((result) => {
                if (result !== undefined) setSaved(true);
              })
          }
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
