import { Alert, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListState, usePaged } from '../components/data';
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
