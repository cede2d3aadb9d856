import {
  Anchor,
  Button,
  Card,
  Group,
  Pagination,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href, type Params } from '../api';
import { FormError, Loading, PAGE_SIZE, useLoad } from '../components/data';
import { RecordList } from '../components/RecordList';
import { fullName, StatusBadge, useCraftName } from '../components/labels';
import { localToday, useFormat } from '../format';

type ReportQuery = NonNullable<Params<'/api/referrals/report'>['query']>;

function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/** Officer (and staff): the referrals of a period, counted, with CSV and XLSX downloads. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const craftName = useCraftName();
  const [from, setFrom] = useState(monthStart(localToday()));
  const [to, setTo] = useState(localToday());
  const [period, setPeriod] = useState({ from, to });
  // Dates in the wrong order are said beside the end date, before any request.
  const [reversed, setReversed] = useState(false);
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [period]);
  const report = useLoad('/api/referrals/report', { query: period });
  const download = (kind: 'csv' | 'xlsx') =>
    href('/api/referrals/report', {
      query: { ...period, format: kind, lang: i18n.language as ReportQuery['lang'] },
    });

  const counts = (title: string, values: Record<string, number>, label: (k: string) => string) => (
    <Card withBorder>
      <Title order={5} mb="xs">
        {title}
      </Title>
      <Table>
        <Table.Tbody>
          {Object.entries(values).map(([key, count]) => (
            <Table.Tr key={key}>
              <Table.Td>{label(key)}</Table.Td>
              <Table.Td ta="right">{format.number(count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
  const rows = report.data?.rows ?? [];
  const pages = Math.ceil(rows.length / PAGE_SIZE);

  return (
    <Stack>
      <Title order={2}>{t('nav.report')}</Title>
      <Group align="end">
        <TextInput
          label={t('report.from')}
          type="date"
          value={from}
          onChange={(e) => {
            setReversed(false);
            setFrom(e.currentTarget.value);
          }}
        />
        <TextInput
          label={t('report.to')}
          type="date"
          value={to}
          error={reversed && t('report.toBeforeFrom')}
          onChange={(e) => {
            setReversed(false);
            setTo(e.currentTarget.value);
          }}
        />
        <Button
          onClick={() => {
            const wrongOrder = from !== '' && to !== '' && to < from;
            setReversed(wrongOrder);
            if (!wrongOrder) setPeriod({ from, to });
          }}
        >
          {t('report.show')}
        </Button>
      </Group>
      <Group>
        <Anchor href={download('csv')} download>
          {t('report.downloadCsv')}
        </Anchor>
        <Anchor href={download('xlsx')} download>
          {t('report.downloadXlsx')}
        </Anchor>
      </Group>
      <FormError error={report.error} />
      {report.loading && !report.data && <Loading />}
      {/* Figures of an earlier period never stand under a refusal as if they answered it. */}
      {report.data && !report.error && (
        <>
          <Text>
            {t('report.total', { n: format.number(report.data.totals.referrals) })} ·{' '}
            {t('report.completionRate')}: {format.percent(report.data.totals.completionRate)} ·{' '}
            {t('report.employmentRate')}: {format.percent(report.data.totals.employmentRate)}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {counts(t('report.byStatus'), report.data.totals.byStatus, (k) =>
              t(`referralStatus.${k}`),
            )}
            {counts(t('report.byCraft'), report.data.totals.byCraft, craftName)}
            {counts(t('report.byOutcome'), report.data.totals.byOutcome, (k) => t(`outcome.${k}`))}
          </SimpleGrid>
          {rows.length === 0 ? (
            <Text c="dimmed">{t('referrals.none')}</Text>
          ) : (
            <RecordList
              rows={rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
              rowKey={(row) => row.id}
              label={t('nav.report')}
              columns={[
                { label: t('referrals.number'), render: (row) => row.number },
                { label: t('referrals.person'), render: (row) => fullName(row) },
                { label: t('referrals.craft'), render: (row) => craftName(row.craft) },
                {
                  label: t('referrals.status'),
                  render: (row) => <StatusBadge kind="referralStatus" status={row.status} />,
                },
                {
                  label: t('groups.attendanceRate'),
                  render: (row) => format.percent(row.attendanceRate),
                },
                {
                  label: t('referrals.certificate'),
                  render: (row) => row.certificateNumber ?? '—',
                },
                {
                  label: t('referrals.outcome'),
                  render: (row) => (row.outcome ? t(`outcome.${row.outcome}`) : '—'),
                },
              ]}
            />
          )}
          {pages > 1 && (
            <Group justify="center">
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                getItemProps={(p) => ({ 'aria-label': t('common.page', { page: p }) })}
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
