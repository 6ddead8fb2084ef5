import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dir>.lock` (a sibling file holding our pid) or fails with a clear message when
 * another live process holds it; a lock left by a dead process is taken over.
 */
export async function acquireFolderLock(dir: string): Promise<() => Promise<void>> {
  const lockPath = `${dir.replace(/[/\\]+$/, '')}.lock`;
  // On a first start neither the folder nor its parent exists yet.
  await mkdir(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new Error(`the database folder ${dir} is in use by process ${pid} (lock file ${lockPath})`);
      }
      if (pid === process.pid) throw new Error(`the database folder ${dir} is already open in this process`);
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock the database folder ${dir}`);
}
