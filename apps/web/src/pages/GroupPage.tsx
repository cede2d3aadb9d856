import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  SegmentedControl,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../components/AppModal';
import { ReasonModal } from '../components/ReasonModal';
import { RecordList } from '../components/RecordList';
import { TraineeLink } from '../components/TraineeLink';
import { useParams } from 'react-router';
import { answer, client, href, type Schemas } from '../api';
import { FormError, ListState, Loading, useLoad, usePaged, useSubmit } from '../components/data';
import { PrintedDocumentLink } from '../components/PrintedDocumentLink';
import { PromotionNotice } from '../components/PromotionNotice';
import {
  fullName,
  GroupStatusBadge,
  StatusBadge,
  Timetable,
  useCraftName,
} from '../components/labels';
import { useFormat } from '../format';
import { maskIin } from '../../../../libs/trainees/src/iin';
import { useUser } from '../session';
import { ScheduleEditor } from './GroupsPage';
import { EditGroupDetails } from './GroupDetailsForm';
import { OPEN_ENROLLMENT_STATUSES } from '../../../../libs/enrollments/src/enrollment-status';
import {
  ENROLLING_GROUP_STATUSES,
  GROUP_TRANSITIONS,
  type GroupTransition,
  UNFINISHED_GROUP_STATUSES,
} from '../../../../libs/groups/src/group-status';

type GroupType = Schemas['GroupView'];
type RosterEntry = Schemas['RosterEntryView'];
type ScheduleSlot = Schemas['ScheduleSlotDto'];
type Transition = GroupTransition;
type Override = { override: true; reason: string };

/** The request of a transition; start and complete carry an admin's override, if any. */
function sendTransition(id: string, action: Transition, override?: Override) {
  const params = { path: { id } };
  // Without an override the request has no body at all (the DTO's fields are all optional).
  const body = override as Schemas['GroupTransitionDto'];
  switch (action) {
    case 'open':
      return client.POST('/api/groups/{id}/open', { params });
    case 'start':
      return client.POST('/api/groups/{id}/start', { params, body });
    case 'complete':
      return client.POST('/api/groups/{id}/complete', { params, body });
    case 'cancel':
      return client.POST('/api/groups/{id}/cancel', { params });
  }
}

const TRANSITIONS = (Object.keys(GROUP_TRANSITIONS) as GroupTransition[]).map((action) => ({
  action,
  from: GROUP_TRANSITIONS[action].from,
}));

