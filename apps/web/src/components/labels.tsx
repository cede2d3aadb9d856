import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { useSession } from '../session';
import type { Schemas } from '../api';

type GroupStatus = Schemas['GroupView']['status'];
type ScheduleSlot = Schemas['ScheduleSlotDto'];

const GROUP_COLORS: Record<GroupStatus, string> = {
  planned: 'gray',
  open: 'teal',
  in_progress: 'blue',
  completed: 'violet',
  cancelled: 'red',
};

export function GroupStatusBadge({ status }: { status: GroupStatus }) {
  const { t } = useTranslation();
  return <Badge color={GROUP_COLORS[status]}>{t(`groupStatus.${status}`)}</Badge>;
}

/** A status word of any list (enrollment, certificate, referral) as a badge. */
export function StatusBadge({ kind, status }: { kind: string; status: string }) {
  const { t } = useTranslation();
  const color =
    {
      active: 'teal',
      waitlisted: 'yellow',
      issued: 'teal',
      pending: 'yellow',
      failed: 'red',
      revoked: 'red',
      withdrawn: 'gray',
      completed: 'violet',
      submitted: 'blue',
      accepted: 'cyan',
      enrolled: 'teal',
      rejected: 'red',
      cancelled: 'gray',
      dropped: 'orange',
    }[status] ?? 'gray';
  return <Badge color={color}>{t(`${kind}.${status}`)}</Badge>;
}

/** The name of a craft in the chosen language. */
export function useCraftName() {
  const { crafts } = useSession();
  const format = useFormat();
  return (code: string) => format.name(crafts.find((c) => c.code === code)?.name) || code;
}

export function Timetable({ schedule }: { schedule: ScheduleSlot[] }) {
  const format = useFormat();
  return (
    <>
      {schedule.map((slot) => (
        <div key={`${slot.weekday}-${slot.startTime}`}>
          {format.weekday(slot.weekday)} {slot.startTime}–{slot.endTime}
        </div>
      ))}
    </>
  );
}

/** `Last First Patronymic`. */
export function fullName(person: {
  lastName: string;
  firstName: string;
  patronymic?: string | null;
}): string {
  return [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(' ');
}
