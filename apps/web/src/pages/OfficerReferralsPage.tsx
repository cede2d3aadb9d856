import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../components/AppModal';
import { client, href, type Schemas } from '../api';
import { StatusReason } from '../components/StatusReason';
import { FormError, ListState, useLoad, usePaged, useSubmit } from '../components/data';
import { ListSearchBox, useListSearch } from '../components/ListSearch';
import { RecordList } from '../components/RecordList';
import { fullName, StatusBadge, useCraftName } from '../components/labels';
import { localToday, useFormat } from '../format';
import { useSession } from '../session';
import {
  FINISHED_REFERRAL_STATUSES,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
} from '../../../../libs/referrals/src/referral-status';
import { useIinCheck } from './TraineesPage';

type Referral = Schemas['ReferralView'];
type Outcome = Schemas['ReferralOutcomeView']['outcome'];
const CATEGORIES = ['job_seeker', 'disability', 'orphan', 'pensioner', 'youth'];

function outcomeOf(referral: Referral): Outcome | undefined {
  return referral.outcome?.outcome;
}

/** Officer: my centre's referrals, a new one, and the outcome after training. */
export function OfficerReferralsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const craftName = useCraftName();
  const [status, setStatus] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [creating, setCreating] = useState(false);
  const [recording, setRecording] = useState<Referral | null>(null);
  const search = useListSearch();
  const list = usePaged(
    '/api/referrals',
    {
      query: {
        status: (status ?? undefined) as Referral['status'] | undefined,
        search: search.search,
      },
    },
    undefined,
    refresh,
  );
  const changed = () => {
    setCreating(false);
    setRecording(null);
    setRefresh((r) => r + 1);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.referrals')}</Title>
        <Button onClick={() => setCreating(true)}>{t('referrals.create')}</Button>
      </Group>
      <ChangesSinceLastLook refresh={refresh} />
      <ListSearchBox label={t('listSearch.referrals')} search={search} />
      <Select
        label={t('referrals.status')}
        placeholder={t('common.all')}
        clearable
        data={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`referralStatus.${s}`) }))}
        value={status}
        onChange={setStatus}
        maw={240}
      />
      <ListState list={list} empty={t('referrals.none')}>
        <RecordList
          rows={list.items}
          rowKey={(r) => r.id}
          label={t('nav.referrals')}
          columns={[
            { label: t('referrals.number'), render: (r) => r.number },
            { label: t('referrals.person'), render: (r) => fullName(r.person) },
            { label: t('referrals.craft'), render: (r) => craftName(r.craft) },
            {
              label: t('referrals.status'),
              render: (r) => (
                <>
                  <StatusBadge kind="referralStatus" status={r.status} />
                  {r.enrollment && (
                    <Text size="xs" c="dimmed">
                      {r.enrollment.group.code}
                    </Text>
                  )}
                  <StatusReason code={r.statusReasonCode} reason={r.statusReason} />
                </>
              ),
            },
            {
              label: t('groups.attendanceRate'),
              render: (r) => format.percent(r.enrollment?.attendanceRate),
            },
            {
              label: t('referrals.certificate'),
              render: (r) => (
                <>
                  {r.certificate
                    ? `${r.certificate.number} (${t(`certificateStatus.${r.certificate.status}`)})`
                    : '—'}
                  {(r.certificate?.status === 'issued' || r.certificate?.status === 'revoked') && (
                    <Anchor
                      href={href('/api/certificates/{id}/pdf', {
                        path: { id: r.certificate.id },
                      })}
                      download
                      size="xs"
                      display="block"
                      aria-label={`${t('certificates.download')}: ${r.certificate.number}`}
                    >
                      {t('certificates.download')}
                    </Anchor>
                  )}
                </>
              ),
            },
            {
              label: t('referrals.outcome'),
              render: (r) => {
                const outcome = outcomeOf(r);
                return outcome && r.outcome
                  ? `${t(`outcome.${outcome}`)}, ${format.date(r.outcome.date)}`
                  : '—';
              },
            },
          ]}
          actions={(r) => (
            <>
              {FINISHED_REFERRAL_STATUSES.includes(r.status) && (
                <Button
                  size="xs"
                  variant="light"
                  aria-label={`${t('referrals.recordOutcome')}: ${r.number}`}
                  onClick={() => setRecording(r)}
                >
                  {t('referrals.recordOutcome')}
                </Button>
              )}
              {r.status === 'submitted' && <CancelButton referral={r} onDone={changed} />}
            </>
          )}
        />
      </ListState>
      <NewReferralModal opened={creating} onClose={() => setCreating(false)} onCreated={changed} />
      {recording && (
        <OutcomeModal referral={recording} onClose={() => setRecording(null)} onDone={changed} />
      )}
    </Stack>
  );
}

