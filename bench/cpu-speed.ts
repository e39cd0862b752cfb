// How fast this machine's CPU is right now: a fixed loop, timed. On a shared host the same loop
// has taken from 370 to over 1,000 ms within an hour, and every read of the scale bench moves
// with it, so a run states it beside its figures rather than leaving it to be guessed from the
// load average (which does not see the neighbours' load).

const LOOP_STEPS = 300_000_000;
const WARM_UP_CALLS = 5;

function loop(steps: number): number {
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += i % 7;
  return sum;
}

/** Milliseconds for LOOP_STEPS integer additions and remainders on this thread. */
export function cpuLoopMs(): number {
  // Short calls first, so the loop is timed as V8's optimising compiler makes it: timed cold, the
  // first two runs in a process took 560 ms and the later ones 370 on the same machine.
  for (let i = 0; i < WARM_UP_CALLS; i++) loop(1_000_000);
  const started = performance.now();
  // The sum is used, so the loop cannot be dropped as dead code.
  if (loop(LOOP_STEPS) < 0) throw new Error('unreachable');
  return performance.now() - started;
}
