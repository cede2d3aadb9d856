import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, client, type Schemas } from '../api';
import { AppModal } from '../components/AppModal';
import { FormError, ListState, usePaged, useSubmit } from '../components/data';
import { RecordList } from '../components/RecordList';
import { useFormat } from '../format';

type Centre = Schemas['EmploymentCenterView'];

/** The employment centres whose officers refer job seekers; each officer belongs to one. */
export function EmploymentCentersPage() {
  const { t } = useTranslation();
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState<Centre | 'new' | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const format = useFormat();
  const list = usePaged('/api/employment-centers', {}, undefined, refresh);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.centres')}</Title>
        <Button
          onClick={() => {
            setNotice(undefined);
            setEditing('new');
          }}
        >
          {t('centres.create')}
        </Button>
      </Group>
      {notice && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(undefined)}>
          {notice}
        </Alert>
      )}
      <ListState list={list} empty={t('centres.none')}>
        <RecordList
          label={t('nav.centres')}
          actionsLabel={t('centres.actions')}
          rows={list.items}
          rowKey={(centre) => centre.id}
          columns={[
            { label: t('centres.name'), render: (centre) => format.name(centre.name) },
            { label: t('centres.region'), render: (centre) => centre.region },
          ]}
          actions={(centre) => (
            <Button
              size="xs"
              variant="light"
              aria-label={t('centres.editOf', { name: format.name(centre.name) })}
              onClick={() => {
                setNotice(undefined);
                setEditing(centre);
              }}
            >
              {t('centres.edit')}
            </Button>
          )}
        />
      </ListState>
      {editing && (
        <CentreModal
          centre={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={(centre) => {
            setEditing(undefined);
            setNotice(t('centres.saved', { name: format.name(centre.name) }));
            setRefresh((r) => r + 1);
          }}
        />
      )}
    </Stack>
  );
}

function CentreModal({
  centre,
  onClose,
  onSaved,
}: {
  centre?: Centre;
  onClose: () => void;
  onSaved: (centre: Centre) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  // The name as given, and the name in each language where one is given (empty: the given one).
  const [form, setForm] = useState({
    name: centre?.names.given ?? '',
    nameKk: centre?.names.kk ?? '',
    nameRu: centre?.names.ru ?? '',
    nameEn: centre?.names.en ?? '',
    region: centre?.region ?? '',
  });
  const body = {
    ...form,
    nameKk: form.nameKk.trim() || null,
    nameRu: form.nameRu.trim() || null,
    nameEn: form.nameEn.trim() || null,
  };
  const submit = useSubmit();
  const change = (patch: Partial<typeof form>) => {
    setForm({ ...form, ...patch });
    submit.reset();
  };
  return (
    <AppModal
      opened
      onClose={onClose}
      title={centre ? t('centres.editOf', { name: format.name(centre.name) }) : t('centres.create')}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit
            .run(() =>
              answer(
                centre
                  ? client.PATCH('/api/employment-centers/{id}', {
                      params: { path: { id: centre.id } },
                      body,
                    })
                  : client.POST('/api/employment-centers', { body }),
              ),
            )
            .then((saved) => saved && onSaved(saved));
        }}
      >
        <Stack>
          <TextInput
            label={t('centres.name')}
            withAsterisk
            value={form.name}
            onChange={(e) => change({ name: e.currentTarget.value })}
            error={submit.fieldError('name')}
          />
          {(['nameKk', 'nameRu', 'nameEn'] as const).map((field) => (
            <TextInput
              key={field}
              label={t(`centreNames.${field}`)}
              placeholder={form.name}
              value={form[field]}
              onChange={(e) => change({ [field]: e.currentTarget.value })}
              error={submit.fieldError(field)}
            />
          ))}
          <TextInput
            label={t('centres.region')}
            withAsterisk
            value={form.region}
            onChange={(e) => change({ region: e.currentTarget.value })}
            error={submit.fieldError('region')}
          />
          <Text size="sm" c="dimmed">
            {t('centreNames.hint')}
          </Text>
          <FormError error={submit.formError()} />
          <Button type="submit" loading={submit.busy}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}
