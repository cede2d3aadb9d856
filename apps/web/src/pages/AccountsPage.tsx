import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, client, type Schemas } from '../api';
import { AppModal } from '../components/AppModal';
import { FormError, ListState, useLoad, usePaged, useSubmit } from '../components/data';
import { useCraftName } from '../components/labels';
import { RecordList } from '../components/RecordList';
import { useFormat } from '../format';
import { useSession, useUser } from '../session';

type User = Schemas['UserView'];
type Role = User['role'];

const ROLES: Role[] = ['staff', 'master', 'officer', 'admin'];

/** The employment centres, by id, for the officer's select and the list. */
function useCentres() {
  const centres = useLoad('/api/employment-centers', { query: { limit: 100 } });
  return centres.data?.items ?? [];
}

export function AccountsPage() {
  const { t } = useTranslation();
  const me = useUser();
  const craftName = useCraftName();
  const format = useFormat();
  const centres = useCentres();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<string | null>(null);
  const [state, setState] = useState<string | null>('true');
  const [refresh, setRefresh] = useState(0);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | undefined>(undefined);
  const [switching, setSwitching] = useState<User | undefined>(undefined);
  const [resetting, setResetting] = useState<User | undefined>(undefined);
  const [handOver, setHandOver] = useState<{ user: User; password: string } | undefined>();
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const list = usePaged(
    '/api/users',
    {
      query: {
        search: debounced,
        role: (role ?? undefined) as Role | undefined,
        active: state === null ? undefined : state === 'true',
      },
    },
    undefined,
    refresh,
  );
  const saved = (message: string) => {
    setNotice(message);
    setRefresh((r) => r + 1);
  };
  const centreName = (id: string | null) => {
    const centre = centres.find((c) => c.id === id);
    return centre ? format.name(centre.name) : '';
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.accounts')}</Title>
        <Button
          onClick={() => {
            setNotice(undefined);
            setCreating(true);
          }}
        >
          {t('accounts.create')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('accounts.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select
          label={t('accounts.role')}
          placeholder={t('common.all')}
          clearable
          data={ROLES.map((r) => ({ value: r, label: t(`accounts.roles.${r}`) }))}
          value={role}
          onChange={setRole}
        />
        <Select
          label={t('accounts.state')}
          placeholder={t('common.all')}
          clearable
          data={[
            { value: 'true', label: t('accounts.active') },
            { value: 'false', label: t('accounts.inactive') },
          ]}
          value={state}
          onChange={setState}
        />
      </SimpleGrid>
      {notice && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(undefined)}>
          {notice}
        </Alert>
      )}
      <ListState list={list} empty={t('accounts.none')}>
        <RecordList
          label={t('nav.accounts')}
          actionsLabel={t('accounts.actions')}
          rows={list.items}
          rowKey={(user) => user.id}
          columns={[
            {
              label: t('accounts.fullName'),
              render: (user) => (
                <>
                  <Text fw={500}>{user.fullName}</Text>
                  <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {user.email}
                  </Text>
                </>
              ),
            },
            {
              label: t('accounts.role'),
              render: (user) => (
                <>
                  <div>{t(`accounts.roles.${user.role}`)}</div>
                  <Text size="sm" c="dimmed">
                    {user.role === 'master'
                      ? user.crafts.map(craftName).join(', ')
                      : centreName(user.employmentCenterId)}
                  </Text>
                </>
              ),
            },
            {
              label: t('accounts.state'),
              render: (user) => (
                <Badge color={user.active ? 'teal' : 'gray'}>
                  {t(user.active ? 'accounts.active' : 'accounts.inactive')}
                </Badge>
              ),
            },
          ]}
          actions={(user) => (
            <>
              <Button
                size="xs"
                variant="light"
                aria-label={t('accounts.editOf', { name: user.fullName })}
                onClick={() => {
                  setNotice(undefined);
                  setEditing(user);
                }}
              >
                {t('accounts.edit')}
              </Button>
              <Button
                size="xs"
                variant="light"
                aria-label={t('accounts.resetOf', { name: user.fullName })}
                onClick={() => {
                  setNotice(undefined);
                  setResetting(user);
                }}
              >
                {t('accounts.reset')}
              </Button>
              {user.id !== me.id && (
                <Button
                  size="xs"
                  variant="light"
                  color={user.active ? 'red' : 'teal'}
                  aria-label={t(user.active ? 'accounts.deactivateOf' : 'accounts.reactivateOf', {
                    name: user.fullName,
                  })}
                  onClick={() => {
                    setNotice(undefined);
                    setSwitching(user);
                  }}
                >
                  {t(user.active ? 'accounts.deactivate' : 'accounts.reactivate')}
                </Button>
              )}
            </>
          )}
        />
      </ListState>
      {/* Mounted only while open: each form starts from the account it edits, or empty. */}
      {creating && (
        <AccountModal
          centres={centres}
          onClose={() => setCreating(false)}
          onSaved={(user, password) => {
            setCreating(false);
            saved(t('accounts.created', { name: user.fullName }));
            if (password) setHandOver({ user, password });
          }}
        />
      )}
      {editing && (
        <AccountModal
          user={editing}
          centres={centres}
          onClose={() => setEditing(undefined)}
          onSaved={(user) => {
            setEditing(undefined);
            saved(t('accounts.saved', { name: user.fullName }));
          }}
        />
      )}
      {switching && (
        <SwitchActiveModal
          user={switching}
          onClose={() => setSwitching(undefined)}
          onDone={(user) => {
            setSwitching(undefined);
            saved(
              t(user.active ? 'accounts.reactivated' : 'accounts.deactivated', {
                name: user.fullName,
              }),
            );
          }}
        />
      )}
      {resetting && (
        <ResetPasswordModal
          user={resetting}
          onClose={() => setResetting(undefined)}
          onDone={(password) => {
            setHandOver({ user: resetting, password });
            setResetting(undefined);
            saved(t('accounts.resetDone', { name: resetting.fullName }));
          }}
        />
      )}
      {handOver && (
        <TemporaryPasswordModal
          user={handOver.user}
          password={handOver.password}
          onClose={() => setHandOver(undefined)}
        />
      )}
    </Stack>
  );
}

