import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { maskIin } from '../../../../libs/trainees/src/iin';
import type { Schemas } from '../api';
import { ListState, useLoad, usePaged } from '../components/data';
import { useCraftName } from '../components/labels';
import { RecordList } from '../components/RecordList';
import { useFormat } from '../format';

type Entry = Schemas['AuditEntryView'];

/** The centre's clock: every entry is read in it, wherever the admin's browser is. */
const CENTRE_TIME_ZONE = 'Asia/Almaty';

/** The actions and records the API writes, in the order the filters offer them. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'view',
  'view_iin',
  'enroll',
  'withdraw',
  'promote',
  'complete',
  'reopen',
  'accept',
  'outcome',
  'assign_master',
  'mark_attendance',
  'correct_attendance',
  'queue_certificates',
  'retry',
  'revoke',
  'revoke_certificates',
  'reissue',
  'reset_password',
  'change_password',
];
export const AUDIT_ENTITIES = [
  'user',
  'course',
  'group',
  'trainee',
  'enrollment',
  'lesson',
  'certificate',
  'referral',
  'employment_center',
  'holiday',
  'workshop',
];

/** Where a status word of each record is translated. */
const STATUS_KEYS: Record<string, string> = {
  group: 'groupStatus',
  enrollment: 'enrollmentStatus',
  certificate: 'certificateStatus',
  referral: 'referralStatus',
};

const TWELVE_DIGITS = /\b\d{12}\b/g;

