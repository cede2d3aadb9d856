import { Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fetchDocument } from '../api';
import { errorMessage, FormError } from './data';

/** How often a document being prepared is asked for again. */
const POLL_MS = 1500;

function save(file: Blob, filename: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A printed document of the group (journal, certificates): downloaded at once when the API draws
 * it inline; when the worker prepares it (202), "being prepared" until it is ready, then saved.
 */
export function PrintedDocumentLink({ href, label }: { href: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'asking' | 'preparing'>('idle');
  const [error, setError] = useState<string | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  async function download(): Promise<void> {
    setError(undefined);
    setState('asking');
    try {
      let result = await fetchDocument(href);
      while ('location' in result) {
        setState('preparing');
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!mounted.current) return;
        result = await fetchDocument(result.location);
      }
      if (!mounted.current) return;
      save(result.file, result.filename);
    } catch (reason) {
      if (!mounted.current) return;
      setError(reason instanceof ApiError ? errorMessage(reason) : String(reason));
    }
    setState('idle');
  }

  return (
    <Stack gap={4} align="flex-start">
      <Anchor
        component="button"
        type="button"
        onClick={() => void download()}
        disabled={state !== 'idle'}
      >
        {label}
      </Anchor>
      {state === 'preparing' && (
        <Group gap="xs" role="status">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('documents.preparing')}
          </Text>
        </Group>
      )}
      <FormError error={error} />
    </Stack>
  );
}