/** Creates an account (then gives it a temporary password), or edits one. */
function AccountModal({
  user,
  centres,
  onClose,
  onSaved,
}: {
  user?: User;
  centres: Schemas['EmploymentCenterView'][];
  onClose: () => void;
  onSaved: (user: User, temporaryPassword?: string) => void;
}) {
  const { t } = useTranslation();
  const { crafts } = useSession();
  const format = useFormat();
  const [form, setForm] = useState({
    fullName: user?.fullName ?? '',
    email: user?.email ?? '',
    role: user?.role ?? null,
    crafts: user?.crafts ?? [],
    employmentCenterId: user?.employmentCenterId ?? null,
  });
  const submit = useSubmit();
  // A changed field loses the refusal it had.
  const change = (patch: Partial<typeof form>) => {
    setForm({ ...form, ...patch });
    submit.reset();
  };

  const save = async (): Promise<void> => {
    const roleFields = {
      crafts: form.role === 'master' ? form.crafts : undefined,
      employmentCenterId:
        form.role === 'officer' ? (form.employmentCenterId ?? undefined) : undefined,
    };
    if (user) {
      const updated = await submit.run(() =>
        answer(
          client.PATCH('/api/users/{id}', {
            params: { path: { id: user.id } },
            body: {
              fullName: form.fullName,
              role: form.role ?? undefined,
              ...(form.role === 'master' ? { crafts: form.crafts } : {}),
              ...(form.role === 'officer'
                ? { employmentCenterId: roleFields.employmentCenterId }
                : {}),
            },
          }),
        ),
      );
      if (updated) onSaved(updated);
      return;
    }
    const created = await submit.run(() =>
      answer(
        client.POST('/api/users', {
          // An empty role is left out, so that the API names the missing field.
          body: {
            fullName: form.fullName,
            email: form.email,
            role: form.role ?? undefined,
            ...roleFields,
          } as Schemas['CreateUserDto'],
        }),
      ),
    );
    // No password sent: the API makes a temporary one and returns it this once.
    if (created) onSaved(created, created.temporaryPassword);
  };

  return (
    <AppModal
      opened
      onClose={onClose}
      title={user ? t('accounts.editTitle', { name: user.fullName }) : t('accounts.create')}
    >
      {/* The e-mail field keeps its keyboard; its refusal comes in the app's language, not the
          browser's. */}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack>
          <TextInput
            label={t('accounts.fullName')}
            withAsterisk
            value={form.fullName}
            onChange={(e) => change({ fullName: e.currentTarget.value })}
            error={submit.fieldError('fullName')}
          />
          <TextInput
            label={t('accounts.email')}
            withAsterisk={!user}
            disabled={Boolean(user)}
            type="email"
            value={form.email}
            onChange={(e) => change({ email: e.currentTarget.value })}
            error={submit.fieldError('email')}
          />
          <Select
            label={t('accounts.role')}
            withAsterisk
            data={ROLES.map((r) => ({ value: r, label: t(`accounts.roles.${r}`) }))}
            value={form.role}
            onChange={(role) => change({ role: role })}
            error={submit.fieldError('role')}
            allowDeselect={false}
          />
          {form.role === 'master' && (
            <MultiSelect
              label={t('accounts.crafts')}
              description={t('accounts.craftsHint')}
              data={crafts.map((c) => ({ value: c.code, label: format.name(c.name) }))}
              value={form.crafts}
              onChange={(chosen) => change({ crafts: chosen })}
              error={submit.fieldError('crafts')}
            />
          )}
          {form.role === 'officer' && (
            <Select
              label={t('accounts.centre')}
              withAsterisk
              data={centres.map((c) => ({ value: c.id, label: format.name(c.name) }))}
              value={form.employmentCenterId}
              onChange={(id) => change({ employmentCenterId: id })}
              error={submit.fieldError('employmentCenterId')}
              searchable
            />
          )}
          {!user && <Text size="sm">{t('accounts.temporaryExplained')}</Text>}
          <FormError error={submit.formError()} />
          <Button type="submit" loading={submit.busy}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </AppModal>
  );
}

