import { Alert, Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, client, type Schemas } from '../api';
import { errorMessage, FormError, useSubmit } from '../components/data';
import { WorkshopSelect } from '../components/WorkshopSelect';

type GroupType = Schemas['GroupView'];

/**
 * Refusals about the state of other records (409) name no field; these belong beside one: the
 * seats below the trainees already in or above the workshop's workplaces, dates that collide with
 * the master's or a trainee's other group, a workshop taken at those times or not for the craft.
 */
const CONFLICT_FIELDS: Record<string, string> = {
  'group.capacity_below_active': 'capacity',
  'group.capacity_max': 'capacity',
  'group.code_taken': 'code',
  'master.busy': 'startDate',
  'group.trainee_schedule_overlap': 'startDate',
  'workshop.busy': 'workshopId',
  'workshop.retired': 'workshopId',
  'workshop.other_craft': 'workshopId',
  'workshop.too_few_workplaces': 'capacity',
};

/** Sends a change, turning a conflict that concerns one field into that field's error. */
export async function besideItsField<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (reason) {
    const field = reason instanceof ApiError && reason.code && CONFLICT_FIELDS[reason.code];
    if (!field || !(reason instanceof ApiError)) throw reason;
    throw new ApiError(
      reason.status,
      reason.message,
      { ...reason.fieldErrors, [field]: errorMessage(reason) },
      reason.code,
    );
  }
}

/** A group's code, workshop, dates and seats, corrected while it has not finished. */
export function EditGroupDetails({ group, onSaved }: { group: GroupType; onSaved: () => void }) {
  const { t } = useTranslation();
  const initial = {
    code: group.code,
    workshopId: group.workshop?.id ?? '',
    startDate: group.startDate,
    endDate: group.endDate,
    capacity: group.seats.capacity,
  };
  const [form, setForm] = useState(initial);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  // Only what changed is sent: an unchanged date must not re-check the timetable.
  const body: Schemas['UpdateGroupDto'] = {
    ...(form.code.trim() !== group.code && { code: form.code }),
    ...(form.workshopId !== (group.workshop?.id ?? '') && { workshopId: form.workshopId || null }),
    ...(form.startDate !== group.startDate && { startDate: form.startDate }),
    ...(form.endDate !== group.endDate && { endDate: form.endDate }),
    ...(form.capacity !== group.seats.capacity && { capacity: form.capacity }),
  };
  const change = (next: Partial<typeof form>) => {
    setSaved(false);
    setForm({ ...form, ...next });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit
          .run(() =>
            besideItsField(() =>
              client.PATCH('/api/groups/{id}', { params: { path: { id: group.id } }, body }),
            ),
          )
          .then((done) => {
            if (!done) return;
            setSaved(true);
            onSaved();
          });
      }}
    >
      <Stack maw={560}>
        <TextInput
          label={t('groups.code')}
          withAsterisk
          value={form.code}
          onChange={(e) => change({ code: e.currentTarget.value })}
          error={submit.fieldError('code')}
        />
        <WorkshopSelect
          craft={group.course.craft}
          current={group.workshop}
          value={form.workshopId || null}
          onChange={(workshopId) => change({ workshopId: workshopId ?? '' })}
          error={submit.fieldError('workshopId')}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('groups.startDate')}
            withAsterisk
            type="date"
            miw={150}
            value={form.startDate}
            onChange={(e) => change({ startDate: e.currentTarget.value })}
            error={submit.fieldError('startDate')}
          />
          <TextInput
            label={t('groups.endDate')}
            withAsterisk
            type="date"
            miw={150}
            value={form.endDate}
            onChange={(e) => change({ endDate: e.currentTarget.value })}
            error={submit.fieldError('endDate')}
          />
        </Group>
        <NumberInput
          label={t('groups.capacity')}
          withAsterisk
          min={1}
          max={8}
          value={form.capacity}
          onChange={(capacity) => change({ capacity: Number(capacity) })}
          error={submit.fieldError('capacity')}
        />
        <FormError error={submit.formError()} />
        {saved && (
          <Alert color="teal" role="status">
            {t('groupEdit.saved')}
          </Alert>
        )}
        <Button type="submit" loading={submit.busy} disabled={Object.keys(body).length === 0}>
          {t('groupEdit.save')}
        </Button>
      </Stack>
    </form>
  );
}
