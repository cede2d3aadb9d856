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
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, type Schemas } from '../api';
import { FormError, Loading, useLoad, useSubmit } from '../components/data';
import { fullName } from '../components/labels';
import { localToday, useFormat } from '../format';

type MyLesson = Schemas['MyLessonView'];
type AttendanceStatus = Schemas['AttendanceMarkDto']['status'];

const MARKS: AttendanceStatus[] = ['present', 'late', 'absent', 'excused'];

/** How far back the screen looks: the marking week and the week before (to say what was missed). */
const LOOK_BACK_DAYS = 14;
/** How far ahead: the coming week. */
const LOOK_AHEAD_DAYS = 7;

/** `YYYY-MM-DD` plus days, by the calendar. */
function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** ISO weekday (Monday = 1) of a `YYYY-MM-DD` date. */
function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The days after its date that a lesson may be marked by its master, as the API counts them. */
function markingDays(lesson: MyLesson): number {
  return Math.round((Date.parse(lesson.markableUntil) - Date.parse(lesson.date)) / 86_400_000);
}

/** The screen's sections, in the order the master meets them. */
interface Week {
  /** Past lessons without marks: those the master can still mark (oldest first), then the rest. */
  unmarked: MyLesson[];
  today: MyLesson[];
  coming: MyLesson[];
  /** Past lessons already marked that the master may still correct, newest first. */
  marked: MyLesson[];
}

function weekOf(items: MyLesson[], today: string): Week {
  const oldest = addDays(today, -LOOK_BACK_DAYS);
  const newest = addDays(today, LOOK_AHEAD_DAYS);
  const shown = items.filter((l) => l.date >= oldest && l.date <= newest);
  const past = shown.filter((l) => l.date < today);
  return {
    unmarked: [
      ...past.filter((l) => !l.marked && l.refusal === null),
      ...past.filter((l) => !l.marked && l.refusal !== null).reverse(),
    ],
    today: shown.filter((l) => l.date === today),
    coming: shown.filter((l) => l.date > today),
    marked: past.filter((l) => l.marked && l.refusal === null).reverse(),
  };
}

/**
 * Master: the lessons of the last and the coming week. Past lessons not yet marked come first,
 * then today, then the coming days, then what was marked and may still be corrected; each lesson
 * the rules do not let the master mark says why instead of offering it.
 */
export function TodayPage() {
  const { t } = useTranslation();
  // The browser's day only frames the request; the days are the centre's (`today` of the answer).
  const [browserToday] = useState(localToday);
  const [refresh, setRefresh] = useState(0);
  const lessons = useLoad(
    '/api/lessons/mine',
    {
      query: {
        from: addDays(browserToday, -LOOK_BACK_DAYS - 1),
        to: addDays(browserToday, LOOK_AHEAD_DAYS + 1),
      },
    },
    refresh,
  );
  const [open, setOpen] = useState<MyLesson | null>(null);

  if (open) {
    return (
      <MarkLesson
        lesson={open}
        onDone={() => {
          setOpen(null);
          setRefresh((r) => r + 1);
        }}
      />
    );
  }
  if (lessons.error) return <Alert color="red">{lessons.error}</Alert>;
  if (!lessons.data) return <Loading />;
  const { today } = lessons.data;
  const week = weekOf(lessons.data.items, today);
  const sections: { key: keyof Week; title: string; empty?: string }[] = [
    { key: 'unmarked', title: t('week.unmarked') },
    { key: 'today', title: t('today.heading'), empty: t('today.none') },
    { key: 'coming', title: t('week.coming'), empty: t('week.noneComing') },
    { key: 'marked', title: t('week.marked') },
  ];

  return (
    <Stack>
      <Title order={2}>{t('week.heading')}</Title>
      {sections.map(({ key, title, empty }) =>
        week[key].length === 0 && !empty ? null : (
          <Stack key={key} gap="xs" component="section" aria-label={title}>
            <Title order={3} size="h4">
              {title}
              {key === 'unmarked' && (
                <Badge ml="xs" color="orange" variant="light">
                  {week.unmarked.filter((l) => l.refusal === null).length}
                </Badge>
              )}
            </Title>
            {week[key].length === 0 ? (
              <Text c="dimmed">{empty}</Text>
            ) : (
              <Days lessons={week[key]} today={today} onMark={setOpen} />
            )}
          </Stack>
        ),
      )}
    </Stack>
  );
}