function SwitchActiveModal({
  user,
  onClose,
  onDone,
}: {
  user: User;
  onClose: () => void;
  onDone: (user: User) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const deactivating = user.active;
  return (
    <AppModal
      opened
      onClose={onClose}
      title={t(deactivating ? 'accounts.deactivateOf' : 'accounts.reactivateOf', {
        name: user.fullName,
      })}
    >
      <Stack>
        <Text>
          {t(deactivating ? 'accounts.deactivateExplained' : 'accounts.reactivateExplained')}
        </Text>
        <FormError error={submit.formError()} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('accounts.cancel')}
          </Button>
          <Button
            color={deactivating ? 'red' : 'teal'}
            loading={submit.busy}
            onClick={() =>
              void submit
                .run(() =>
                  answer(
                    client.PATCH('/api/users/{id}', {
                      params: { path: { id: user.id } },
                      body: { active: !deactivating },
                    }),
                  ),
                )
                .then((changed) => changed && onDone(changed))
            }
          >
            {t(deactivating ? 'accounts.deactivate' : 'accounts.reactivate')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: User;
  onClose: () => void;
  onDone: (temporaryPassword: string) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  return (
    <AppModal opened onClose={onClose} title={t('accounts.resetOf', { name: user.fullName })}>
      <Stack>
        <Text>{t('accounts.resetExplained')}</Text>
        <FormError error={submit.formError()} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('accounts.cancel')}
          </Button>
          <Button
            color="red"
            loading={submit.busy}
            onClick={() =>
              void submit
                .run(() =>
                  answer(
                    client.POST('/api/users/{id}/reset-password', {
                      params: { path: { id: user.id } },
                    }),
                  ),
                )
                .then((reset) => reset && onDone(reset.temporaryPassword))
            }
          >
            {t('accounts.reset')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** The temporary password, shown this once: the admin copies it or writes it down. */
function TemporaryPasswordModal({
  user,
  password,
  onClose,
}: {
  user: User;
  password: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened onClose={onClose} title={t('accounts.temporaryTitle')}>
      <Stack>
        <Text>{t('accounts.temporaryFor', { name: user.fullName, email: user.email })}</Text>
        <Code
          block
          fz="lg"
          aria-label={t('accounts.temporaryPassword')}
          style={{ wordBreak: 'break-all' }}
        >
          {password}
        </Code>
        <Text size="sm" c="dimmed">
          {t('accounts.temporaryOnce')}
        </Text>
        <Group justify="flex-end">
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                {t(copied ? 'accounts.copied' : 'accounts.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('accounts.done')}</Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
