import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ageOn } from '../../../../libs/trainees/src/iin';
import { answer, client, href, type Schemas } from '../api';
import { AppModal } from '../components/AppModal';
import { FormError, ListState, Loading, useLoad, usePaged, useSubmit } from '../components/data';
import { fullName, StatusBadge, useCraftName } from '../components/labels';
import { RecordList } from '../components/RecordList';
import { localToday, useFormat } from '../format';
import { useUser } from '../session';

type Trainee = Schemas['TraineeView'];

const CATEGORIES = ['job_seeker', 'disability', 'orphan', 'pensioner', 'youth'];

/** One trainee: contacts, the IIN on request, enrollments, certificates, referrals; corrections. */
export function TraineePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const { id = '' } = useParams();
  const trainee = useLoad('/api/trainees/{id}', { path: { id } });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (trainee.error) return <Alert color="red">{trainee.error}</Alert>;
  if (!trainee.data) return <Loading />;
  const p = trainee.data;
  const line = (label: string, value: string | null | undefined) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text style={{ overflowWrap: 'anywhere' }}>{value || '—'}</Text>
    </div>
  );

  return (
    <Stack>
      <Anchor component={Link} to="/trainees" size="sm">
        ← {t('nav.trainees')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          {fullName(p)}
        </Title>
        <Group gap="xs">
          <Button
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('traineePage.edit')}
          </Button>
          {user.role === 'admin' && (
            <Button
              variant="light"
              component={Link}
              to={`/audit?entity=trainee&entityId=${encodeURIComponent(p.id)}`}
            >
              {t('traineePage.history')}
            </Button>
          )}
        </Group>
      </Group>
      {saved && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setSaved(false)}>
          {t('traineePage.saved')}
        </Alert>
      )}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Iin trainee={p} />
          {line(
            t('trainees.birthDate'),
            `${format.date(p.birthDate)}, ${t(`trainees.sex.${p.sex}`)}`,
          )}
          {line(t('trainees.phone'), p.phone)}
          {line(t('trainees.email'), p.email)}
          {line(
            t('trainees.categories'),
            p.categories.map((c) => t(`trainees.category.${c}`)).join(', '),
          )}
          {line(
            t('traineePage.consentGiven'),
            t('traineePage.consentOn', { date: format.dateTime(p.consentAt) }),
          )}
          {(p.guardianName || p.guardianPhone) && (
            <>
              {line(t('trainees.guardianName'), p.guardianName)}
              {line(t('trainees.guardianPhone'), p.guardianPhone)}
            </>
          )}
        </SimpleGrid>
      </Card>
      <Enrollments traineeId={p.id} />
      <Certificates traineeId={p.id} />
      <Referrals traineeId={p.id} />
      {editing && (
        <EditTraineeModal
          trainee={p}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
            trainee.reload();
          }}
        />
      )}
    </Stack>
  );
}

/** The IIN masked; the whole number on request, which the API writes to the audit log. */
function Iin({ trainee }: { trainee: Trainee }) {
  const { t } = useTranslation();
  const [whole, setWhole] = useState<string | null>(null);
  const submit = useSubmit();
  return (
    <div>
      <Text size="xs" c="dimmed">
        {t('trainees.iin')}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Text ff="monospace" aria-label={t('trainees.iin')}>
          {whole ?? trainee.iin}
        </Text>
        {whole === null ? (
          <Button
            size="compact-xs"
            variant="light"
            loading={submit.busy}
            onClick={() =>
              void submit
                .run(() =>
                  answer(
                    client.POST('/api/trainees/{id}/iin', { params: { path: { id: trainee.id } } }),
                  ),
                )
                .then((shown) => shown && setWhole(shown.iin))
            }
          >
            {t('traineePage.showIin')}
          </Button>
        ) : (
          <Button size="compact-xs" variant="subtle" onClick={() => setWhole(null)}>
            {t('traineePage.hideIin')}
          </Button>
        )}
      </Group>
      {whole !== null && (
        <Text size="xs" c="dimmed">
          {t('traineePage.iinAudited')}
        </Text>
      )}
      <FormError error={submit.error} />
    </div>
  );
}

