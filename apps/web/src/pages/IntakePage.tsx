import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../components/AppModal';
import { ReasonModal } from '../components/ReasonModal';
import { client, type Schemas } from '../api';
import { StatusReason } from '../components/StatusReason';
import { FormError, ListState, useLoad, usePaged, useSubmit } from '../components/data';
import { fullName, StatusBadge, useCraftName } from '../components/labels';
import { ENROLLING_GROUP_STATUSES } from '../../../../libs/groups/src/group-status';
import {
  REFERRAL_STATUSES,
  type ReferralStatus,
} from '../../../../libs/referrals/src/referral-status';

type Referral = Schemas['ReferralView'];

/** Staff: referrals from the employment centres, accepted into a group or rejected. */
export function IntakePage() {
  const { t } = useTranslation();
  const craftName = useCraftName();
  const [status, setStatus] = useState<string | null>('submitted');
  const [refresh, setRefresh] = useState(0);
  const list = usePaged(
    '/api/referrals',
    { query: { status: (status ?? undefined) as ReferralStatus | undefined } },
    undefined,
    refresh,
  );
  const [accepting, setAccepting] = useState<Referral | null>(null);
  const [rejecting, setRejecting] = useState<Referral | null>(null);
  const done = () => {
    setAccepting(null);
    setRejecting(null);
    setRefresh((r) => r + 1);
  };

  return (
    <Stack>
      <Title order={2}>{t('nav.intake')}</Title>
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
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('referrals.number')}</Table.Th>
                <Table.Th>{t('referrals.person')}</Table.Th>
                <Table.Th>{t('referrals.craft')}</Table.Th>
                <Table.Th>{t('referrals.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.number}</Table.Td>
                  <Table.Td>
                    {fullName(r.person)}
                    {r.note && (
                      <Text size="xs" c="dimmed">
                        {r.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{craftName(r.craft)}</Table.Td>
                  <Table.Td>
                    <StatusBadge kind="referralStatus" status={r.status} />
                    <StatusReason code={r.statusReasonCode} reason={r.statusReason} />
                  </Table.Td>
                  <Table.Td>
                    {r.status === 'submitted' && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          aria-label={`${t('referrals.accept')}: ${r.number}`}
                          onClick={() => setAccepting(r)}
                        >
                          {t('referrals.accept')}
                        </Button>
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          aria-label={`${t('referrals.reject')}: ${r.number}`}
                          onClick={() => setRejecting(r)}
                        >
                          {t('referrals.reject')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListState>
      {accepting && (
        <AcceptModal referral={accepting} onClose={() => setAccepting(null)} onDone={done} />
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
          onDone={done}
        />
      )}
    </Stack>
  );
}

function AcceptModal({
  referral,
  onClose,
  onDone,
}: {
  referral: Referral;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  // One load per status of a constant list, so the hooks run in the same order on every render.
  const loads = ENROLLING_GROUP_STATUSES.map((status) =>
    useLoad('/api/groups', { query: { status, limit: 100 } }),
  );
  const groups = loads
    .flatMap((load) => load.data?.items ?? [])
    .filter((g) => g.course.craft === referral.craft);
  const [groupId, setGroupId] = useState<string | null>(null);
  const submit = useSubmit();
  return (
    <AppModal opened onClose={onClose} title={`${t('referrals.accept')}: ${referral.number}`}>
      <Stack>
        <Text>{fullName(referral.person)}</Text>
        <Select
          label={t('referrals.group')}
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
        <FormError error={submit.formError()} />
        <Button
          disabled={!groupId}
          loading={submit.busy}
          onClick={() =>
            void submit
              .run(() =>
                client.POST('/api/referrals/{id}/accept', {
                  params: { path: { id: referral.id } },
                  body: { groupId: groupId ?? undefined },
                }),
              )
              .then((r) => r && onDone())
          }
        >
          {t('referrals.accept')}
        </Button>
      </Stack>
    </AppModal>
  );
}