/** Lessons under a heading per day, in the order given. */
function Days({
  lessons,
  today,
  onMark,
}: {
  lessons: MyLesson[];
  today: string;
  onMark: (lesson: MyLesson) => void;
}) {
  const days: { date: string; lessons: MyLesson[] }[] = [];
  for (const lesson of lessons) {
    const last = days[days.length - 1];
    if (last?.date === lesson.date) last.lessons.push(lesson);
    else days.push({ date: lesson.date, lessons: [lesson] });
  }
  return (
    <>
      {days.map((day) => (
        <Fragment key={day.date}>
          <DayHeading date={day.date} today={today} />
          {day.lessons.map((lesson) => (
            <LessonCard key={lesson.id} lesson={lesson} onMark={onMark} />
          ))}
        </Fragment>
      ))}
    </>
  );
}

/** "Yesterday · Monday, 23 November 2026", the date of the centre's calendar. */
function DayHeading({ date, today }: { date: string; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const weekday = format.weekday(isoWeekday(date));
  const relative =
    date === today
      ? t('week.todayWord')
      : date === addDays(today, -1)
        ? t('week.yesterday')
        : date === addDays(today, 1)
          ? t('week.tomorrow')
          : null;
  return (
    <Text fw={600} size="sm" c="dimmed" mt={4}>
      {relative ? `${relative} · ` : ''}
      {weekday.charAt(0).toUpperCase() + weekday.slice(1)}, {format.date(date)}
    </Text>
  );
}

function LessonCard({ lesson, onMark }: { lesson: MyLesson; onMark: (lesson: MyLesson) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = `${format.date(lesson.date)} ${lesson.startTime}`;
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>
            {lesson.startTime}–{lesson.endTime} · {lesson.group.code}
          </Text>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {lesson.group.course.title}
            {lesson.group.workshop ? ` · ${lesson.group.workshop}` : ''}
          </Text>
        </div>
        {lesson.marked && (
          <Badge color="teal" style={{ flexShrink: 0 }}>
            {t('today.marked')}
          </Badge>
        )}
      </Group>
      {lesson.refusal === null ? (
        <>
          {!lesson.marked && (
            <Text size="sm" c="orange.8" mt={4}>
              {t('week.markBy', { date: format.date(lesson.markableUntil) })}
            </Text>
          )}
          <Button
            mt="sm"
            fullWidth
            variant={lesson.marked ? 'light' : 'filled'}
            aria-label={`${t(lesson.marked ? 'week.correct' : 'today.mark')}: ${lesson.group.code} ${when}`}
            onClick={() => onMark(lesson)}
          >
            {t(lesson.marked ? 'week.correct' : 'today.mark')}
          </Button>
        </>
      ) : (
        <Text size="sm" c="dimmed" mt={4} role="note" aria-label={`${lesson.group.code} ${when}`}>
          {t(`week.refusal.${lesson.refusal}`, {
            time: lesson.startTime,
            days: markingDays(lesson),
          })}
        </Text>
      )}
    </Card>
  );
}

function MarkLesson({ lesson, onDone }: { lesson: MyLesson; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const groupId = lesson.group.id;
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
      const mark = row.marks[lesson.id];
      if (mark) existing[row.enrollmentId] = mark;
    }
    setMarks(existing);
  }, [sheet.data, lesson.id]);

  if (roster.error || sheet.error) return <Alert color="red">{roster.error ?? sheet.error}</Alert>;
  if (!roster.data || !sheet.data) return <Loading />;
  const active = roster.data.items.filter((e) => e.status === 'active');
  const markedCount = active.filter((e) => marks[e.id]).length;
  // A note written earlier (by staff, say) stays with its mark when the master saves again.
  const noteOf = (enrollmentId: string) =>
    sheet.data?.rows.find((r) => r.enrollmentId === enrollmentId)?.notes[lesson.id] ?? null;

  return (
    <Stack>
      <Title order={3}>
        {lesson.group.code} · {lesson.startTime}–{lesson.endTime}
      </Title>
      <Text c="dimmed">
        {format.date(lesson.date)} · {t('week.markBy', { date: format.date(lesson.markableUntil) })}
      </Text>
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
                  params: { path: { id: lesson.id } },
                  // Saving waits until every active trainee has a mark.
                  body: {
                    marks: active.map((e) => ({
                      enrollmentId: e.id,
                      status: marks[e.id]!,
                      note: noteOf(e.id),
                    })),
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
