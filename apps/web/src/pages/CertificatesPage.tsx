import { Anchor, Button, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../components/ReasonModal';
import { answer, client, href, type Schemas } from '../api';
import { FormError, ListState, useLoad, usePaged, useSubmit } from '../components/data';
import { ListSearchBox, useListSearch } from '../components/ListSearch';
import { StatusBadge } from '../components/labels';
import { RecordList } from '../components/RecordList';
import { TraineeLink } from '../components/TraineeLink';
import { useFormat } from '../format';
import { useUser } from '../session';

type Certificate = Schemas['CertificateView'];

/** Staff: the certificates of a completed group, with the rendering progress. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const groups = useLoad('/api/groups', { query: { status: 'completed', limit: 100 } });
  const [groupId, setGroupId] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const search = useListSearch();
  const list = usePaged(
    groupId || search.search ? '/api/certificates' : null,
    { query: { groupId: groupId ?? undefined, search: search.search } },
    undefined,
    refresh,
  );
  const detail = useLoad(
    groupId ? '/api/groups/{id}' : null,
    { path: { id: groupId ?? '' } },
    refresh,
  );
  const counts = groupId ? detail.data?.certificates : undefined;
  const [revoking, setRevoking] = useState<{
    certificate?: Certificate;
    action: 'revoke' | 'reissue' | 'revokeAll';
  } | null>(null);
  const issue = useSubmit();
  const [queued, setQueued] = useState<number | null>(null);
  useEffect(() => setQueued(null), [groupId]);

  // While the worker renders, look again every two seconds.
  useEffect(() => {
    if (!counts || counts.pending === 0) return;
    const timer = setTimeout(() => setRefresh((r) => r + 1), 2000);
    return () => clearTimeout(timer);
  }, [counts]);

  const total = counts ? counts.issued + counts.pending + counts.failed + counts.revoked : 0;
  const done = counts ? counts.issued + counts.revoked : 0;

  return (
    <Stack>
      <Title order={2}>{t('nav.certificates')}</Title>
      <Text size="sm" c="dimmed">
        {t('certificates.hint')}
      </Text>
      <ListSearchBox label={t('listSearch.certificates')} search={search} />
      <Select
        label={t('certificates.group')}
        data={(groups.data?.items ?? []).map((g) => ({
          value: g.id,
          label: `${g.code} · ${g.course.title}`,
        }))}
        value={groupId}
        onChange={setGroupId}
        searchable
        maw={420}
      />
      {counts && (
        <Stack gap={4} maw={560}>
          <Text size="sm">
            {t('certificates.progress', { done, total })} ·{' '}
            {t('certificates.counts', { pending: counts.pending, failed: counts.failed })}
          </Text>
          <Progress.Root size="lg" aria-label={t('certificates.progressLabel')}>
            <Progress.Section value={total ? (done / total) * 100 : 0} color="teal" />
            <Progress.Section
              value={total ? (counts.pending / total) * 100 : 0}
              color="yellow"
              animated
              striped
            />
            <Progress.Section value={total ? (counts.failed / total) * 100 : 0} color="red" />
          </Progress.Root>
          <Button
            variant="light"
            mt="xs"
            loading={issue.busy}
            onClick={() =>
              void issue
                .run(() =>
                  answer(
                    client.POST('/api/groups/{id}/certificates', {
                      params: { path: { id: groupId! } },
                    }),
                  ),
                )
                .then((result) => {
                  if (!result) return;
                  setQueued(result.queued);
                  setRefresh((r) => r + 1);
                })
            }
          >
            {t('certificates.issue')}
          </Button>
          {queued !== null && (
            <Text size="sm" role="status">
              {t('certificates.queued', { n: queued })}
            </Text>
          )}
          <FormError error={issue.formError()} />
          {user.role === 'admin' && total > counts.revoked && (
            <Button
              variant="subtle"
              color="red"
              onClick={() => setRevoking({ action: 'revokeAll' })}
            >
              {t('certificates.revokeAll')}
            </Button>
          )}
        </Stack>
      )}
      {(groupId || search.search) && (
        <ListState list={list} empty={t('certificates.none')}>
          <RecordList
            label={t('nav.certificates')}
            rows={list.items}
            rowKey={(c) => c.id}
            columns={[
              { label: t('certificates.number'), render: (c) => c.number },
              {
                label: t('certificates.holder'),
                render: (c) => <TraineeLink id={c.traineeId} name={c.holder} />,
              },
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
            actions={(c) => (
              <>
                {(c.status === 'issued' || c.status === 'revoked') && (
                  <Anchor
                    href={href('/api/certificates/{id}/pdf', { path: { id: c.id } })}
                    download
                  >
                    {t('certificates.download')}
                  </Anchor>
                )}
                {c.status === 'issued' && user.role === 'admin' && (
                  <>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={`${t('certificates.reissue')}: ${c.number}`}
                      onClick={() => setRevoking({ certificate: c, action: 'reissue' })}
                    >
                      {t('certificates.reissue')}
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="subtle"
                      aria-label={`${t('certificates.revoke')}: ${c.number}`}
                      onClick={() => setRevoking({ certificate: c, action: 'revoke' })}
                    >
                      {t('certificates.revoke')}
                    </Button>
                  </>
                )}
              </>
            )}
          />
        </ListState>
      )}
      {revoking && (
        <ReasonModal
          title={
            revoking.certificate
              ? `${t(`certificates.${revoking.action}`)}: ${revoking.certificate.number}`
              : t('certificates.revokeAll')
          }
          action={t(`certificates.${revoking.action}`)}
          send={(reason) => {
            const { certificate, action } = revoking;
            if (!certificate) {
              return client.POST('/api/groups/{id}/certificates/revoke', {
                params: { path: { id: groupId! } },
                body: { reason },
              });
            }
            const params = { path: { id: certificate.id } };
            return action === 'reissue'
              ? client.POST('/api/certificates/{id}/reissue', { params, body: { reason } })
              : client.POST('/api/certificates/{id}/revoke', { params, body: { reason } });
          }}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setRevoking(null);
            setRefresh((r) => r + 1);
          }}
        />
      )}
    </Stack>
  );
}
