import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's search as typed, kept in the page address (`?q=`) so that a reload, the back button or
 * a copied link shows the same list. The API is asked 300 ms after the last key, not on each one.
 */
export function useListSearch(): {
  value: string;
  setValue: (value: string) => void;
  search: string | undefined;
} {
  const [params, setParams] = useSearchParams();
  const [value, setValue] = useState(() => params.get('q') ?? '');
  const [debounced] = useDebouncedValue(value.trim(), 300);
  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced) next.set('q', debounced);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);
  return { value, setValue, search: debounced || undefined };
}

/** The search box above a list. */
export function ListSearchBox({
  label,
  search,
}: {
  label: string;
  search: ReturnType<typeof useListSearch>;
}) {
  return (
    <TextInput
      type="search"
      label={label}
      value={search.value}
      onChange={(e) => search.setValue(e.currentTarget.value)}
      maw={360}
    />
  );
}
