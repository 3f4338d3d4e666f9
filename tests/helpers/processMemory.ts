/**
 * What a red team does to a locked workstation: read the memory of every process of the
 * browser (/proc/PID/mem, readable as root or by the same user with ptrace rights) and search
 * it for case text, the passphrase and key bytes. Regions are taken from /proc/PID/maps: every
 * readable one except the shared libraries, fonts and other files mapped from the system,
 * which hold no case data.
 */
import { closeSync, openSync, readFileSync, readSync, readdirSync, readlinkSync } from 'node:fs';

/** The browser process and all its descendants (renderers, GPU, utility, zygotes). */
export function processTree(rootPid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      // Field 4, after the command in parentheses (which may itself contain spaces).
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while listed.
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents)
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
  }
  return [...tree];
}

/** The Chromium process a Playwright persistent context started (its child of the test). */
export function browserPid(): number {
  const self = process.pid;
  for (const pid of processTree(self)) {
    if (pid === self) continue;
    try {
      if (readlinkSync(`/proc/${pid}/exe`).includes('chromium')) {
        const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        let parentIsChromium = false;
        try {
          parentIsChromium = readlinkSync(`/proc/${ppid}/exe`).includes('chromium');
        } catch {
          parentIsChromium = false;
        }
        if (!parentIsChromium) return pid;
      }
    } catch {
      // Gone, or not ours.
    }
  }
  throw new Error('no Chromium process among the test’s children');
}

export type MemoryHit = Readonly<{ pid: number; kind: string; needle: string; count: number }>;

function processKind(pid: number): string {
  try {
    // Chromium rewrites its command line, joining the arguments with spaces.
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split(/[\0 ]/);
    return cmd.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
  } catch {
    return 'gone';
  }
}

const CHUNK = 16 * 1024 * 1024;

/**
 * Counts each needle in the readable private memory of each process. Needles are byte
 * patterns (a string's Latin-1, UTF-8 and UTF-16LE forms are given as separate needles).
 */
export function scanProcesses(
  pids: readonly number[],
  needles: ReadonlyArray<readonly [string, Uint8Array]>,
): MemoryHit[] {
  const hits: MemoryHit[] = [];
  for (const pid of pids) {
    let maps: string;
    try {
      maps = readFileSync(`/proc/${pid}/maps`, 'latin1');
    } catch {
      continue;
    }
    const counts = new Map<string, number>();
    let fd: number;
    try {
      fd = openSync(`/proc/${pid}/mem`, 'r');
    } catch {
      continue;
    }
    try {
      for (const line of maps.split('\n')) {
        const [range, perms, , , , path = ''] = line.trim().split(/\s+/);
        if (range === undefined || perms === undefined || !perms.startsWith('r')) continue;
        if (
          path.startsWith('/usr/') ||
          path.startsWith('/lib') ||
          path === '[vvar]' ||
          path === '[vsyscall]' ||
          path === '[vvar_vclock]'
        )
          continue;
        const [start, end] = range.split('-').map((h) => parseInt(h, 16));
        if (start === undefined || end === undefined) continue;
        const longest = Math.max(...needles.map(([, n]) => n.length));
        for (let at = start; at < end; at += CHUNK) {
          const size = Math.min(CHUNK + longest, end - at);
          const buffer = Buffer.alloc(size);
          let read = 0;
          try {
            read = readSync(fd, buffer, 0, size, at);
          } catch {
            break;
          }
          const view = buffer.subarray(0, read);
          for (const [name, needle] of needles) {
            let found = 0;
            for (
              let i = view.indexOf(needle);
              i !== -1 && i < CHUNK;
              i = view.indexOf(needle, i + 1)
            )
              found++;
            if (found > 0) counts.set(name, (counts.get(name) ?? 0) + found);
          }
        }
      }
    } finally {
      closeSync(fd);
    }
    const kind = processKind(pid);
    for (const [needle, count] of counts) hits.push({ pid, kind, needle, count });
  }
  return hits;
}

/** A string's Latin-1 (where it fits), UTF-8 and UTF-16LE byte forms, named for the report. */
export function textNeedles(label: string, text: string): Array<readonly [string, Uint8Array]> {
  const forms: Array<readonly [string, Uint8Array]> = [
    [`${label} utf8`, Buffer.from(text, 'utf8')],
    [`${label} utf16le`, Buffer.from(text, 'utf16le')],
  ];
  const chars = [...text].map((c) => c.charCodeAt(0));
  if (chars.every((c) => c < 256) && chars.some((c) => c > 127))
    forms.push([`${label} latin1`, Buffer.from(text, 'latin1')]);
  return forms;
}
