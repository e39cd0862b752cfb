// How fast this machine's CPU is right now: a fixed loop, timed. On a shared host the same loop
// has taken from 414 to over 1,000 ms within an hour, and every read of the scale bench moves
// with it, so a run states it beside its figures rather than leaving it to be guessed from the
// load average (which does not see the neighbours' load).

const LOOP_STEPS = 300_000_000;

/** Milliseconds for LOOP_STEPS integer additions and remainders on this thread. */
export function cpuLoopMs(): number {
  const started = performance.now();
  let sum = 0;
  for (let i = 0; i < LOOP_STEPS; i++) sum += i % 7;
  // The sum is used, so the loop cannot be dropped as dead code.
  if (sum < 0) throw new Error('unreachable');
  return performance.now() - started;
}
