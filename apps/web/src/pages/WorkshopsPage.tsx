import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, client, type Schemas } from '../api';
import { AppModal } from '../components/AppModal';
import { FormError, ListState, usePaged, useSubmit } from '../components/data';
import { useCraftName } from '../components/labels';
import { RecordList } from '../components/RecordList';
import { useFormat } from '../format';
import { useSession } from '../session';

type Workshop = Schemas['WorkshopView'];

/** The most workplaces a workshop may have (the API's limit). */
const MAX_WORKPLACES = 30;

/**
 * The centre's workshops: the rooms groups are held in, each for one craft, with its workplaces.
 * A workshop that groups have used is retired, not deleted, and can be brought back.
 */
export function WorkshopsPage() {
  const { t } = useTranslation();
  const craftName = useCraftName();
  const { crafts } = useSession();
  const format = useFormat();
  const [craft, setCraft] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState<Workshop | 'new' | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const list = usePaged(
    '/api/workshops',
    { query: { craft: craft ?? undefined } },
    undefined,
    refresh,
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.workshops')}</Title>
        <Button
          onClick={() => {
            setNotice(undefined);
            setEditing('new');
          }}
        >
          {t('workshops.create')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('workshops.explained')}
      </Text>
      <Select
        label={t('workshops.craft')}
        placeholder={t('common.all')}
        data={crafts.map((c) => ({ value: c.code, label: format.name(c.name) }))}
        value={craft}
        onChange={setCraft}
        clearable
        maw={320}
      />
      {notice && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(undefined)}>
          {notice}
        </Alert>
      )}
      <ListState list={list} empty={t('workshops.none')}>
        <RecordList
          label={t('nav.workshops')}
          actionsLabel={t('workshops.actions')}
          rows={list.items}
          rowKey={(workshop) => workshop.id}
          columns={[
            {
              label: t('workshops.name'),
              render: (workshop) => (
                <Group gap="xs" wrap="wrap">
                  <span>{workshop.name}</span>
                  {!workshop.active && (
                    <Badge color="gray" miw="max-content">
                      {t('workshops.retired')}
                    </Badge>
                  )}
                </Group>
              ),
            },
            { label: t('workshops.craft'), render: (workshop) => craftName(workshop.craft) },
            { label: t('workshops.workplaces'), render: (workshop) => workshop.workplaces },
          ]}
          actions={(workshop) => (
            <Button
              size="xs"
              variant="light"
              aria-label={t('workshops.editOf', { name: workshop.name })}
              onClick={() => {
                setNotice(undefined);
                setEditing(workshop);
              }}
            >
              {t('workshops.edit')}
            </Button>
          )}
        />
      </ListState>
      {editing && (
        <WorkshopModal
          workshop={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={(workshop) => {
            setEditing(undefined);
            setNotice(t('workshops.saved', { name: workshop.name }));
            setRefresh((r) => r + 1);
          }}
        />
      )}
    </Stack>
  );
}

function WorkshopModal({
  workshop,
  onClose,
  onSaved,
}: {
  workshop?: Workshop;
  onClose: () => void;
  onSaved: (workshop: Workshop) => void;
}) {
  const { t } = useTranslation();
  const { crafts } = useSession();
  const format = useFormat();
  const [form, setForm] = useState({
    name: workshop?.name ?? '',
    craft: workshop?.craft ?? '',
    workplaces: workshop?.workplaces ?? 8,
    active: workshop?.active ?? true,
  });
  const submit = useSubmit();
  const change = (patch: Partial<typeof form>) => {
    setForm({ ...form, ...patch });
    submit.reset();
  };
  // An empty craft is left out, so that the API names the missing field.
  const body = { name: form.name, craft: form.craft || undefined, workplaces: form.workplaces };
  return (
    <AppModal
      opened
      onClose={onClose}
      title={workshop ? t('workshops.editOf', { name: workshop.name }) : t('workshops.create')}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit
            .run(() =>
              answer(
                workshop
                  ? client.PATCH('/api/workshops/{id}', {
                      params: { path: { id: workshop.id } },
                      body: { ...body, active: form.active },
                    })
                  : client.POST('/api/workshops', {
                      body: body as Schemas['CreateWorkshopDto'],
                    }),
              ),
            )
            .then((saved) => saved && onSaved(saved));
        }}
      >
        <Stack>
          <TextInput
            label={t('workshops.name')}
            withAsterisk
            value={form.name}
            onChange={(e) => change({ name: e.currentTarget.value })}
            error={submit.fieldError('name')}
          />
          <Select
            label={t('workshops.craft')}
            withAsterisk
            data={crafts.map((c) => ({ value: c.code, label: format.name(c.name) }))}
            value={form.craft || null}
            onChange={(craft) => change({ craft: craft ?? '' })}
            error={submit.fieldError('craft')}
          />
          <NumberInput
            label={t('workshops.workplaces')}
            description={t('workshops.workplacesHint')}
            withAsterisk
            min={1}
            max={MAX_WORKPLACES}
            value={form.workplaces}
            onChange={(workplaces) => change({ workplaces: Number(workplaces) })}
            error={submit.fieldError('workplaces')}
          />
          {workshop && (
            <>
              <Switch
                label={t('workshops.retire')}
                checked={!form.active}
                onChange={(e) => change({ active: !e.currentTarget.checked })}
                error={submit.fieldError('active')}
              />
              <Text size="xs" c="dimmed">
                {t('workshops.retireHint')}
              </Text>
            </>
          )}
          <FormError error={submit.formError()} />
          <Button type="submit" loading={submit.busy}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}
