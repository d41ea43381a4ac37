/**
 * Long work started from a screen (renderer/app/long-task.tsx): nothing for the first second, then
 * a progress bar saying what is being done; Cancel, where the work writes nothing, stops waiting
 * and the answer, when it comes, is not shown.
 */
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentTransport, setTransport } from '../../renderer/api/client';
import type { Transport } from '../../renderer/api/transport';
import { LONG_TASK_DELAY_MS, LongTaskProgress, useLongTask } from '../../renderer/app/long-task';
import { theme } from '../../renderer/app/theme';
import { fr as common } from '../../shared/i18n/common/fr';
import { fr as audit } from '../../shared/i18n/audit/fr';
import { COORDINATOR, startCentre } from './helpers/centre';
import { renderApp } from './helpers/render';

/** A promise the test settles when it wants. */
function held<T>(): { promise: Promise<T>; release(value: T): void } {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release };
}

function Harness({ work }: { work: () => Promise<string> }) {
  const task = useLongTask(work);
  return (
    <>
      <button onClick={() => task.run()}>Lancer</button>
      <LongTaskProgress task={task} label="Travail long" onCancel={() => task.cancel()} />
      {task.data !== undefined && <p>Résultat : {task.data}</p>}
    </>
  );
}

afterEach(() => {
  vi.useRealTimers();
});

/** Moves the fake clock on, with React's updates applied. */
function advance(ms: number): void {
  void act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe('long work started from a screen', () => {
  it('shows nothing for the first second, then a labelled bar with the time spent and Cancel', async () => {
    vi.useFakeTimers();
    const answer = held<string>();
    render(
      <MantineProvider theme={theme}>
        <Harness work={() => answer.promise} />
      </MantineProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Lancer' }));
    advance(LONG_TASK_DELAY_MS - 1);
    expect(screen.queryByRole('status')).toBeNull();
    advance(1);
    expect(screen.getByRole('status').textContent).toContain('Travail long… (1 s)');
    advance(2000);
    expect(screen.getByRole('status').textContent).toContain('Travail long… (3 s)');
    expect(screen.getByRole('progressbar', { name: 'Travail long' })).toBeTruthy();

    // Cancel: the bar goes, and the answer that comes after is dropped.
    fireEvent.click(screen.getByRole('button', { name: common.longTask.cancel }));
    expect(screen.queryByRole('status')).toBeNull();
    await act(async () => {
      answer.release('42 entrées');
      await answer.promise;
    });
    expect(screen.queryByText(/Résultat/)).toBeNull();
  });

  it('an answer within the second shows the result and never a bar', async () => {
    vi.useFakeTimers();
    const answer = held<string>();
    render(
      <MantineProvider theme={theme}>
        <Harness work={() => answer.promise} />
      </MantineProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Lancer' }));
    advance(LONG_TASK_DELAY_MS / 2);
    await act(async () => {
      answer.release('42 entrées');
      await answer.promise;
    });
    expect(screen.getByText('Résultat : 42 entrées')).toBeTruthy();
    advance(5 * LONG_TASK_DELAY_MS);
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('the audit chain check', () => {
  it('shows its progress while the core works, and Cancel discards the verdict', async () => {
    await startCentre();
    // The core's answer to audit.verify is held until the test lets it go.
    const core = currentTransport();
    let answer = held<void>();
    const holding: Transport = {
      ...core,
      async invoke(channel, input, token) {
        const result = await core.invoke(channel, input, token);
        if (channel === 'audit.verify') await answer.promise;
        return result;
      },
    };
    setTransport(holding);
    const { user } = await renderApp(COORDINATOR, '/audit');
    await user.click(await screen.findByRole('button', { name: audit.verify }));
    const status = await screen.findByText((text) => text.startsWith(common.longTask.verifyingAudit));
    expect(status).toBeTruthy();
    await user.click(screen.getByRole('button', { name: common.longTask.cancel }));
    expect(screen.queryByText((text) => text.startsWith(common.longTask.verifyingAudit))).toBeNull();
    const first = answer;
    await act(async () => {
      first.release();
      await first.promise;
    });
    // The verdict that came after Cancel is not shown; the button is ready again.
    expect(screen.queryByText(/Journal intact/)).toBeNull();
    const verify = screen.getByRole('button', { name: audit.verify });
    expect(verify.getAttribute('data-loading')).toBeNull();

    // Not cancelled, the same check shows its verdict.
    answer = held<void>();
    await user.click(verify);
    answer.release();
    expect(await screen.findByText(/Journal intact : \d+ entrées vérifiées/)).toBeTruthy();
  });
});
