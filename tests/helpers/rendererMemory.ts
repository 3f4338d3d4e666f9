/**
 * The resident memory of a Chromium's renderer processes (the app and its workers), read from
 * /proc: what the operating system gives the page, including ArrayBuffers and wasm heaps that
 * the JavaScript heap figures leave out. Linux only, as are these machines and CI.
 */
import { readFileSync, readdirSync } from 'node:fs';

type Proc = Readonly<{ pid: number; ppid: number; cmdline: string }>;

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name in parentheses may itself hold spaces; the parent pid follows it.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      out.push({ pid: Number(name), ppid, cmdline });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return out;
}

/** The renderer processes of the Chromium that runs on this profile directory. */
function rendererPids(profileDir: string): number[] {
  const all = processes();
  const browser = all.find(
    (p) => p.cmdline.includes(`--user-data-dir=${profileDir}`) && !p.cmdline.includes('--type='),
  );
  if (browser === undefined) throw new Error(`No Chromium is running on ${profileDir}`);
  const descendants = new Set([browser.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (descendants.has(p.ppid) && !descendants.has(p.pid)) {
        descendants.add(p.pid);
        grew = true;
      }
  }
  return all
    .filter((p) => descendants.has(p.pid) && p.cmdline.includes('--type=renderer'))
    .map((p) => p.pid);
}

/** VmRSS of a process in bytes, 0 once the process has ended. */
function residentBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}

/** The largest resident size among this browser's renderers now: the app's renderer. */
export const residentNow = (profileDir: string): number =>
  Math.max(0, ...rendererPids(profileDir).map(residentBytes));

/** Samples the renderers' resident memory every 50 ms until stopped; stop() gives the peak. */
export function sampleRenderers(profileDir: string): { stop: () => number } {
  let peak = residentNow(profileDir);
  const timer = setInterval(() => {
    peak = Math.max(peak, residentNow(profileDir));
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, residentNow(profileDir));
    },
  };
}
