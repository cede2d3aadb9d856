import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api';
import { useLoad } from './data';

/**
 * The workshop a group is held in, chosen from the active workshops of the course's craft (the
 * group's current one stays in the list even when retired). Says so when the craft has none, and
 * waits for the course when none is chosen yet.
 */
export function WorkshopSelect({
  craft,
  value,
  current,
  onChange,
  error,
}: {
  craft: string | undefined;
  value: string | null;
  current?: Schemas['GroupWorkshopView'] | null;
  /** The workshop chosen (or none), with its workplaces. */
  onChange: (workshopId: string | null, workplaces?: number) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const workshops = useLoad(craft ? '/api/workshops' : null, {
    query: { craft, active: true, limit: 100 },
  });
  const choices: Schemas['GroupWorkshopView'][] = [...(workshops.data?.items ?? [])];
  if (current && !choices.some((w) => w.id === current.id)) choices.unshift(current);
  const options = choices.map((w) => ({
    value: w.id,
    label: t('groups.workshopOption', { name: w.name, n: w.workplaces }),
  }));
  const none = craft !== undefined && workshops.data !== undefined && options.length === 0;
  return (
    <Select
      label={t('groups.workshop')}
      data={options}
      value={value}
      onChange={(id) => onChange(id, choices.find((w) => w.id === id)?.workplaces)}
      clearable
      disabled={!craft}
      placeholder={craft ? undefined : t('groups.chooseCourseFirst')}
      description={none ? t('groups.noWorkshopOfCraft') : undefined}
      error={error}
    />
  );
}
