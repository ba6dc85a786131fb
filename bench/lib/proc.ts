import { readFile } from 'node:fs/promises';

/** Resident memory of a process in MB, from /proc/<pid>/status (VmRSS), or null when gone. */
export async function residentMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? null : Math.round((Number(kb) / 1024) * 10) / 10;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat, or null. */
export async function cpuSeconds(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: count fields after its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return Number.isFinite(ticks) ? ticks / 100 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** The pid of the stack's MongoDB-compatible server (FerretDB), from its listening port. */
export async function pidListeningOn(port: number): Promise<number | null> {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local address ends in :PORT, state 0A is LISTEN, column 10 is the socket's inode
      if (cols[1]?.endsWith(`:${hex}`) === true && cols[3] === '0A' && cols[9] !== undefined) {
        inodes.add(cols[9]);
      }
    }
  }
  return inodes.size === 0 ? null : findSocketOwner(inodes);
}

async function findSocketOwner(inodes: Set<string>): Promise<number | null> {
  const { readdir, readlink } = await import('node:fs/promises');
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fds = await readdir(`/proc/${entry}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`/proc/${entry}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode !== undefined && inodes.has(inode)) return Number(entry);
    }
  }
  return null;
}

/** CPU used by each process over `during()`, in cores (CPU seconds ÷ wall seconds). */
export async function cpuShare<T>(
  pids: Record<string, number | null>,
  during: () => Promise<T>,
): Promise<{ result: T; cores: Record<string, number | null>; seconds: number }> {
  const before = await readAll(pids);
  const started = Date.now();
  const result = await during();
  const seconds = (Date.now() - started) / 1000;
  const after = await readAll(pids);
  const cores: Record<string, number | null> = {};
  for (const name of Object.keys(pids)) {
    const a = after[name];
    const b = before[name];
    cores[name] =
      a === null || a === undefined || b === null || b === undefined || seconds === 0
        ? null
        : Math.round(((a - b) / seconds) * 100) / 100;
  }
  return { result, cores, seconds };
}

async function readAll(pids: Record<string, number | null>) {
  const out: Record<string, number | null> = {};
  for (const [name, pid] of Object.entries(pids)) {
    out[name] = pid === null ? null : await cpuSeconds(pid);
  }
  return out;
}
