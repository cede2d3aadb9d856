import { Alert, Center, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading, useLoad } from '../components/data';
import { LanguageSwitch } from '../components/Layout';
import { useFormat } from '../format';

/** Public: what the QR code of a certificate opens. */
export function VerifyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { code = '' } = useParams();
  const { data, error } = useLoad('/api/public/certificates/{code}', { path: { code } });

  let verdict;
  if (error) verdict = <Alert color="red">{error}</Alert>;
  else if (!data) verdict = <Loading />;
  else {
    const tone = data.valid
      ? 'green'
      : data.status === 'revoked'
        ? 'red'
        : data.status === 'unknown'
          ? 'gray'
          : 'yellow';
    const key = data.valid ? 'valid' : data.status;
    verdict = (
      <Alert color={tone} variant="filled" title={t(`verify.${key}.title`)} role="status">
        {t(`verify.${key}.text`)}
      </Alert>
    );
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="lg" w="100%" maw={520}>
        <Stack>
          <Group justify="space-between">
            <Title order={2}>{t('verify.heading')}</Title>
            <LanguageSwitch />
          </Group>
          {verdict}
          {data?.number && (
            <List spacing={4}>
              <List.Item>
                {t('verify.number')}:{' '}
                <Text span fw={600}>
                  {data.number}
                </Text>
              </List.Item>
              <List.Item>
                {t('verify.holder')}:{' '}
                <Text span fw={600}>
                  {data.holder}
                </Text>
              </List.Item>
              <List.Item>
                {t('verify.course')}: {data.course} ({format.name(data.craft)},{' '}
                {t('common.hoursShort', { hours: data.hours ?? 0 })})
              </List.Item>
              {data.issuedAt && (
                <List.Item>
                  {t('verify.issuedAt')}: {format.dateTime(data.issuedAt)}
                </List.Item>
              )}
              {data.revokedAt && (
                <List.Item>
                  {t('verify.revokedAt')}: {format.dateTime(data.revokedAt)}
                </List.Item>
              )}
              {data.replacedBy && (
                <List.Item>
                  {t('verify.replacedBy')}:{' '}
                  <Text span fw={600}>
                    {data.replacedBy}
                  </Text>
                </List.Item>
              )}
            </List>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