function Enrollments({ traineeId }: { traineeId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const craftName = useCraftName();
  const list = useLoad('/api/trainees/{id}/enrollments', { path: { id: traineeId } });
  const rows = list.data ?? [];
  return (
    <Stack gap="xs">
      <Title order={3}>{t('traineePage.enrollments')}</Title>
      <ListState
        list={{
          ...list,
          total: rows.length,
          page: 1,
          pageSize: Math.max(rows.length, 1),
          setPage: () => undefined,
        }}
        empty={t('traineePage.noEnrollments')}
      >
        <RecordList
          label={t('traineePage.enrollments')}
          rows={rows}
          rowKey={(e) => e.id}
          columns={[
            {
              label: t('groups.group'),
              render: (e) => (
                <>
                  <Anchor component={Link} to={`/groups/${e.group.id}`}>
                    {e.group.code}
                  </Anchor>
                  <Text size="sm">
                    {e.course.title} · {craftName(e.course.craft)}
                  </Text>
                </>
              ),
            },
            {
              label: t('groups.dates'),
              render: (e) => `${format.date(e.group.startDate)} – ${format.date(e.group.endDate)}`,
            },
            {
              label: t('groups.enrollmentStatus'),
              render: (e) => (
                <>
                  <StatusBadge kind="enrollmentStatus" status={e.status} />
                  {e.waitlistPosition !== null && (
                    <Badge variant="outline" ml={4}>
                      {t('groups.waitlistPosition', { position: e.waitlistPosition })}
                    </Badge>
                  )}
                </>
              ),
            },
            {
              label: t('groups.attendanceRate'),
              render: (e) => format.percent(e.attendanceRate),
            },
          ]}
        />
      </ListState>
    </Stack>
  );
}

function Certificates({ traineeId }: { traineeId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = usePaged('/api/certificates', { query: { traineeId } });
  return (
    <Stack gap="xs">
      <Title order={3}>{t('nav.certificates')}</Title>
      <ListState list={list} empty={t('traineePage.noCertificates')}>
        <RecordList
          label={t('nav.certificates')}
          rows={list.items}
          rowKey={(c) => c.id}
          columns={[
            { label: t('certificates.number'), render: (c) => c.number },
            {
              label: t('certificates.status'),
              render: (c) => (
                <>
                  <StatusBadge kind="certificateStatus" status={c.status} />
                  {c.replacedBy && (
                    <Text size="xs" c="dimmed">
                      {t('certificates.replacedBy', { number: c.replacedBy.number })}
                    </Text>
                  )}
                </>
              ),
            },
            {
              label: t('certificates.issuedAt'),
              render: (c) => (c.issuedAt ? format.dateTime(c.issuedAt) : '—'),
            },
          ]}
          actionsLabel={t('certificates.download')}
          actions={(c) =>
            c.status === 'issued' || c.status === 'revoked' ? (
              <Anchor href={href('/api/certificates/{id}/pdf', { path: { id: c.id } })}>
                {t('certificates.download')}
              </Anchor>
            ) : null
          }
        />
      </ListState>
    </Stack>
  );
}

function Referrals({ traineeId }: { traineeId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const craftName = useCraftName();
  const list = usePaged('/api/referrals', { query: { traineeId } });
  return (
    <Stack gap="xs">
      <Title order={3}>{t('traineePage.referrals')}</Title>
      <ListState list={list} empty={t('traineePage.noReferrals')}>
        <RecordList
          label={t('traineePage.referrals')}
          rows={list.items}
          rowKey={(r) => r.id}
          columns={[
            {
              label: t('referrals.number'),
              render: (r) => `${r.number} · ${format.dateTime(r.createdAt)}`,
            },
            { label: t('traineePage.centre'), render: (r) => format.name(r.employmentCenter.name) },
            { label: t('referrals.craft'), render: (r) => craftName(r.craft) },
            {
              label: t('referrals.status'),
              render: (r) => <StatusBadge kind="referralStatus" status={r.status} />,
            },
          ]}
        />
      </ListState>
    </Stack>
  );
}

/** The correctable fields of a trainee; the IIN (and so the birth date) never changes. */
function EditTraineeModal({
  trainee,
  onClose,
  onSaved,
}: {
  trainee: Trainee;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    lastName: trainee.lastName,
    firstName: trainee.firstName,
    patronymic: trainee.patronymic ?? '',
    phone: trainee.phone ?? '',
    email: trainee.email ?? '',
    guardianName: trainee.guardianName ?? '',
    guardianPhone: trainee.guardianPhone ?? '',
  });
  const [categories, setCategories] = useState<string[]>(trainee.categories);
  const [consentAgain, setConsentAgain] = useState(false);
  const submit = useSubmit();
  const minor = ageOn(trainee.birthDate, localToday()) < 18;
  const field = (name: keyof typeof form, label: string, required = false) => (
    <TextInput
      label={t(label)}
      withAsterisk={required}
      value={form[name]}
      onChange={(e) => setForm({ ...form, [name]: e.currentTarget.value })}
      error={submit.fieldError(name)}
    />
  );

  return (
    <AppModal opened onClose={onClose} title={t('traineePage.edit')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const optional = (value: string) => value.trim() || null;
          void submit
            .run(() =>
              client.PATCH('/api/trainees/{id}', {
                params: { path: { id: trainee.id } },
                body: {
                  lastName: form.lastName,
                  firstName: form.firstName,
                  patronymic: optional(form.patronymic),
                  phone: optional(form.phone),
                  email: optional(form.email),
                  categories: categories as Schemas['UpdateTraineeDto']['categories'],
                  guardianName: optional(form.guardianName),
                  guardianPhone: optional(form.guardianPhone),
                  ...(consentAgain && { consent: true }),
                },
              }),
            )
            .then((done) => done && onSaved());
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('traineePage.iinFixed', { iin: trainee.iin })}
          </Text>
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
            onChange={setCategories}
            error={submit.fieldError('categories')}
          >
            <Group mt={4}>
              {CATEGORIES.map((c) => (
                <Checkbox key={c} value={c} label={t(`trainees.category.${c}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          {minor && (
            <Text size="sm" c="orange">
              {t('trainees.minor')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {field('guardianName', 'trainees.guardianName', minor)}
            {field('guardianPhone', 'trainees.guardianPhone', minor)}
          </SimpleGrid>
          <Checkbox
            label={t('traineePage.consentAgain')}
            description={t('traineePage.consentAgainHint')}
            checked={consentAgain}
            onChange={(e) => setConsentAgain(e.currentTarget.checked)}
            error={submit.fieldError('consent')}
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
