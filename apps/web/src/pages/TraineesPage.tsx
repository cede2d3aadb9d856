import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../components/AppModal';
import { TraineeLink } from '../components/TraineeLink';
import { ageOn, checkIin, maskIin } from '../../../../libs/trainees/src/iin';
import { client, type Schemas } from '../api';
import { FormError, ListState, usePaged, useSubmit } from '../components/data';
import { fullName } from '../components/labels';
import { ListSearchBox, useListSearch } from '../components/ListSearch';
import { RecordList } from '../components/RecordList';
import { localToday, useFormat } from '../format';

const CATEGORIES = ['job_seeker', 'disability', 'orphan', 'pensioner', 'youth'];

export function TraineesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = useListSearch();
  const [creating, setCreating] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const list = usePaged('/api/trainees', { query: { search: search.search } }, undefined, refresh);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.trainees')}</Title>
        <Button onClick={() => setCreating(true)}>{t('trainees.register')}</Button>
      </Group>
      <ListSearchBox label={t('trainees.search')} search={search} />
      <ListState list={list} empty={t('trainees.none')}>
        <RecordList
          rows={list.items}
          rowKey={(trainee) => trainee.id}
          label={t('nav.trainees')}
          columns={[
            {
              label: t('trainees.name'),
              render: (trainee) => <TraineeLink id={trainee.id} name={fullName(trainee)} />,
            },
            { label: t('trainees.iin'), render: (trainee) => maskIin(trainee.iin) },
            { label: t('trainees.birthDate'), render: (trainee) => format.date(trainee.birthDate) },
          ]}
        />
      </ListState>
      <RegisterTraineeModal
        opened={creating}
        onClose={() => setCreating(false)}
        onRegistered={() => {
          setCreating(false);
          setRefresh((r) => r + 1);
        }}
      />
    </Stack>
  );
}

/** What the IIN says as it is typed: the birth date and sex, or what is wrong. */
export function useIinCheck(iin: string) {
  const { t } = useTranslation();
  const format = useFormat();
  if (iin.length === 0) return { description: t('trainees.iinHint') };
  const checked = checkIin(iin);
  if (!checked.ok) {
    return iin.length < 12 && /^\d*$/.test(iin)
      ? { description: t('trainees.iinHint') }
      : { error: t(`trainees.iinProblem.${checked.problem}`) };
  }
  return {
    description: t('trainees.iinFacts', {
      date: format.date(checked.facts.birthDate),
      sex: t(`trainees.sex.${checked.facts.sex}`),
    }),
    birthDate: checked.facts.birthDate,
  };
}

const EMPTY = {
  iin: '',
  lastName: '',
  firstName: '',
  patronymic: '',
  phone: '',
  email: '',
  guardianName: '',
  guardianPhone: '',
};

function RegisterTraineeModal({
  opened,
  onClose,
  onRegistered,
}: {
  opened: boolean;
  onClose: () => void;
  onRegistered: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [categories, setCategories] = useState<string[]>([]);
  const [consent, setConsent] = useState(false);
  const submit = useSubmit();
  const iin = useIinCheck(form.iin);
  const minor = iin.birthDate !== undefined && ageOn(iin.birthDate, localToday()) < 18;
  const field = (name: keyof typeof EMPTY, label: string, required = false) => (
    <TextInput
      label={t(label)}
      withAsterisk={required}
      value={form[name]}
      onChange={submit.clearing(name, (e) => setForm({ ...form, [name]: e.currentTarget.value }))}
      error={submit.fieldError(name)}
    />
  );

  return (
    <AppModal opened={opened} onClose={onClose} title={t('trainees.register')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const optional = (value: string) => value.trim() || null;
          void submit
            .run(() =>
              client.POST('/api/trainees', {
                body: {
                  iin: form.iin,
                  lastName: form.lastName,
                  firstName: form.firstName,
                  patronymic: optional(form.patronymic),
                  phone: optional(form.phone),
                  email: optional(form.email),
                  categories: categories as Schemas['CreateTraineeDto']['categories'],
                  consent,
                  guardianName: minor ? optional(form.guardianName) : null,
                  guardianPhone: minor ? optional(form.guardianPhone) : null,
                },
              }),
            )
            .then((trainee) => {
              if (!trainee) return;
              setForm(EMPTY);
              setCategories([]);
              setConsent(false);
              onRegistered();
            });
        }}
      >
        <Stack>
          <TextInput
            label={t('trainees.iin')}
            withAsterisk
            inputMode="numeric"
            maxLength={12}
            value={form.iin}
            onChange={submit.clearing('iin', (e) =>
              setForm({ ...form, iin: e.currentTarget.value.trim() }),
            )}
            description={iin.description}
            error={iin.error ?? submit.fieldError('iin')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {field('lastName', 'trainees.lastName', true)}
            {field('firstName', 'trainees.firstName', true)}
            {field('patronymic', 'trainees.patronymic')}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {field('phone', 'trainees.phone')}
            {field('email', 'trainees.email')}
          </SimpleGrid>
          <Checkbox.Group
            label={t('trainees.categories')}
            value={categories}
            onChange={submit.clearing('categories', setCategories)}
            error={submit.fieldError('categories')}
          >
            <Group mt={4}>
              {CATEGORIES.map((c) => (
                <Checkbox key={c} value={c} label={t(`trainees.category.${c}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          {minor && (
            <>
              <Text size="sm" c="orange">
                {t('trainees.minor')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {field('guardianName', 'trainees.guardianName', true)}
                {field('guardianPhone', 'trainees.guardianPhone', true)}
              </SimpleGrid>
            </>
          )}
          <Checkbox
            label={t('trainees.consent')}
            checked={consent}
            onChange={submit.clearing('consent', (e) => setConsent(e.currentTarget.checked))}
            error={submit.fieldError('consent')}
          />
          <FormError error={submit.formError()} />
          <Button type="submit" loading={submit.busy}>
            {t('trainees.register')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}
