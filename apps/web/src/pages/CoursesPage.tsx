import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../components/AppModal';
import { client, type Schemas } from '../api';
import { FormError, ListState, usePaged, useSubmit } from '../components/data';
import { useCraftName } from '../components/labels';
import { RecordList } from '../components/RecordList';
import { useFormat } from '../format';
import { useSession } from '../session';
import { EditCourseModal } from './CourseEditModal';

export function CoursesPage() {
  const { t } = useTranslation();
  const craftName = useCraftName();
  const { crafts } = useSession();
  const format = useFormat();
  const [craft, setCraft] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Schemas['CourseView'] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const list = usePaged(
    '/api/courses',
    { query: { craft: craft ?? undefined } },
    undefined,
    refresh,
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.courses')}</Title>
        <Button onClick={() => setCreating(true)}>{t('courses.create')}</Button>
      </Group>
      <Select
        label={t('courses.craft')}
        placeholder={t('common.all')}
        clearable
        data={crafts.map((c) => ({ value: c.code, label: format.name(c.name) }))}
        value={craft}
        onChange={setCraft}
        maw={240}
      />
      {saved && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setSaved(null)}>
          {t('courseEdit.saved', { title: saved })}
        </Alert>
      )}
      <ListState list={list} empty={t('courses.none')}>
        <RecordList
          rows={list.items}
          rowKey={(course) => course.id}
          label={t('nav.courses')}
          columns={[
            {
              label: t('courses.title'),
              render: (course) => (
                <>
                  {course.title}{' '}
                  {!course.active && <Badge color="gray">{t('courses.retired')}</Badge>}
                </>
              ),
            },
            { label: t('courses.craft'), render: (course) => craftName(course.craft) },
            { label: t('courses.hours'), render: (course) => format.number(course.hours) },
            {
              label: t('courses.minAttendance'),
              render: (course) => format.percent(course.minAttendancePercent / 100),
            },
          ]}
          actions={(course) => (
            <Button
              size="xs"
              variant="light"
              aria-label={`${t('courseEdit.edit')}: ${course.title}`}
              onClick={() => {
                setSaved(null);
                setEditing(course);
              }}
            >
              {t('courseEdit.edit')}
            </Button>
          )}
        />
      </ListState>
      {editing && (
        <EditCourseModal
          course={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setSaved(editing.title);
            setEditing(null);
            setRefresh((r) => r + 1);
          }}
        />
      )}
      {/* Mounted only while open: each new course starts from an empty form. */}
      {creating && (
        <CreateCourseModal
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            setRefresh((r) => r + 1);
          }}
        />
      )}
    </Stack>
  );
}

function CreateCourseModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const { crafts } = useSession();
  const format = useFormat();
  const [form, setForm] = useState({ craft: '', title: '', description: '', hours: 72, min: 80 });
  const submit = useSubmit();
  return (
    <AppModal opened onClose={onClose} title={t('courses.create')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit
            .run(() =>
              client.POST('/api/courses', {
                // An empty craft is left out, so that the API names the missing field.
                body: {
                  craft: form.craft || undefined,
                  title: form.title,
                  description: form.description || null,
                  hours: form.hours,
                  minAttendancePercent: form.min,
                } as Schemas['CreateCourseDto'],
              }),
            )
            .then((course) => course && onCreated());
        }}
      >
        <Stack>
          <Select
            label={t('courses.craft')}
            withAsterisk
            data={crafts.map((c) => ({ value: c.code, label: format.name(c.name) }))}
            value={form.craft || null}
            onChange={submit.clearing('craft', (craft) => setForm({ ...form, craft: craft ?? '' }))}
            error={submit.fieldError('craft')}
          />
          <TextInput
            label={t('courses.title')}
            withAsterisk
            value={form.title}
            onChange={submit.clearing('title', (e) =>
              setForm({ ...form, title: e.currentTarget.value }),
            )}
            error={submit.fieldError('title')}
          />
          <Textarea
            label={t('courses.description')}
            value={form.description}
            onChange={submit.clearing('description', (e) =>
              setForm({ ...form, description: e.currentTarget.value }),
            )}
            error={submit.fieldError('description')}
          />
          <NumberInput
            label={t('courses.hours')}
            withAsterisk
            value={form.hours}
            onChange={submit.clearing('hours', (hours) =>
              setForm({ ...form, hours: Number(hours) }),
            )}
            error={submit.fieldError('hours')}
          />
          <NumberInput
            label={t('courses.minAttendance')}
            value={form.min}
            onChange={submit.clearing('minAttendancePercent', (min) =>
              setForm({ ...form, min: Number(min) }),
            )}
            error={submit.fieldError('minAttendancePercent')}
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
