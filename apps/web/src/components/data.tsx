import { Alert, Center, Group, Loader, Pagination, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import {
  type Answer,
  ApiError,
  get,
  type GetPath,
  type Item,
  type PagedPath,
  type Params,
  type ParamsArgument,
} from '../api';

/** The refusal in the reader's language when its code has a translation, else the API's words. */
export function errorMessage(error: ApiError): string {
  const key = error.code ? `errors.${error.code}` : undefined;
  return key && i18next.exists(key) ? i18next.t(key) : error.message;
}

/** One GET, again whenever the path, its parameters or `refresh` change; a `null` path waits. */
export function useLoad<P extends GetPath>(path: P | null, params?: Params<P>, refresh = 0) {
  const [data, setData] = useState<Answer<P> | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);

  // The parameters as text, so that a new object of the same values loads nothing again.
  const key = path === null ? null : `${path} ${JSON.stringify(params ?? {})}`;
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setLoading(true);
    get(path, ...([params] as ParamsArgument<P>)).then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (reason: unknown) => {
        if (!current) return;
        setError(reason instanceof Error ? reason.message : String(reason));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [key, version, refresh]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}

export const PAGE_SIZE = 20;

/** A page of a list route (`limit`, `offset`), back to the first page when the filters change. */
export function usePaged<P extends PagedPath>(
  path: P | null,
  params: Params<P>,
  pageSize = PAGE_SIZE,
  refresh = 0,
) {
  const [page, setPage] = useState(1);
  const filters = JSON.stringify(params);
  useEffect(() => setPage(1), [filters, path]);
  const { query, ...rest } = params as { query?: object };
  const paged = {
    ...rest,
    query: { ...query, limit: pageSize, offset: (page - 1) * pageSize },
  } as Params<P>;
  const loaded = useLoad(path, paged, refresh);
  const data = loaded.data as { items: Item<P>[]; total: number } | undefined;
  return {
    ...loaded,
    items: data?.items ?? [],
    total: data?.total ?? 0,
    page,
    setPage,
    pageSize,
  };
}

/** Loading, error and empty states around a list, then the list and its pager. */
export function ListState({
  list,
  empty,
  children,
}: {
  list: {
    loading: boolean;
    error?: string;
    total: number;
    page: number;
    pageSize: number;
    setPage: (page: number) => void;
    data?: unknown;
  };
  empty: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (list.error)
    return (
      <Alert color="red" title={t('common.loadFailed')}>
        {list.error}
      </Alert>
    );
  if (list.data === undefined) return <Loading />;
  if (list.total === 0) return <Text c="dimmed">{empty}</Text>;
  const pages = Math.ceil(list.total / list.pageSize);
  return (
    <>
      {children}
      {pages > 1 && (
        <Group justify="center" mt="sm">
          <Pagination
            total={pages}
            value={list.page}
            onChange={list.setPage}
            getItemProps={(page) => ({ 'aria-label': t('common.page', { page }) })}
            getControlProps={(control) => ({
              'aria-label': t(
                control === 'previous' || control === 'first'
                  ? 'common.previousPage'
                  : 'common.nextPage',
              ),
            })}
          />
        </Group>
      )}
    </>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center p="md">
      <Loader size="sm" aria-label={t('common.loading')} />
    </Center>
  );
}

/** Runs a change and keeps the API's refusal: a message and the errors of each field. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<number | undefined>(undefined);

  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    setStatus(undefined);
    setFieldErrors({});
    try {
      return await action();
    } catch (reason) {
      if (reason instanceof ApiError) {
        setStatus(reason.status);
        setFieldErrors(reason.fieldErrors);
        setError(errorMessage(reason));
      } else {
        setError(reason instanceof Error ? reason.message : String(reason));
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  // The fields the form shows errors beside, so that the form's own message does not repeat them.
  const besideFields = useRef(new Set<string>());
  const belongsTo = (name: string, field: string) => name === field || name.startsWith(`${field}.`);

  /** The error of a field, or of any of its nested fields (`schedule.0.startTime`). */
  const fieldError = (field: string): string | undefined => {
    besideFields.current.add(field);
    const found = Object.entries(fieldErrors).filter(([name]) => belongsTo(name, field));
    return found.length ? found.map(([, message]) => message).join('; ') : undefined;
  };

  /** The refusal's message, less what the fields already show; call it after fieldError. */
  const formError = (): string | undefined => {
    const entries = Object.entries(fieldErrors);
    if (entries.length === 0) return error;
    const elsewhere = entries.filter(
      ([name]) => ![...besideFields.current].some((field) => belongsTo(name, field)),
    );
    return elsewhere.length ? elsewhere.map(([, message]) => message).join('; ') : undefined;
  };

  const reset = useCallback(() => {
    setError(undefined);
    setFieldErrors({});
  }, []);

  /**
   * A field changed: its message (and its nested fields') goes, the others stay beside theirs.
   * The refusal's own message goes too: it was about the form as it was.
   */
  const clear = useCallback((field: string) => {
    setError(undefined);
    setFieldErrors((current) => {
      const kept = Object.entries(current).filter(
        ([name]) => name !== field && !name.startsWith(`${field}.`),
      );
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
    });
  }, []);

  /** A field's change handler that first clears the field's message: `onChange={clearing('code', …)}`. */
  const clearing =
    <A extends unknown[]>(field: string, handler: (...args: A) => void) =>
    (...args: A): void => {
      clear(field);
      handler(...args);
    };

  return { busy, error, status, fieldErrors, fieldError, formError, run, reset, clear, clearing };
}

/** The form's refusal, where the API said what was wrong outside any one field. */
export function FormError({ error }: { error?: string }) {
  return error ? (
    <Alert color="red" role="alert">
      {error}
    </Alert>
  ) : null;
}
