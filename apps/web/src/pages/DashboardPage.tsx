import {
  Alert,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client, type Schemas } from '../api';
import { FormError, ListState, usePaged, useSubmit } from '../components/data';
import { PromotionPhones } from '../components/PromotionNotice';
import { fullName, GroupStatusBadge, StatusBadge, useCraftName } from '../components/labels';
import { useFormat } from '../format';
import {
  ENROLLING_GROUP_STATUSES,
  type GroupStatus,
} from '../../../../libs/groups/src/group-status';

const CARD_PAGE = 5;

/** Staff: what needs attention today. */
export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('nav.dashboard')}</Title>
      <PromotionsCard />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {ENROLLING_GROUP_STATUSES.map((status) => (
          <SeatsCard key={status} status={status} />
        ))}
        <ReferralsCard />
        <CertificatesCard />
      </SimpleGrid>
    </Stack>
  );
}

/** A card named by its heading: assistive technology lists it as a region and can jump to it. */
function DashboardCard({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Title order={4} mb="xs" id={headingId}>
        {title}
      </Title>
      {children}
    </Card>
  );
}

/**
 * Trainees moved up from a waitlist whom nobody has confirmed calling yet, oldest first; "Called"
 * takes one off the list and records who called (in the audit log too).
 */
function PromotionsCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const [refresh, setRefresh] = useState(0);
  const list = usePaged('/api/waitlist-promotions', {}, CARD_PAGE, refresh);
  const submit = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  const acknowledge = (p: Schemas['WaitlistPromotionView']) =>
    void submit
      .run(() =>
        client.POST('/api/waitlist-promotions/{id}/acknowledge', {
          params: { path: { id: p.id } },
        }),
      )
      .then((answered) => {
        // Someone else may have acknowledged it meanwhile: the list is read again either way.
        setDone(answered ? t('promotions.acknowledged', { name: fullName(p.trainee) }) : null);
        setRefresh((r) => r + 1);
      });
  return (
    <DashboardCard title={t('promotions.dashboardTitle')}>
      <Stack gap="xs">
        {done && (
          <Alert color="teal" role="status">
            {done}
          </Alert>
        )}
        <FormError error={submit.error} />
        <ListState list={list} empty={t('promotions.none')}>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {list.items.map((p) => (
              <Paper
                component="li"
                key={p.id}
                withBorder
                p="sm"
                bg="var(--mantine-color-yellow-light)"
              >
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Stack gap={2}>
                    <Text fw={500}>{fullName(p.trainee)}</Text>
                    <Text size="sm">
                      <Link to={`/groups/${p.group.id}`}>{p.group.code}</Link> ·{' '}
                      {t('promotions.promotedAt')}: {format.dateTime(p.promotedAt)}
                    </Text>
                    {p.enrollmentStatus !== 'active' && (
                      <Text size="xs" c="dimmed">
                        {t('promotions.stillActive', {
                          status: t(`enrollmentStatus.${p.enrollmentStatus}`),
                        })}
                      </Text>
                    )}
                    <PromotionPhones trainee={p.trainee} />
                  </Stack>
                  <Button
                    size="xs"
                    loading={submit.busy}
                    aria-label={`${t('promotions.acknowledge')}: ${fullName(p.trainee)}`}
                    onClick={() => acknowledge(p)}
                  >
                    {t('promotions.acknowledge')}
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        </ListState>
      </Stack>
    </DashboardCard>
  );
}

function SeatsCard({ status }: { status: GroupStatus }) {
  const { t } = useTranslation();
  const craftName = useCraftName();
  const list = usePaged('/api/groups', { query: { status } }, CARD_PAGE);
  return (
    <DashboardCard title={t(`dashboard.groups.${status}`)}>
      <ListState list={list} empty={t('groups.none')}>
        <Table>
          <Table.Tbody>
            {list.items.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td>
                  <Link to={`/groups/${g.id}`}>{g.code}</Link>
                  <Text size="xs" c="dimmed">
                    {craftName(g.course.craft)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {t('dashboard.freeSeats', { n: g.seats.capacity - g.seats.active })}
                  {g.seats.waitlisted > 0 && (
                    <Text size="xs" c="orange">
                      {t('dashboard.waitlist', { n: g.seats.waitlisted })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <GroupStatusBadge status={g.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListState>
    </DashboardCard>
  );
}

function ReferralsCard() {
  const { t } = useTranslation();
  const craftName = useCraftName();
  const list = usePaged('/api/referrals', { query: { status: 'submitted' } }, CARD_PAGE);
  return (
    <DashboardCard title={t('dashboard.referrals')}>
      <ListState list={list} empty={t('referrals.none')}>
        <Table>
          <Table.Tbody>
            {list.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Link to="/intake">{r.number}</Link>
                </Table.Td>
                <Table.Td>{fullName(r.person)}</Table.Td>
                <Table.Td>{craftName(r.craft)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListState>
    </DashboardCard>
  );
}

function CertificatesCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const pending = usePaged('/api/certificates', { query: { status: 'pending' } }, CARD_PAGE);
  const failed = usePaged('/api/certificates', { query: { status: 'failed' } }, CARD_PAGE);
  return (
    <DashboardCard title={t('dashboard.certificates')}>
      {failed.total > 0 && (
        <Alert color="red" mb="xs">
          {t('dashboard.failedCertificates', { n: failed.total })}
        </Alert>
      )}
      {[failed, pending].map((list, index) => (
        <ListState
          key={index}
          list={list}
          empty={index === 1 ? t('certificates.noneInProgress') : ''}
        >
          <Table>
            <Table.Tbody>
              {list.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.number}</Table.Td>
                  <Table.Td>{c.holder}</Table.Td>
                  <Table.Td>
                    <StatusBadge kind="certificateStatus" status={c.status} />
                  </Table.Td>
                  <Table.Td>{c.failureReason ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ListState>
      ))}
      <Text size="xs" c="dimmed" mt="xs">
        {t('dashboard.certificatesHint', { n: format.number(pending.total + failed.total) })}
      </Text>
    </DashboardCard>
  );
}
