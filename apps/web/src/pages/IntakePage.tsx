import { Alert, Anchor, Button, Card, Select, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../components/AppModal';
import { ReasonModal } from '../components/ReasonModal';
import { RecordList } from '../components/RecordList';
import { StatusReason } from '../components/StatusReason';
import { answer, client, type Schemas } from '../api';
import { FormError, ListState, useLoad, usePaged, useSubmit } from '../components/data';
import { ListSearchBox, useListSearch } from '../components/ListSearch';
import { fullName, StatusBadge, useCraftName } from '../components/labels';
import { TraineeLink } from '../components/TraineeLink';
import { useFormat } from '../format';
import { ENROLLING_GROUP_STATUSES } from '../../../../libs/groups/src/group-status';
import {
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  type ReferralStatus,
} from '../../../../libs/referrals/src/referral-status';

type Referral = Schemas['ReferralView'];
type GroupView = Schemas['GroupView'];

/** The groups that take enrollments now (open or in progress), of every craft. */
function useEnrollingGroups(refresh = 0): GroupView[] {
  // One load per status of a constant list, so the hooks run in the same order on every render.
  const loads = ENROLLING_GROUP_STATUSES.map((status) =>
    useLoad('/api/groups', { query: { status, limit: 100 } }, refresh),
  );
  return loads.flatMap((load) => load.data?.items ?? []);
}

/** A `tel:` link, so that staff can call from a phone. */
function Phone({ phone }: { phone: string | null }) {
  if (!phone) return <>—</>;
  return <Anchor href={`tel:${phone.replace(/[^+\d]/g, '')}`}>{phone}</Anchor>;
}

/**
 * Staff: referrals from the employment centres, with the officer's note, the person's phone and
 * the referring centre; accepted into a group, accepted to wait for one, or rejected.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const craftName = useCraftName();
  const [status, setStatus] = useState<string | null>('submitted');
  const [refresh, setRefresh] = useState(0);
  const search = useListSearch();
  const list = usePaged(
    '/api/referrals',
    {
      query: {
        status: (status ?? undefined) as ReferralStatus | undefined,
        search: search.search,
      },
    },
    undefined,
    refresh,
  );
  const groups = useEnrollingGroups(refresh);
  const [accepting, setAccepting] = useState<Referral | null>(null);
  const [rejecting, setRejecting] = useState<Referral | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const done = (message: string | null) => {
    setAccepting(null);
    setRejecting(null);
    setSaved(message);
    setRefresh((r) => r + 1);
  };
  const actions = (r: Referral) => (
    <>
      {REFERRAL_TRANSITIONS.enroll.from.includes(r.status) && (
        <Button
          size="xs"
          aria-label={`${t(r.status === 'accepted' ? 'intake.enroll' : 'referrals.accept')}: ${r.number}`}
          onClick={() => {
            setSaved(null);
            setAccepting(r);
          }}
        >
          {t(r.status === 'accepted' ? 'intake.enroll' : 'referrals.accept')}
        </Button>
      )}
      {REFERRAL_TRANSITIONS.reject.from.includes(r.status) && (
        <Button
          size="xs"
          color="red"
          variant="light"
          aria-label={`${t('referrals.reject')}: ${r.number}`}
          onClick={() => {
            setSaved(null);
            setRejecting(r);
          }}
        >
          {t('referrals.reject')}
        </Button>
      )}
    </>
  );

  return (
    <Stack>
      <Title order={2}>{t('nav.intake')}</Title>
      {saved && (
        <Alert color="teal" role="status">
          {saved}
        </Alert>
      )}
      <WaitingForGroup groups={groups} refresh={refresh} actions={actions} />
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
          label={t('nav.intake')}
          rows={list.items}
          rowKey={(r) => r.id}
          columns={[
            { label: t('referrals.number'), render: (r) => r.number },
            {
              label: t('referrals.person'),
              render: (r) => (
                <>
                  {r.traineeId ? (
                    <TraineeLink id={r.traineeId} name={fullName(r.person)} />
                  ) : (
                    fullName(r.person)
                  )}
                  <Text size="xs">
                    {t('intake.phone')}: <Phone phone={r.person.phone} />
                  </Text>
                  {r.note && (
                    <Text size="xs" c="dimmed">
                      {t('intake.note')}: {r.note}
                    </Text>
                  )}
                </>
              ),
            },
            { label: t('intake.centre'), render: (r) => format.name(r.employmentCenter.name) },
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
          ]}
          actions={actions}
        />
      </ListState>
      {accepting && (
        <AcceptModal
          referral={accepting}
          groups={groups.filter((g) => g.course.craft === accepting.craft)}
          onClose={() => setAccepting(null)}
          onDone={done}
        />
      )}
      {rejecting && (
        <ReasonModal
          title={`${t('referrals.reject')}: ${rejecting.number}`}
          action={t('referrals.reject')}
          send={(reason) =>
            client.POST('/api/referrals/{id}/reject', {
              params: { path: { id: rejecting.id } },
              body: { reason },
            })
          }
          onClose={() => setRejecting(null)}
          onDone={() => done(null)}
        />
      )}
    </Stack>
  );
}

/**
 * Referrals accepted without a group, oldest first, each saying whether a group of its craft is
 * open now, so that staff enroll them as soon as one opens.
 */
function WaitingForGroup({
  groups,
  refresh,
  actions,
}: {
  groups: GroupView[];
  refresh: number;
  actions: (r: Referral) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const craftName = useCraftName();
  const list = usePaged('/api/referrals', { query: { status: 'accepted' } }, 10, refresh);
  return (
    <Card withBorder component="section" aria-label={t('intake.waitingTitle')}>
      <Title order={4} mb="xs">
        {t('intake.waitingTitle')}
      </Title>
      <ListState list={list} empty={t('intake.waitingNone')}>
        <RecordList
          label={t('intake.waitingTitle')}
          rows={list.items}
          rowKey={(r) => r.id}
          columns={[
            {
              label: t('referrals.person'),
              render: (r) => (
                <>
                  {r.number} · {fullName(r.person)}
                  <Text size="xs">
                    {t('intake.phone')}: <Phone phone={r.person.phone} />
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('intake.waitingSince', { date: format.dateTime(r.statusChangedAt) })}
                  </Text>
                </>
              ),
            },
            {
              label: t('referrals.craft'),
              render: (r) => {
                const open = groups.filter((g) => g.course.craft === r.craft);
                return (
                  <>
                    {craftName(r.craft)}
                    <Text size="xs" c={open.length > 0 ? 'teal' : 'dimmed'}>
                      {open.length > 0
                        ? t('intake.groupOpen', { groups: open.map((g) => g.code).join(', ') })
                        : t('intake.noGroupYet')}
                    </Text>
                  </>
                );
              },
            },
          ]}
          actions={actions}
        />
      </ListState>
    </Card>
  );
}

function AcceptModal({
  referral,
  groups,
  onClose,
  onDone,
}: {
  referral: Referral;
  groups: GroupView[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const craftName = useCraftName();
  const [groupId, setGroupId] = useState<string | null>(null);
  const submit = useSubmit();
  const send = (chosen: string | null) =>
    void submit
      .run(() =>
        answer(
          client.POST('/api/referrals/{id}/accept', {
            params: { path: { id: referral.id } },
            body: chosen ? { groupId: chosen } : {},
          }),
        ),
      )
      .then((accepted) => {
        if (!accepted) return;
        onDone(
          accepted.enrollment
            ? t('intake.enrolled', {
                number: accepted.number,
                group: accepted.enrollment.group.code,
              })
            : t('intake.acceptedWaiting', { number: accepted.number }),
        );
      });
  const title = `${t(referral.status === 'accepted' ? 'intake.enroll' : 'referrals.accept')}: ${referral.number}`;
  return (
    <AppModal opened onClose={onClose} title={title}>
      <Stack>
        <div>
          <Text fw={500}>{fullName(referral.person)}</Text>
          <Text size="sm">
            {t('intake.phone')}: <Phone phone={referral.person.phone} />
          </Text>
          <Text size="sm">
            {t('intake.centre')}: {format.name(referral.employmentCenter.name)}
          </Text>
          {referral.note && (
            <Text size="sm">
              {t('intake.note')}: {referral.note}
            </Text>
          )}
        </div>
        {groups.length === 0 ? (
          <Alert color="yellow" role="status">
            {t('intake.noGroup', { craft: craftName(referral.craft) })}
          </Alert>
        ) : (
          <Select
            label={t('referrals.group')}
            withAsterisk
            data={groups.map((g) => ({
              value: g.id,
              label: `${g.code} · ${t('groups.seatsValue', {
                active: g.seats.active,
                capacity: g.seats.capacity,
                waitlisted: g.seats.waitlisted,
              })}`,
            }))}
            value={groupId}
            onChange={submit.clearing('groupId', setGroupId)}
            error={submit.fieldError('groupId')}
          />
        )}
        <FormError error={submit.formError()} />
        {groups.length > 0 && (
          <Button disabled={!groupId} loading={submit.busy} onClick={() => send(groupId)}>
            {t(referral.status === 'accepted' ? 'intake.enroll' : 'referrals.accept')}
          </Button>
        )}
        {REFERRAL_TRANSITIONS.accept.from.includes(referral.status) && (
          <Button
            variant={groups.length === 0 ? 'filled' : 'light'}
            loading={submit.busy}
            onClick={() => send(null)}
          >
            {t('intake.acceptWithoutGroup')}
          </Button>
        )}
      </Stack>
    </AppModal>
  );
}
