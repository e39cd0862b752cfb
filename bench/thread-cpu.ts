// CPU time a process spent, on its main thread (the event loop) and on all its other threads
// (SQLite's, the GC's, libuv's), read from Linux's /proc. Wall-clock rates on this shared
// 2-core machine move with the host's speed (a fixed loop took 414–1,134 ms within one
// evening); the CPU a request costs moves far less, and says which thread bounds a rate.

import { readFile, readdir } from 'node:fs/promises';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK)

export interface ThreadCpu { mainMs: number; otherMs: number }

function ticksOf(statLine: string): number {
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const fields = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** The process's CPU so far, or null off Linux (the bench then leaves the rows out). */
export async function threadCpu(pid: number): Promise<ThreadCpu | null> {
  try {
    const threads = await readdir(`/proc/${pid}/task`);
    let main = 0;
    let other = 0;
    for (const tid of threads) {
      // A thread that ended in between is left out (its CPU is then missing from `other`).
      const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => null);
      if (stat === null) continue;
      const ticks = ticksOf(stat);
      if (tid === String(pid)) main += ticks;
      else other += ticks;
    }
    return { mainMs: (main * 1000) / TICKS_PER_SECOND, otherMs: (other * 1000) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** CPU spent between two readings. */
export function cpuBetween(before: ThreadCpu, after: ThreadCpu): ThreadCpu {
  return { mainMs: after.mainMs - before.mainMs, otherMs: after.otherMs - before.otherMs };
}
