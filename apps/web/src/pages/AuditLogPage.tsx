import {
  Anchor,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { maskIin } from '../../../../libs/trainees/src/iin';
import type { Schemas } from '../api';
import { ListState, useLoad, usePaged } from '../components/data';
import { useCraftName } from '../components/labels';
import { RecordList } from '../components/RecordList';
import { centreDateTime, useFormat } from '../format';

type Entry = Schemas['AuditEntryView'];

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
  'open',
  'start',
  'cancel',
  'accept',
  'reject',
  'drop',
  'fail',
  'outcome',
  'acknowledge',
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
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Where the value of a field is translated, word by word. */
const VALUE_KEYS: Record<string, string> = {
  categories: 'trainees.category',
  outcome: 'outcome',
  enrollmentStatus: 'enrollmentStatus',
  source: 'audit.source',
};

/** Fields that hold another record's id: its page, or else the history of that record. */
const RECORD_PAGES: Record<string, string> = { traineeId: '/trainees', groupId: '/groups' };
const RECORD_ENTITIES: Record<string, string> = {
  courseId: 'course',
  masterId: 'user',
  enrollmentId: 'enrollment',
  employmentCenterId: 'employment_center',
};

interface ChangeLine {
  key: string;
  label: string;
  content: ReactNode;
}

/** A translation when there is one, else the word as the API wrote it. */
function known(t: TFunction, key: string, fallback: string): string {
  const text = t(key, { defaultValue: '' });
  return text || fallback;
}

/**
 * The changed fields of one entry as `field: from → to` lines, in the reader's language; an id of
 * another record is a link to it rather than a raw UUID.
 */
function useChangeLines() {
  const { t } = useTranslation();
  const format = useFormat();
  const craftName = useCraftName();

  return (entry: Entry): ChangeLine[] => {
    const value = (field: string, raw: unknown): string => {
      if (raw === null || raw === undefined || raw === '') return '—';
      if (typeof raw === 'boolean') return t(raw ? 'audit.yes' : 'audit.no');
      if (Array.isArray(raw)) return raw.map((item) => value(field, item)).join(', ') || '—';
      if (field === 'schedule' && typeof raw === 'object') {
        const slot = raw as { weekday?: number; startTime?: string; endTime?: string };
        if (slot.weekday !== undefined) {
          return `${format.weekday(slot.weekday)} ${slot.startTime ?? ''}–${slot.endTime ?? ''}`;
        }
      }
      if (typeof raw === 'object') return JSON.stringify(raw).replace(TWELVE_DIGITS, maskIin);
      if (field === 'attendanceRate' && typeof raw === 'number') return format.percent(raw);
      const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? '');
      if (field === 'role') return known(t, `accounts.roles.${text}`, text);
      if (field === 'craft' || field === 'crafts') return craftName(text);
      if (field === 'status' && STATUS_KEYS[entry.entity]) {
        return known(t, `${STATUS_KEYS[entry.entity]}.${text}`, text);
      }
      const valueKey = VALUE_KEYS[field];
      if (valueKey) return known(t, `${valueKey}.${text}`, text);
      if (ISO_DATE.test(text)) return format.date(text);
      if (text === 'set' || text === 'changed' || text === 'reset') {
        return known(t, `audit.values.${text}`, text);
      }
      // An IIN is never shown in full, wherever it appears.
      return text.replace(TWELVE_DIGITS, maskIin);
    };

    /** Another record's id: a link to its page or its history; a dash when there is none. */
    const record = (field: string, id: unknown): ReactNode => {
      if (typeof id !== 'string' || id === '') return '—';
      const page = RECORD_PAGES[field];
      if (page) {
        return (
          <Anchor component={Link} to={`${page}/${id}`}>
            {t('audit.openRecord')}
          </Anchor>
        );
      }
      const entity = RECORD_ENTITIES[field]!;
      return (
        <Anchor
          component={Link}
          to={`?${new URLSearchParams({ entity, entityId: id }).toString()}`}
        >
          {t('audit.recordHistory')}
        </Anchor>
      );
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

    return Object.entries(entry.changes).map(([field, change]): ChangeLine => {
      const label = known(t, `audit.fields.${field}`, field);
      if (field === 'marks' && change && typeof change === 'object') {
        return { key: field, label, content: marks(change as Record<string, unknown>) };
      }
      const fromTo =
        change && typeof change === 'object' && !Array.isArray(change) && 'to' in change
          ? (change as { from: unknown; to: unknown })
          : null;
      if (field in RECORD_PAGES || field in RECORD_ENTITIES) {
        return {
          key: field,
          label,
          content: fromTo ? (
            <>
              {record(field, fromTo.from)} → {record(field, fromTo.to)}
            </>
          ) : (
            record(field, change)
          ),
        };
      }
      return {
        key: field,
        label,
        content: fromTo
          ? `${value(field, fromTo.from)} → ${value(field, fromTo.to)}`
          : value(field, change),
      };
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
                    <Text size="sm" key={line.key} style={{ overflowWrap: 'anywhere' }}>
                      {line.label}: {line.content}
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
