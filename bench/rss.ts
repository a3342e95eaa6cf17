import fs from 'node:fs';

/** VmRSS of a process in kB (Linux /proc), or null when it is gone, unreadable, or there is no /proc. */
export function rssKb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
