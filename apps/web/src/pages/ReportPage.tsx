import {
  Anchor,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../api';
import { Loading, useLoad } from '../components/data';
import { localToday, useFormat } from '../format';

/** `{ key: count }` maps, whatever the report groups by. */
type Counts = Record<string, number>;
interface Report {
  byStatus?: Counts;
  byCraft?: Counts;
  byOutcome?: Counts;
  total?: number;
}

function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/** Officer (and staff): referrals of a period, counted, with CSV and XLSX downloads. */
export function ReportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [from, setFrom] = useState(monthStart(localToday()));
  const [to, setTo] = useState(localToday());
  const [period, setPeriod] = useState({ from, to });
  const report = useLoad<Report>(`/api/referrals/report${query({ ...period, format: 'json' })}`);
  const download = (kind: 'csv' | 'xlsx') =>
    `/api/referrals/report${query({ ...period, format: kind })}`;

  const table = (title: string, counts: Counts | undefined, label: (key: string) => string) => (
    <Card withBorder>
      <Title order={5} mb="xs">
        {title}
      </Title>
      <Table>
        <Table.Tbody>
          {Object.entries(counts ?? {}).map(([key, count]) => (
            <Table.Tr key={key}>
              <Table.Td>{label(key)}</Table.Td>
              <Table.Td ta="right">{format.number(count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );

  return (
    <Stack>
      <Title order={2}>{t('nav.report')}</Title>
      <Group align="end">
        <TextInput
          label={t('report.from')}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          label={t('report.to')}
          type="date"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Button onClick={() => setPeriod({ from, to })}>{t('report.show')}</Button>
      </Group>
      <Group>
        <Anchor href={download('csv')} download>
          {t('report.downloadCsv')}
        </Anchor>
        <Anchor href={download('xlsx')} download>
          {t('report.downloadXlsx')}
        </Anchor>
      </Group>
      {report.loading && <Loading />}
      {report.error && (
        <Card withBorder c="red">
          {report.error}
        </Card>
      )}
      {report.data && (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {table(t('report.byStatus'), report.data.byStatus, (k) => t(`referralStatus.${k}`))}
          {table(t('report.byCraft'), report.data.byCraft, (k) => k)}
          {table(t('report.byOutcome'), report.data.byOutcome, (k) => t(`outcome.${k}`))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
