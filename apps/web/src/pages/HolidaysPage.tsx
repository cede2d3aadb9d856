import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, client, type Params, type Schemas } from '../api';
import { AppModal } from '../components/AppModal';
import { FormError, ListState, useLoad, useSubmit } from '../components/data';
import { RecordList } from '../components/RecordList';
import { localToday, useFormat } from '../format';

type Holiday = Schemas['HolidayView'];
/** The years the API lists holidays of (2000–2049), as its type spells them. */
type HolidayYear = NonNullable<NonNullable<Params<'/api/holidays'>['query']>['year']>;

/** The centre's holidays of a year: no lessons are planned on them. */
export function HolidaysPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const thisYear = Number(localToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [refresh, setRefresh] = useState(0);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Holiday | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const holidays = useLoad('/api/holidays', { query: { year: year as HolidayYear } }, refresh);
  const items = holidays.data ?? [];
  const name = (holiday: Holiday) =>
    ({ kk: holiday.nameKk, ru: holiday.nameRu, en: holiday.nameEn })[format.language] ??
    holiday.nameEn;
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map(String);
  const done = (message: string) => {
    setNotice(message);
    setRefresh((r) => r + 1);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.holidays')}</Title>
        <Button
          onClick={() => {
            setNotice(undefined);
            setAdding(true);
          }}
        >
          {t('holidays.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('holidays.explained')}
      </Text>
      <Select
        label={t('holidays.year')}
        data={years}
        value={String(year)}
        onChange={(chosen) => chosen && setYear(Number(chosen))}
        allowDeselect={false}
        maw={160}
      />
      {notice && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(undefined)}>
          {notice}
        </Alert>
      )}
      <ListState
        list={{
          ...holidays,
          total: items.length,
          page: 1,
          pageSize: Math.max(items.length, 1),
          setPage: () => undefined,
        }}
        empty={t('holidays.none', { year })}
      >
        <RecordList
          label={t('holidays.listOf', { year })}
          actionsLabel={t('holidays.actions')}
          rows={items}
          rowKey={(holiday) => holiday.date}
          columns={[
            { label: t('holidays.date'), render: (holiday) => format.date(holiday.date) },
            { label: t('holidays.name'), render: name },
          ]}
          actions={(holiday) => (
            <Button
              size="xs"
              variant="light"
              color="red"
              aria-label={t('holidays.removeOf', { date: format.date(holiday.date) })}
              onClick={() => {
                setNotice(undefined);
                setRemoving(holiday);
              }}
            >
              {t('holidays.remove')}
            </Button>
          )}
        />
      </ListState>
      {adding && (
        <AddHolidayModal
          year={year}
          onClose={() => setAdding(false)}
          onAdded={(holiday) => {
            setAdding(false);
            setYear(Number(holiday.date.slice(0, 4)));
            done(t('holidays.added', { date: format.date(holiday.date), name: name(holiday) }));
          }}
        />
      )}
      {removing && (
        <RemoveHolidayModal
          holiday={removing}
          onClose={() => setRemoving(undefined)}
          onRemoved={() => {
            setRemoving(undefined);
            done(t('holidays.removed', { date: format.date(removing.date) }));
          }}
        />
      )}
    </Stack>
  );
}

function AddHolidayModal({
  year,
  onClose,
  onAdded,
}: {
  year: number;
  onClose: () => void;
  onAdded: (holiday: Holiday) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ date: '', nameKk: '', nameRu: '', nameEn: '' });
  const submit = useSubmit();
  const change = (patch: Partial<typeof form>) => {
    setForm({ ...form, ...patch });
    submit.reset();
  };
  const field = (name: 'nameKk' | 'nameRu' | 'nameEn') => (
    <TextInput
      label={t(`holidays.${name}`)}
      withAsterisk
      value={form[name]}
      onChange={(e) => change({ [name]: e.currentTarget.value })}
      error={submit.fieldError(name)}
    />
  );
  return (
    <AppModal opened onClose={onClose} title={t('holidays.add')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit
            .run(() =>
              answer(
                client.POST('/api/holidays', {
                  // An empty date is left out, so that the API names the missing field.
                  body: { ...form, date: form.date || undefined } as Schemas['CreateHolidayDto'],
                }),
              ),
            )
            .then((holiday) => holiday && onAdded(holiday));
        }}
      >
        <Stack>
          <TextInput
            label={t('holidays.date')}
            type="date"
            withAsterisk
            min={`${year}-01-01`}
            value={form.date}
            onChange={(e) => change({ date: e.currentTarget.value })}
            error={submit.fieldError('date')}
          />
          {field('nameKk')}
          {field('nameRu')}
          {field('nameEn')}
          <Text size="sm" c="dimmed">
            {t('holidays.lessonsMove')}
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

function RemoveHolidayModal({
  holiday,
  onClose,
  onRemoved,
}: {
  holiday: Holiday;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const submit = useSubmit();
  return (
    <AppModal
      opened
      onClose={onClose}
      title={t('holidays.removeOf', { date: format.date(holiday.date) })}
    >
      <Stack>
        <Text>{t('holidays.removeExplained')}</Text>
        <FormError error={submit.formError()} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('holidays.cancel')}
          </Button>
          <Button
            color="red"
            loading={submit.busy}
            onClick={() =>
              void submit
                .run(async () => {
                  await client.DELETE('/api/holidays/{date}', {
                    params: { path: { date: holiday.date } },
                  });
                  return true;
                })
                .then((removed) => removed && onRemoved())
            }
          >
            {t('holidays.remove')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