export function GroupPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const craftName = useCraftName();
  const { id = '' } = useParams();
  const group = useLoad('/api/groups/{id}', { path: { id } });
  const [rosterVersion, setRosterVersion] = useState(0);
  const changed = () => {
    group.reload();
    setRosterVersion((v) => v + 1);
  };
  const transition = useSubmit();
  const user = useUser();
  const [confirming, setConfirming] = useState<'complete' | 'cancel' | null>(null);
  const [reopening, setReopening] = useState(false);
  // What the last action did, said once it is saved (the page itself changes too).
  const [done, setDone] = useState<string | null>(null);

  if (group.error) return <Alert color="red">{group.error}</Alert>;
  if (!group.data) return <Loading />;
  const g = group.data;

  const run = (action: Transition, body?: Override) => {
    setDone(null);
    void transition
      .run(() => sendTransition(id, action, body))
      .then((sent) => {
        if (!sent) return;
        setConfirming(null);
        setDone(t(`groups.done.${action}`));
        changed();
      });
  };
  // An admin may reopen a completed group for 24 hours (the API has the last word).
  const reopenable =
    user.role === 'admin' &&
    g.status === 'completed' &&
    g.completedAt !== null &&
    Date.now() - Date.parse(g.completedAt) < 24 * 3600 * 1000;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>
          {t('groups.group')} {g.code}
        </Title>
        <GroupStatusBadge status={g.status} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Stack gap={4}>
            <Text>
              {g.course.title} · {craftName(g.course.craft)} ·{' '}
              {t('common.hoursShort', { hours: g.course.hours })}
            </Text>
            <Text>
              {format.date(g.startDate)} – {format.date(g.endDate)}
              {g.workshop ? ` · ${t('groups.workshop')}: ${g.workshop.name}` : ''}
            </Text>
            <Text>
              {t('groups.master')}: {g.master?.fullName ?? t('groups.noMaster')}
            </Text>
            <Text aria-label={t('groups.seats')}>
              {t('groups.seatsValue', {
                active: g.seats.active,
                capacity: g.seats.capacity,
                waitlisted: g.seats.waitlisted,
              })}
            </Text>
            <Timetable schedule={g.schedule} />
          </Stack>
        </Card>
        <Card withBorder>
          <Stack>
            <Group gap="xs">
              {TRANSITIONS.filter((tr) => tr.from.includes(g.status)).map((tr) => (
                <Button
                  key={tr.action}
                  color={tr.action === 'cancel' ? 'red' : undefined}
                  variant={tr.action === 'cancel' ? 'light' : 'filled'}
                  loading={transition.busy}
                  onClick={() =>
                    tr.action === 'complete' || tr.action === 'cancel'
                      ? setConfirming(tr.action)
                      : run(tr.action)
                  }
                >
                  {t(`groups.actions.${tr.action}`)}
                </Button>
              ))}
              {reopenable && (
                <Button variant="light" color="orange" onClick={() => setReopening(true)}>
                  {t('groups.actions.reopen')}
                </Button>
              )}
            </Group>
            {(g.certificates?.issued ?? 0) > 0 && (
              <PrintedDocumentLink
                href={href('/api/groups/{id}/certificates/pdf', { path: { id } })}
                label={t('groups.downloadCertificates')}
              />
            )}
            <FormError error={transition.error} />
            {done && (
              <Alert color="teal" role="status" withCloseButton onClose={() => setDone(null)}>
                {done}
              </Alert>
            )}
            {UNFINISHED_GROUP_STATUSES.includes(g.status) && (
              <AssignMaster
                group={g}
                onAssigned={(name) => {
                  setDone(t('groups.done.master', { name }));
                  changed();
                }}
              />
            )}
          </Stack>
        </Card>
      </SimpleGrid>
      <Tabs defaultValue="roster" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="roster">{t('groups.roster')}</Tabs.Tab>
          {ENROLLING_GROUP_STATUSES.includes(g.status) && (
            <Tabs.Tab value="enroll">{t('groups.enroll')}</Tabs.Tab>
          )}
          <Tabs.Tab value="attendance">{t('groups.attendance')}</Tabs.Tab>
          {UNFINISHED_GROUP_STATUSES.includes(g.status) && (
            <Tabs.Tab value="timetable">{t('groups.timetable')}</Tabs.Tab>
          )}
          {UNFINISHED_GROUP_STATUSES.includes(g.status) && (
            <Tabs.Tab value="details">{t('groupEdit.tab')}</Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="roster" pt="md">
          <Roster groupId={id} version={rosterVersion} onChanged={changed} />
        </Tabs.Panel>
        <Tabs.Panel value="enroll" pt="md">
          <Enroll groupId={id} onEnrolled={changed} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <Sheet groupId={id} status={g.status} />
        </Tabs.Panel>
        <Tabs.Panel value="timetable" pt="md">
          <EditTimetable group={g} onSaved={changed} />
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          <EditGroupDetails group={g} onSaved={changed} />
        </Tabs.Panel>
      </Tabs>
      <AppModal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? t(`groups.actions.${confirming}`) : ''}
      >
        <Stack>
          <Text>{confirming && t(`groups.confirm.${confirming}`)}</Text>
          {confirming === 'complete' ? (
            <CompletionCheck
              groupId={id}
              busy={transition.busy}
              onComplete={(override) => run('complete', override)}
            />
          ) : (
            <Button
              color="red"
              loading={transition.busy}
              onClick={() => confirming && run(confirming)}
            >
              {t('common.confirm')}
            </Button>
          )}
          <FormError error={transition.error} />
        </Stack>
      </AppModal>
      {reopening && (
        <ReasonModal
          title={`${t('groups.actions.reopen')}: ${g.code}`}
          hint={t('groups.reopenHint')}
          action={t('groups.actions.reopen')}
          send={(reason) =>
            client.POST('/api/groups/{id}/reopen', { params: { path: { id } }, body: { reason } })
          }
          onClose={() => setReopening(false)}
          onDone={() => {
            setReopening(false);
            setDone(t('groups.done.reopen'));
            changed();
          }}
        />
      )}
    </Stack>
  );
}