/**
 * What the centre did with the officer's referrals since the officer last marked them as seen
 * (kept on the server, so it holds on any device): newest first, each with its date.
 */
function ChangesSinceLastLook({ refresh }: { refresh: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [version, setVersion] = useState(0);
  const changes = useLoad('/api/referrals/changes', undefined, refresh + version);
  const submit = useSubmit();
  const [marked, setMarked] = useState(false);
  if (changes.error) return <Alert color="red">{changes.error}</Alert>;
  const data = changes.data;
  if (!data) return null;
  const describe = (c: Schemas['ReferralChangeView']) =>
    t(`referralChanges.change.${c.change}`, {
      group: c.groupCode ?? '',
      number: c.certificateNumber ?? '',
    });
  return (
    <Card withBorder component="section" aria-label={t('referralChanges.title')}>
      <Group justify="space-between" gap="xs" mb="xs">
        <Group gap="xs">
          <Title order={4}>{t('referralChanges.title')}</Title>
          {data.total > 0 && (
            <Badge color="orange">{t('referralChanges.count', { n: data.total })}</Badge>
          )}
        </Group>
        {data.total > 0 && (
          <Button
            size="xs"
            variant="light"
            loading={submit.busy}
            onClick={() =>
              void submit
                .run(() =>
                  client.PUT('/api/referrals/changes/seen', { body: { until: data.until } }),
                )
                .then((done) => {
                  if (!done) return;
                  setMarked(true);
                  setVersion((v) => v + 1);
                })
            }
          >
            {t('referralChanges.markSeen')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('referralChanges.since', { date: format.dateTime(data.since) })}
      </Text>
      <FormError error={submit.error} />
      {marked && data.total === 0 && (
        <Alert color="teal" role="status" mb="xs">
          {t('referralChanges.marked')}
        </Alert>
      )}
      {data.total === 0 ? (
        <Text c="dimmed">{t('referralChanges.none')}</Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {data.items.map((c) => (
            <li key={`${c.referralId}-${c.change}`}>
              <Text size="sm">
                <b>{c.number}</b> · {fullName(c.person)}
              </Text>
              <Text size="sm">
                {describe(c)}{' '}
                <Text span size="xs" c="dimmed">
                  {format.dateTime(c.at)}
                </Text>
              </Text>
            </li>
          ))}
          {data.total > data.items.length && (
            <Text size="xs" c="dimmed">
              {t('referralChanges.more', { n: data.total - data.items.length })}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

function CancelButton({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        loading={submit.busy}
        aria-label={`${t('referrals.cancel')}: ${referral.number}`}
        onClick={() =>
          void submit
            .run(() =>
              client.POST('/api/referrals/{id}/cancel', {
                params: { path: { id: referral.id } },
                body: {},
              }),
            )
            .then((r) => r !== undefined && onDone())
        }
      >
        {t('referrals.cancel')}
      </Button>
      {submit.error && (
        <Text size="xs" c="red" role="alert">
          {submit.error}
        </Text>
      )}
    </>
  );
}

const EMPTY = {
  number: '',
  iin: '',
  lastName: '',
  firstName: '',
  patronymic: '',
  phone: '',
  note: '',
};

function NewReferralModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { crafts } = useSession();
  const [form, setForm] = useState(EMPTY);
  const [craft, setCraft] = useState<string | null>(null);
  const [categories, setCategories] = useState<string[]>(['job_seeker']);
  const submit = useSubmit();
  const iin = useIinCheck(form.iin);
  const text = (name: keyof typeof EMPTY, label: string, apiField: string, required = false) => (
    <TextInput
      label={t(label)}
      withAsterisk={required}
      value={form[name]}
      onChange={submit.clearing(apiField, (e) =>
        setForm({ ...form, [name]: e.currentTarget.value }),
      )}
      error={submit.fieldError(apiField)}
    />
  );

  return (
    <AppModal opened={opened} onClose={onClose} title={t('referrals.create')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const optional = (value: string) => value.trim() || undefined;
          void submit
            .run(() =>
              client.POST('/api/referrals', {
                // Empty fields are left out, so that the API names each missing one.
                body: {
                  number: form.number,
                  person: {
                    iin: form.iin,
                    lastName: form.lastName,
                    firstName: form.firstName,
                    patronymic: optional(form.patronymic),
                    phone: optional(form.phone),
                    categories,
                  },
                  craft: craft ?? undefined,
                  note: optional(form.note),
                } as Schemas['CreateReferralDto'],
              }),
            )
            .then((created) => {
              if (!created) return;
              setForm(EMPTY);
              onCreated();
            });
        }}
      >
        <Stack>
          {text('number', 'referrals.number', 'number', true)}
          <TextInput
            label={t('trainees.iin')}
            withAsterisk
            inputMode="numeric"
            maxLength={12}
            value={form.iin}
            onChange={submit.clearing('person.iin', (e) =>
              setForm({ ...form, iin: e.currentTarget.value.trim() }),
            )}
            description={iin.description}
            error={iin.error ?? submit.fieldError('person.iin')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {text('lastName', 'trainees.lastName', 'person.lastName', true)}
            {text('firstName', 'trainees.firstName', 'person.firstName', true)}
            {text('patronymic', 'trainees.patronymic', 'person.patronymic')}
          </SimpleGrid>
          {text('phone', 'trainees.phone', 'person.phone')}
          <Checkbox.Group
            label={t('trainees.categories')}
            value={categories}
            onChange={submit.clearing('person.categories', setCategories)}
            error={submit.fieldError('person.categories')}
          >
            <Group mt={4}>
              {CATEGORIES.map((c) => (
                <Checkbox key={c} value={c} label={t(`trainees.category.${c}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Select
            label={t('referrals.craft')}
            withAsterisk
            data={crafts.map((c) => ({ value: c.code, label: format.name(c.name) }))}
            value={craft}
            onChange={submit.clearing('craft', setCraft)}
            error={submit.fieldError('craft')}
          />
          <Textarea
            label={t('referrals.note')}
            value={form.note}
            onChange={submit.clearing('note', (e) =>
              setForm({ ...form, note: e.currentTarget.value }),
            )}
            error={submit.fieldError('note')}
          />
          <FormError error={submit.formError()} />
          <Button type="submit" loading={submit.busy}>
            {t('referrals.submit')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}

function OutcomeModal({
  referral,
  onClose,
  onDone,
}: {
  referral: Referral;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<string | null>(outcomeOf(referral) ?? null);
  const [date, setDate] = useState(localToday());
  const [note, setNote] = useState('');
  const submit = useSubmit();
  return (
    <AppModal
      opened
      onClose={onClose}
      title={`${t('referrals.recordOutcome')}: ${referral.number}`}
    >
      <Stack>
        <Select
          label={t('referrals.outcome')}
          withAsterisk
          data={REFERRAL_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
          value={outcome}
          onChange={submit.clearing('outcome', setOutcome)}
          error={submit.fieldError('outcome')}
        />
        <TextInput
          label={t('referrals.outcomeDate')}
          withAsterisk
          type="date"
          value={date}
          onChange={submit.clearing('date', (e) => setDate(e.currentTarget.value))}
          error={submit.fieldError('date')}
        />
        <Textarea
          label={t('referrals.note')}
          value={note}
          onChange={submit.clearing('note', (e) => setNote(e.currentTarget.value))}
          error={submit.fieldError('note')}
        />
        <FormError error={submit.formError()} />
        <Button
          loading={submit.busy}
          onClick={() =>
            void submit
              .run(() =>
                client.PUT('/api/referrals/{id}/outcome', {
                  params: { path: { id: referral.id } },
                  // No outcome chosen: left out, so that the API names the field.
                  body: {
                    outcome: outcome ?? undefined,
                    date,
                    note: note.trim() || undefined,
                  } as Schemas['RecordOutcomeDto'],
                }),
              )
              .then((r) => r !== undefined && onDone())
          }
        >
          {t('common.save')}
        </Button>
      </Stack>
    </AppModal>
  );
}
