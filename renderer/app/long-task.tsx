/**
 * Long work started from a screen (checking the whole audit chain, printing a PDF): nothing shows
 * for the first second — most runs end before — then a progress bar with what is being done and
 * how long it has taken, and a Cancel button where the work writes nothing.
 *
 * Cancelling discards the answer: the screen stops waiting and nothing it would have shown is
 * shown. The core may still finish its read in its own thread (the long-read worker); a read does
 * not change anything, so there is nothing to undo. Work that writes (an audited read, a save)
 * is not offered a Cancel: it would only hide that it happened.
 */
import { Button, Group, Paper, Progress, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Below this, a spinner on the button is enough; above, the progress bar. */
export const LONG_TASK_DELAY_MS = 1000;

/** How far the core says it is, when it can say (else the bar is indeterminate). */
export interface TaskProgress {
  done: number;
  total: number;
}

export interface LongTask<T> {
  /** Starts the work (a run already going is discarded, as if cancelled). */
  run(): void;
  /** Stops waiting: the answer, when it comes, is dropped. */
  cancel(): void;
  running: boolean;
  /** True once the work has run for LONG_TASK_DELAY_MS. */
  slow: boolean;
  /** Whole seconds since the start. */
  elapsedSeconds: number;
  data: T | undefined;
  error: unknown;
  isError: boolean;
}

export function useLongTask<T>(work: () => Promise<T>): LongTask<T> {
  // Each run has a number; an answer is kept only if its run is still the current one.
  const runId = useRef(0);
  const [running, setRunning] = useState(false);
  const [slow, setSlow] = useState(false);
  const [elapsedSeconds, setElapsed] = useState(0);
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const workRef = useRef(work);
  workRef.current = work;

  const stop = useCallback(() => {
    runId.current += 1;
    setRunning(false);
    setSlow(false);
  }, []);

  const run = useCallback(() => {
    const id = ++runId.current;
    setRunning(true);
    setSlow(false);
    setElapsed(0);
    setData(undefined);
    setError(undefined);
    workRef.current().then(
      (value) => {
        if (runId.current !== id) return;
        setData(value);
        stop();
      },
      (err: unknown) => {
        if (runId.current !== id) return;
        setError(err ?? new Error('failed'));
        stop();
      },
    );
  }, [stop]);

  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const delay = window.setTimeout(() => setSlow(true), LONG_TASK_DELAY_MS);
    const tick = window.setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => {
      window.clearTimeout(delay);
      window.clearInterval(tick);
    };
  }, [running]);

  // A screen left while the work runs: its answer has nowhere to go.
  useEffect(() => () => void (runId.current += 1), []);

  return {
    run,
    cancel: stop,
    running,
    slow,
    elapsedSeconds,
    data,
    error,
    isError: error !== undefined,
  };
}

/**
 * The bar of a long task, shown only once it is slow. `label` says what is being done (never a
 * value from a dossier); `onCancel` only for work that writes nothing.
 */
export function LongTaskProgress({
  task,
  label,
  progress,
  onCancel,
}: {
  task: Pick<LongTask<unknown>, 'running' | 'slow' | 'elapsedSeconds'>;
  label: string;
  progress?: TaskProgress | null;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  if (!task.running || !task.slow) return null;
  const determinate = progress != null && progress.total > 0;
  const percent = determinate ? Math.min(100, (100 * progress.done) / progress.total) : 100;
  return (
    <Paper withBorder p="sm" role="status" aria-live="polite" data-testid="long-task">
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Text size="sm">
          {determinate
            ? t('longTask.counted', {
                label,
                done: progress.done,
                total: progress.total,
                seconds: task.elapsedSeconds,
              })
            : t('longTask.running', { label, seconds: task.elapsedSeconds })}
        </Text>
        {onCancel && (
          <Button size="xs" variant="subtle" color="gray" onClick={onCancel}>
            {t('longTask.cancel')}
          </Button>
        )}
      </Group>
      <Progress
        value={percent}
        striped={!determinate}
        animated={!determinate}
        aria-label={label}
        transitionDuration={200}
      />
    </Paper>
  );
}
