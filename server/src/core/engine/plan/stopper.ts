/** Why a run (or a subsearch) stopped early. */
export type StopReason = 'cancelled' | 'time';

/**
 * Decides when work must stop: on cancellation by the caller, when its parent stops, or past its
 * deadline. Checked between rows, because a timer cannot fire while rows flow without I/O.
 */
export class Stopper {
  private readonly controller = new AbortController();
  private readonly deadline: number;

  constructor(
    timeLimitMs: number,
    private readonly parent?: Stopper,
    external?: AbortSignal,
  ) {
    this.deadline = performance.now() + timeLimitMs;
    if (external?.aborted) this.stop('cancelled');
    else external?.addEventListener('abort', () => this.stop('cancelled'), { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get reason(): StopReason | undefined {
    return this.controller.signal.aborted
      ? (this.controller.signal.reason as StopReason)
      : undefined;
  }

  shouldStop(): boolean {
    if (this.controller.signal.aborted) return true;
    const parentReason = this.parent?.shouldStop() ? this.parent.reason : undefined;
    if (parentReason) this.stop(parentReason);
    else if (performance.now() > this.deadline) this.stop('time');
    return this.controller.signal.aborted;
  }

  private stop(reason: StopReason): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }
}