/** `2026-03-05 14:07` in the centre's time zone. */
function centreDateTime(at: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: CENTRE_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** A translation when there is one, else the word as the API wrote it. */
function known(t: TFunction, key: string, fallback: string): string {
  const text = t(key, { defaultValue: '' });
  return text || fallback;
}

/** The changed fields of one entry as `field: from → to` lines, in the reader's language. */
function useChangeLines() {
  const { t } = useTranslation();
  const craftName = useCraftName();

  return (entry: Entry): string[] => {
    const value = (field: string, raw: unknown): string => {
      if (raw === null || raw === undefined || raw === '') return '—';
      if (typeof raw === 'boolean') return t(raw ? 'audit.yes' : 'audit.no');
      if (Array.isArray(raw)) return raw.map((item) => value(field, item)).join(', ') || '—';
      if (typeof raw === 'object') return JSON.stringify(raw).replace(TWELVE_DIGITS, maskIin);
      const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? '');
      if (field === 'role') return known(t, `accounts.roles.${text}`, text);
      if (field === 'craft' || field === 'crafts') return craftName(text);
      if (field === 'status' && STATUS_KEYS[entry.entity]) {
        return known(t, `${STATUS_KEYS[entry.entity]}.${text}`, text);
      }
      if (text === 'set' || text === 'changed' || text === 'reset') {
        return known(t, `audit.values.${text}`, text);
      }
      // An IIN is never shown in full, wherever it appears.
      return text.replace(TWELVE_DIGITS, maskIin);
    };

    const marks = (changed: Record<string, unknown>): string => {
      const words = Object.values(changed).map((change) => {
        const { trainee, from, to } = (change ?? {}) as {
          trainee?: string;
          from?: { status?: string };
          to?: { status?: string };
        };
        const word = (status?: string) => (status ? known(t, `attendance.${status}`, status) : '—');
        // Entries since marks name their trainee read "Name: old → new".
        const whose = trainee ? `${trainee}: ` : '';
        return `${whose}${from ? `${word(from.status)} → ${word(to?.status)}` : word(to?.status)}`;
      });
      return `${t('audit.marksCount', { count: words.length })}: ${words.join(', ')}`;
    };

    return Object.entries(entry.changes).map(([field, change]) => {
      const label = known(t, `audit.fields.${field}`, field);
      if (field === 'marks' && change && typeof change === 'object') {
        return `${label}: ${marks(change as Record<string, unknown>)}`;
      }
      if (change && typeof change === 'object' && !Array.isArray(change) && 'to' in change) {
        const { from, to } = change as { from: unknown; to: unknown };
        return `${label}: ${value(field, from)} → ${value(field, to)}`;
      }
      return `${label}: ${value(field, change)}`;
    });
  };
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const changeLines = useChangeLines();
  const [params, setParams] = useSearchParams();
  const filter = (name: string) => params.get(name) ?? '';
  const setFilter = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  };
  const [entityId] = useDebouncedValue(filter('entityId').trim(), 300);
  const users = useLoad('/api/users', { query: { limit: 100 } });
  const list = usePaged('/api/audit', {
    query: {
      actorId: filter('actorId') || undefined,
      action: filter('action') || undefined,
      entity: filter('entity') || undefined,
      entityId: entityId || undefined,
      from: filter('from') || undefined,
      to: filter('to') || undefined,
    },
  });
  const label = (kind: 'actions' | 'entities', word: string) =>
    known(t, `audit.${kind}.${word}`, word);
  const actions = AUDIT_ACTIONS.map((action) => ({
    value: action,
    label: label('actions', action),
  }));
  const entities = AUDIT_ENTITIES.map((entity) => ({
    value: entity,
    label: label('entities', entity),
  }));
  const filtered = [...params.keys()].length > 0;

  return (
    <Stack>
      <Title order={2}>{t('nav.audit')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('audit.who')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
          value={filter('actorId') || null}
          onChange={(actorId) => setFilter({ actorId })}
        />
        <Select
          label={t('audit.what')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={actions}
          value={filter('action') || null}
          onChange={(action) => setFilter({ action })}
        />
        <Select
          label={t('audit.recordKind')}
          placeholder={t('common.all')}
          clearable
          data={entities}
          value={filter('entity') || null}
          onChange={(entity) => setFilter({ entity })}
        />
        <TextInput
          label={t('audit.recordId')}
          value={filter('entityId')}
          onChange={(e) => setFilter({ entityId: e.currentTarget.value })}
        />
        <TextInput
          label={t('audit.from')}
          type="date"
          value={filter('from')}
          onChange={(e) => setFilter({ from: e.currentTarget.value })}
        />
        <TextInput
          label={t('audit.to')}
          type="date"
          value={filter('to')}
          onChange={(e) => setFilter({ to: e.currentTarget.value })}
        />
      </SimpleGrid>
      {filtered && (
        <Group>
          <Button
            variant="subtle"
            onClick={() => setParams(new URLSearchParams(), { replace: true })}
          >
            {t('audit.clear')}
          </Button>
        </Group>
      )}
      <ListState list={list} empty={t('audit.none')}>
        <RecordList
          label={t('nav.audit')}
          actionsLabel={t('audit.record')}
          rows={list.items}
          rowKey={(entry) => entry.id}
          columns={[
            {
              label: t('audit.when'),
              render: (entry) => {
                const { day, time } = centreDateTime(entry.at);
                return `${format.date(day)}, ${time}`;
              },
            },
            {
              label: t('audit.who'),
              render: (entry) =>
                entry.actorId === null
                  ? t('audit.system')
                  : `${entry.actorName ?? t('audit.removedUser')} · ${known(t, `accounts.roles.${entry.actorRole}`, entry.actorRole)}`,
            },
            {
              label: t('audit.what'),
              render: (entry) => (
                <>
                  <Text fw={500}>
                    {label('actions', entry.action)} · {label('entities', entry.entity)}
                  </Text>
                  {changeLines(entry).map((line) => (
                    <Text size="sm" key={line} style={{ overflowWrap: 'anywhere' }}>
                      {line}
                    </Text>
                  ))}
                </>
              ),
            },
          ]}
          actions={(entry) => (
            <Button
              size="xs"
              variant="light"
              onClick={() =>
                setParams(new URLSearchParams({ entity: entry.entity, entityId: entry.entityId }), {
                  replace: false,
                })
              }
            >
              {t('audit.historyOfRecord')}
            </Button>
          )}
        />
      </ListState>
    </Stack>
  );
}
