import { Button, NumberInput, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, type Schemas } from '../api';
import { AppModal } from '../components/AppModal';
import { FormError, useSubmit } from '../components/data';

type Course = Schemas['CourseView'];

/**
 * A course's title, description, hours and attendance threshold, and retiring it: a course that
 * groups have used is never deleted, it is retired (no new groups) and can be brought back.
 */
export function EditCourseModal({
  course,
  onClose,
  onSaved,
}: {
  course: Course;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    title: course.title,
    description: course.description ?? '',
    hours: course.hours,
    min: course.minAttendancePercent,
    active: course.active,
  });
  const submit = useSubmit();
  return (
    <AppModal opened onClose={onClose} title={t('courseEdit.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit
            .run(() =>
              client.PATCH('/api/courses/{id}', {
                params: { path: { id: course.id } },
                body: {
                  title: form.title,
                  description: form.description.trim() || null,
                  hours: form.hours,
                  minAttendancePercent: form.min,
                  active: form.active,
                },
              }),
            )
            .then((saved) => saved && onSaved());
        }}
      >
        <Stack>
          <TextInput
            label={t('courses.title')}
            withAsterisk
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
            error={submit.fieldError('title')}
          />
          <Textarea
            label={t('courses.description')}
            value={form.description}
            onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
            error={submit.fieldError('description')}
          />
          <NumberInput
            label={t('courses.hours')}
            withAsterisk
            min={1}
            max={2000}
            value={form.hours}
            onChange={(hours) => setForm({ ...form, hours: Number(hours) })}
            error={submit.fieldError('hours')}
          />
          <NumberInput
            label={t('courses.minAttendance')}
            withAsterisk
            min={0}
            max={100}
            value={form.min}
            onChange={(min) => setForm({ ...form, min: Number(min) })}
            error={submit.fieldError('minAttendancePercent')}
          />
          <Switch
            label={t('courseEdit.retired')}
            checked={!form.active}
            onChange={(e) => setForm({ ...form, active: !e.currentTarget.checked })}
            error={submit.fieldError('active')}
          />
          <Text size="xs" c="dimmed">
            {t('courseEdit.retiredHint')}
          </Text>
          <FormError error={submit.formError()} />
          <Button type="submit" loading={submit.busy}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}