/**
 * What completing the group would do, read before anything irreversible happens: lessons held of
 * planned, lessons held without marks, who falls below the course's minimum. While the training is
 * not over only an admin may complete, with a reason.
 */
function CompletionCheck({
  groupId,
  busy,
  onComplete,
}: {
  groupId: string;
  busy: boolean;
  onComplete: (override?: Override) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const preview = useLoad('/api/groups/{id}/completion-preview', { path: { id: groupId } });
  const [reason, setReason] = useState('');
  if (preview.error) return <Alert color="red">{preview.error}</Alert>;
  if (!preview.data) return <Loading />;
  const p = preview.data;
  return (
    <Stack gap="xs">
      <List spacing={2} size="sm" aria-label={t('groups.preview.lessonsLabel')}>
        <List.Item>{t('groups.preview.lessons', { held: p.held, planned: p.planned })}</List.Item>
        <List.Item>{t('groups.preview.unmarked', { n: p.unmarked })}</List.Item>
        {p.lastLessonDate && (
          <List.Item>
            {t('groups.preview.lastLesson', { date: format.date(p.lastLessonDate) })}
          </List.Item>
        )}
      </List>
      {p.belowThreshold.length > 0 ? (
        <Alert
          color="orange"
          role="note"
          title={t('groups.preview.below', { percent: p.thresholdPercent ?? 0 })}
        >
          <List size="sm">
            {p.belowThreshold.map((b) => (
              <List.Item key={b.enrollmentId}>
                {fullName(b.trainee)}: {format.percent(b.attendanceRate)}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Text size="sm">{t('groups.preview.allReach')}</Text>
      )}
      {p.refusal === null ? (
        <Button loading={busy} onClick={() => onComplete()}>
          {t('common.confirm')}
        </Button>
      ) : (
        <>
          <Alert color="red" role="alert">
            {t(`errors.${p.refusal}`)}
          </Alert>
          {user.role === 'admin' ? (
            <>
              <Textarea
                label={t('groups.preview.overrideReason')}
                withAsterisk
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
              <Button
                color="red"
                loading={busy}
                disabled={reason.trim() === ''}
                onClick={() => onComplete({ override: true, reason })}
              >
                {t('groups.preview.completeAnyway')}
              </Button>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('groups.preview.adminOnly')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

function AssignMaster({
  group,
  onAssigned,
}: {
  group: GroupType;
  onAssigned: (name: string) => void;
}) {
  const { t } = useTranslation();
  const masters = useLoad('/api/masters', { query: { craft: group.course.craft } });
  const [masterId, setMasterId] = useState<string | null>(group.masterId);
  const submit = useSubmit();
  return (
    <Stack gap="xs">
      <Select
        label={t('groups.master')}
        placeholder={t('groups.chooseMaster')}
        data={(masters.data ?? []).map((m) => ({ value: m.id, label: m.fullName }))}
        value={masterId}
        onChange={submit.clearing('masterId', setMasterId)}
        error={submit.fieldError('masterId')}
      />
      {submit.error && (
        <Alert color="orange" title={t('groups.masterConflict')} role="alert">
          {submit.error}
        </Alert>
      )}
      <Button
        variant="light"
        disabled={!masterId || masterId === group.masterId}
        loading={submit.busy}
        onClick={() =>
          void submit
            .run(() =>
              client.PUT('/api/groups/{id}/master', {
                params: { path: { id: group.id } },
                body: { masterId: masterId! },
              }),
            )
            .then((done) => {
              if (!done) return;
              onAssigned(masters.data?.find((m) => m.id === masterId)?.fullName ?? '');
            })
        }
      >
        {t('groups.assignMaster')}
      </Button>
    </Stack>
  );
}

function Roster({
  groupId,
  version,
  onChanged,
}: {
  groupId: string;
  version: number;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = usePaged(
    '/api/groups/{id}/enrollments',
    { path: { id: groupId } },
    undefined,
    version,
  );
  const [withdrawing, setWithdrawing] = useState<RosterEntry | null>(null);
  const [promoted, setPromoted] = useState<Schemas['WaitlistPromotionView'][]>([]);

  return (
    <>
      <PromotionNotice promoted={promoted} />
      <ListState list={list} empty={t('groups.emptyRoster')}>
        <RecordList
          rows={list.items}
          rowKey={(entry) => entry.id}
          label={t('groups.roster')}
          columns={[
            {
              label: t('trainees.name'),
              render: (entry) => (
                <TraineeLink id={entry.traineeId} name={fullName(entry.trainee)} />
              ),
            },
            {
              label: t('groups.enrollmentStatus'),
              render: (entry) => (
                <Group gap={4}>
                  <StatusBadge kind="enrollmentStatus" status={entry.status} />
                  {entry.waitlistPosition !== null && (
                    <Badge variant="outline" color="yellow">
                      {t('groups.waitlistPosition', { position: entry.waitlistPosition })}
                    </Badge>
                  )}
                </Group>
              ),
            },
            {
              label: t('groups.attendanceRate'),
              render: (entry) => format.percent(entry.attendanceRate),
            },
          ]}
          actions={(entry) =>
            OPEN_ENROLLMENT_STATUSES.includes(entry.status) && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                aria-label={`${t('groups.withdraw')}: ${fullName(entry.trainee)}`}
                onClick={() => setWithdrawing(entry)}
              >
                {t('groups.withdraw')}
              </Button>
            )
          }
        />
      </ListState>
      {withdrawing && (
        <ReasonModal
          title={`${t('groups.withdraw')}: ${fullName(withdrawing.trainee)}`}
          action={t('groups.withdraw')}
          send={async (reason) => {
            const withdrawn = await answer(
              client.POST('/api/enrollments/{id}/withdraw', {
                params: { path: { id: withdrawing.id } },
                body: { reason },
              }),
            );
            // Whoever took the freed seat is named until the next withdrawal, with the phone.
            setPromoted(withdrawn.promoted);
            return withdrawn;
          }}
          onClose={() => setWithdrawing(null)}
          onDone={() => {
            setWithdrawing(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}

function Enroll({ groupId, onEnrolled }: { groupId: string; onEnrolled: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const list = usePaged(
    debounced.length >= 2 ? '/api/trainees' : null,
    { query: { search: debounced } },
    10,
  );
  const submit = useSubmit();
  // A place on the waitlist is no seat: it is shown in a warning colour, not as a success.
  const [result, setResult] = useState<{ text: string; waitlisted: boolean } | null>(null);
  // Who was enrolled from these results: their row says where they went instead of offering the
  // button again.
  const [placed, setPlaced] = useState<Record<string, 'active' | 'waitlisted'>>({});

  return (
    <Stack>
      <TextInput
        label={t('groups.findTrainee')}
        description={t('groups.findTraineeHint')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {result && (
        <Alert color={result.waitlisted ? 'yellow' : 'teal'} role="status">
          {result.text}
        </Alert>
      )}
      <FormError error={submit.formError()} />
      {debounced.length >= 2 && (
        <ListState list={list} empty={t('trainees.none')}>
          {/* Cards on a phone: a table's last column, the button, fell off a 360 px screen. */}
          <RecordList
            label={t('groups.searchResults')}
            actionsLabel={t('groups.enrollButton')}
            rows={list.items}
            rowKey={(trainee) => trainee.id}
            columns={[
              {
                label: t('trainees.name'),
                render: (trainee) => <TraineeLink id={trainee.id} name={fullName(trainee)} />,
              },
              { label: t('trainees.iin'), render: (trainee) => maskIin(trainee.iin) },
              {
                label: t('trainees.birthDate'),
                render: (trainee) => format.date(trainee.birthDate),
              },
            ]}
            actions={(trainee) =>
              placed[trainee.id] ? (
                <Badge color={placed[trainee.id] === 'waitlisted' ? 'yellow' : 'teal'}>
                  {t(
                    placed[trainee.id] === 'waitlisted'
                      ? 'groups.placedWaitlist'
                      : 'groups.placedActive',
                  )}
                </Badge>
              ) : (
                <Button
                  size="xs"
                  aria-label={`${t('groups.enrollButton')}: ${fullName(trainee)}`}
                  loading={submit.busy}
                  onClick={() => {
                    // The previous enrollment's words never stand beside this one's refusal.
                    setResult(null);
                    void submit
                      .run(() =>
                        answer(
                          client.POST('/api/groups/{id}/enrollments', {
                            params: { path: { id: groupId } },
                            body: { traineeId: trainee.id },
                          }),
                        ),
                      )
                      .then((enrollment) => {
                        if (!enrollment) return;
                        const waitlisted = enrollment.status === 'waitlisted';
                        setPlaced((before) => ({
                          ...before,
                          [trainee.id]: waitlisted ? 'waitlisted' : 'active',
                        }));
                        setResult({
                          waitlisted,
                          text: waitlisted
                            ? t('groups.enrolledWaitlist', {
                                name: fullName(trainee),
                                position: enrollment.waitlistPosition,
                              })
                            : t('groups.enrolledActive', { name: fullName(trainee) }),
                        });
                        onEnrolled();
                      });
                  }}
                >
                  {t('groups.enrollButton')}
                </Button>
              )
            }
          />
        </ListState>
      )}
    </Stack>
  );
}

/** Lesson columns per page of the journal; on a phone, lesson cards per page. */
const SHEET_COLUMNS = 8;
const SHEET_CARDS = 4;

type SheetData = Schemas['AttendanceSheetView'];
type SheetLesson = SheetData['lessons'][number];
type SheetRow = SheetData['rows'][number];
type AttendanceStatus = Schemas['AttendanceMarkDto']['status'];
const MARKS: AttendanceStatus[] = ['present', 'late', 'absent', 'excused'];

/** What staff open from the journal: one trainee's mark, or a whole lesson not yet marked. */
interface Correction {
  lesson: SheetLesson;
  rows: SheetRow[];
}

function Sheet({ groupId, status }: { groupId: string; status: GroupType['status'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [version, setVersion] = useState(0);
  const sheet = useLoad('/api/groups/{id}/attendance', { path: { id: groupId } }, version);
  // Below RecordList's breakpoint the journal is one card per lesson, as the other lists are.
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const columns = narrow ? SHEET_CARDS : SHEET_COLUMNS;
  const [chosenPage, setPage] = useState<number | null>(null);
  const [correcting, setCorrecting] = useState<Correction | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setPage(null), [groupId, columns]);
  if (sheet.error) return <Alert color="red">{sheet.error}</Alert>;
  if (!sheet.data) return <Loading />;
  const { lessons, rows } = sheet.data;
  if (rows.length === 0) return <Text c="dimmed">{t('groups.emptyRoster')}</Text>;
  const started = (lesson: SheetLesson) => Date.parse(lesson.startsAt) <= Date.now();
  // Until a page is chosen the journal opens at the latest lesson held: the one marked or
  // corrected next (lessons come in date order).
  const latest = lessons.findLastIndex(started);
  const page = chosenPage ?? Math.floor(Math.max(latest, 0) / columns) + 1;
  const shown = lessons.slice((page - 1) * columns, page * columns);
  const pages = Math.ceil(lessons.length / columns);
  // Marks change only while the group runs, and only for lessons that have started (the API's rules).
  const correctable = ENROLLING_GROUP_STATUSES.includes(status);
  const lessonMarked = (lesson: SheetLesson) => rows.some((row) => row.marks[lesson.id]);
  const active = rows.filter((row) => row.status === 'active');
  // A marked lesson is corrected one mark at a time: a trainee's own mark, or a missing mark of a
  // trainee still in the group.
  const editable = (lesson: SheetLesson, row: SheetRow) =>
    correctable &&
    started(lesson) &&
    lessonMarked(lesson) &&
    (row.marks[lesson.id] !== undefined || row.status === 'active');
  const markLessonButton = (lesson: SheetLesson, style: { display?: string; mt?: number }) =>
    correctable &&
    started(lesson) &&
    !lessonMarked(lesson) &&
    active.length > 0 && (
      <Button
        size="compact-xs"
        variant="light"
        {...style}
        aria-label={`${t('journal.markLesson')}: ${format.date(lesson.date)} ${lesson.startTime}`}
        onClick={() => {
          setSaved(false);
          setCorrecting({ lesson, rows: active });
        }}
      >
        {t('journal.mark')}
      </Button>
    );
  const markCell = (lesson: SheetLesson, row: SheetRow) => {
    const mark = row.marks[lesson.id];
    const word = mark ? t(`attendance.${mark}`) : '';
    if (!editable(lesson, row)) return word;
    return (
      <UnstyledButton
        w="100%"
        mih={28}
        px={6}
        style={{ borderRadius: 4 }}
        bg={mark ? undefined : 'gray.1'}
        aria-label={`${t('journal.correctMark')}: ${fullName(row.trainee)}, ${format.date(lesson.date)} ${lesson.startTime}`}
        title={row.notes[lesson.id]}
        onClick={() => {
          setSaved(false);
          setCorrecting({ lesson, rows: [row] });
        }}
      >
        <Text size="sm" td="underline dotted">
          {word || '—'}
        </Text>
      </UnstyledButton>
    );
  };
  return (
    <Stack>
      <Group gap="lg" align="flex-start">
        <Anchor
          href={href('/api/groups/{id}/attendance', {
            path: { id: groupId },
            query: { format: 'csv' },
          })}
          download
        >
          {t('groups.downloadSheet')}
        </Anchor>
        <PrintedDocumentLink
          href={href('/api/groups/{id}/attendance', {
            path: { id: groupId },
            query: { format: 'pdf' },
          })}
          label={t('groups.downloadJournal')}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {correctable ? t('journal.hint') : t('journal.closed')}
      </Text>
      {saved && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setSaved(false)}>
          {t('journal.saved')}
        </Alert>
      )}
      {narrow ? (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t('groups.attendance')}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {shown.map((lesson) => (
            <Paper component="li" key={lesson.id} withBorder p="sm">
              <Group justify="space-between" gap="xs" mb={4}>
                <Text fw={500}>
                  {format.date(lesson.date)} {lesson.startTime}
                </Text>
                {markLessonButton(lesson, {})}
              </Group>
              <Table aria-label={`${format.date(lesson.date)} ${lesson.startTime}`}>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.enrollmentId}>
                      <Table.Td pl={0} style={{ overflowWrap: 'anywhere' }}>
                        {fullName(row.trainee)}
                      </Table.Td>
                      <Table.Td w="40%" p={editable(lesson, row) ? 2 : undefined}>
                        {markCell(lesson, row)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table aria-label={t('groups.attendance')} withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trainees.name')}</Table.Th>
                {shown.map((lesson) => (
                  <Table.Th key={lesson.id} title={format.date(lesson.date)}>
                    {format.shortDate(lesson.date)}
                    {markLessonButton(lesson, { display: 'block', mt: 2 })}
                  </Table.Th>
                ))}
                <Table.Th>{t('groups.attendanceRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.enrollmentId}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{fullName(row.trainee)}</Table.Td>
                  {shown.map((lesson) => (
                    <Table.Td key={lesson.id} p={editable(lesson, row) ? 2 : undefined}>
                      {markCell(lesson, row)}
                    </Table.Td>
                  ))}
                  <Table.Td>{format.percent(row.attendanceRate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            size={narrow ? 'sm' : 'md'}
            siblings={narrow ? 0 : 1}
            getItemProps={(p) => ({ 'aria-label': t('common.page', { page: p }) })}
          />
        </Group>
      )}
      {correcting && (
        <CorrectMarks
          correction={correcting}
          onClose={() => setCorrecting(null)}
          onSaved={() => {
            setCorrecting(null);
            setSaved(true);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </Stack>
  );
}

/**
 * Staff mark or correct a lesson from the journal, always with a reason (the audit log keeps the
 * old mark, the new one and the reason). A lesson already marked sends only what changed.
 */
function CorrectMarks({
  correction,
  onClose,
  onSaved,
}: {
  correction: Correction;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { lesson, rows } = correction;
  const single = rows.length === 1 ? rows[0] : undefined;
  const [marks, setMarks] = useState<Record<string, AttendanceStatus | undefined>>(() =>
    Object.fromEntries(rows.map((row) => [row.enrollmentId, row.marks[lesson.id]])),
  );
  const [note, setNote] = useState(single?.notes[lesson.id] ?? '');
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const noteOf = (row: SheetRow) =>
    row === single ? note.trim() || null : (row.notes[lesson.id] ?? null);
  const changed = rows.filter(
    (row) =>
      marks[row.enrollmentId] !== undefined &&
      (marks[row.enrollmentId] !== row.marks[lesson.id] ||
        noteOf(row) !== (row.notes[lesson.id] ?? null)),
  );
  const complete = rows.every((row) => marks[row.enrollmentId] !== undefined);
  const title = `${format.date(lesson.date)} ${lesson.startTime}`;
  return (
    <AppModal
      opened
      onClose={onClose}
      title={
        single ? `${fullName(single.trainee)} · ${title}` : `${t('journal.markLesson')}: ${title}`
      }
    >
      <Stack>
        {rows.map((row) => (
          <Stack key={row.enrollmentId} gap={4} role="group" aria-label={fullName(row.trainee)}>
            {!single && <Text fw={500}>{fullName(row.trainee)}</Text>}
            {single && (
              <Text size="sm" c="dimmed">
                {t('journal.was')}:{' '}
                {row.marks[lesson.id] ? t(`attendance.${row.marks[lesson.id]}`) : '—'}
              </Text>
            )}
            <SegmentedControl
              fullWidth
              size="xs"
              color="teal"
              value={marks[row.enrollmentId] ?? ''}
              onChange={(value) =>
                setMarks({ ...marks, [row.enrollmentId]: value as AttendanceStatus })
              }
              data={MARKS.map((status) => ({ value: status, label: t(`attendance.${status}`) }))}
            />
          </Stack>
        ))}
        {single && (
          <TextInput
            label={t('journal.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={submit.fieldError('marks.0.note')}
          />
        )}
        <Textarea
          label={t('common.reason')}
          description={t('journal.reasonHint')}
          required
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            submit.reset();
          }}
          error={submit.fieldError('reason')}
        />
        <FormError error={submit.formError()} />
        <Group grow>
          <Button variant="default" onClick={onClose}>
            {t('common.back')}
          </Button>
          <Button
            loading={submit.busy}
            disabled={changed.length === 0 || (!single && !complete)}
            onClick={() =>
              void submit
                .run(() =>
                  client.PUT('/api/lessons/{id}/attendance', {
                    params: { path: { id: lesson.id } },
                    body: {
                      // A first marking names every trainee; a correction only what changed.
                      marks: (single ? changed : rows).map((row) => ({
                        enrollmentId: row.enrollmentId,
                        status: marks[row.enrollmentId]!,
                        note: noteOf(row),
                      })),
                      reason: reason.trim() || undefined,
                    },
                  }),
                )
                .then((done) => done && onSaved())
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function EditTimetable({ group, onSaved }: { group: GroupType; onSaved: () => void }) {
  const { t } = useTranslation();
  const [schedule, setSchedule] = useState<ScheduleSlot[]>(group.schedule);
  const submit = useSubmit();
  const [saved, setSaved] = useState(false);
  return (
    <Stack maw={560}>
      <ScheduleEditor
        value={schedule}
        onChange={submit.clearing('schedule', (slots: ScheduleSlot[]) => {
          setSchedule(slots);
          setSaved(false);
        })}
        error={submit.fieldError('schedule')}
      />
      <FormError error={submit.formError()} />
      {saved && (
        <Alert color="teal" role="status">
          {t('common.saved')}
        </Alert>
      )}
      <Button
        loading={submit.busy}
        onClick={() => {
          setSaved(false);
          void submit
            .run(() =>
              client.PATCH('/api/groups/{id}', {
                params: { path: { id: group.id } },
                body: { schedule },
              }),
            )
            .then((g) => {
              if (!g) return;
              setSaved(true);
              onSaved();
            });
        }}
      >
        {t('groups.saveTimetable')}
      </Button>
    </Stack>
  );
}
