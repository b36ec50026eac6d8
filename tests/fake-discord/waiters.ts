/** Long enough for a slow CI machine, short enough that a missing reply fails the test with a clear message. */
export const DEFAULT_WAIT_TIMEOUT_MS = 5_000;

export interface WaitOptions {
  timeoutMs?: number;
}

interface PendingWait {
  check: () => boolean;
  cancel: (reason: Error) => void;
}

/**
 * Promises that resolve from inside the fake's own handlers (a request arrived, a session resumed),
 * so tests wait on events rather than polling. The timeout is the only timer, and its rejection says
 * what was awaited and what the fake saw instead.
 */
export class Waiters {
  readonly #pending = new Set<PendingWait>();

  /**
   * Resolves with the first non-undefined result of `find`, checked now and after every `notify()`.
   * `describeState` is called only on timeout, to explain what happened instead.
   */
  waitFor<T>(
    find: () => T | undefined,
    description: string,
    describeState: () => string,
    options: WaitOptions = {},
  ): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);

    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    return new Promise<T>((resolve, reject) => {
      const pending: PendingWait = {
        check: () => {
          const result = find();
          if (result === undefined) return false;
          settle();
          resolve(result);
          return true;
        },
        cancel: (reason) => {
          settle();
          reject(reason);
        },
      };
      const timer = setTimeout(() => {
        pending.cancel(
          new Error(
            `Fake Discord: timed out after ${timeoutMs} ms waiting for ${description}.\n${describeState()}`,
          ),
        );
      }, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.#pending.delete(pending);
      };
      this.#pending.add(pending);
    });
  }

  /** Re-checks every pending wait; call after any change a waiter might be interested in. */
  notify(): void {
    for (const pending of [...this.#pending]) pending.check();
  }

  /** Rejects everything still waiting, so a closed fake never leaves a test hanging until its timeout. */
  rejectAll(reason: string): void {
    for (const pending of [...this.#pending]) pending.cancel(new Error(`Fake Discord: ${reason}`));
  }
}
