import type { BulkLoad } from './bulk-load';
import { stageFiles } from './bulk-load';

/** A bulk load that records the calls stageFiles makes (the staging logic needs no database). */
function recordingLoad(): { load: BulkLoad; calls: string[] } {
  const calls: string[] = [];
  const load = {
    endFile: async () => void calls.push('endFile'),
    abort: async () => void calls.push('abort'),
  } as unknown as BulkLoad;
  return { load, calls };
}

describe('stageFiles', () => {
  it('stages every file in order, closing each before the next, and sums the counts', async () => {
    const { load, calls } = recordingLoad();
    const total = await stageFiles(load, ['a', 'b', 'c'], async (job, i) => {
      calls.push(`import ${job} ${i}`);
      return { loaded: 10 * (i + 1), rejected: i };
    });
    expect(total).toEqual({ loaded: 60, rejected: 3 });
    expect(calls).toEqual(['import a 0', 'endFile', 'import b 1', 'endFile', 'import c 2', 'endFile']);
  });

  it('abandons the whole staging on a failure and rethrows it, staging nothing after', async () => {
    const { load, calls } = recordingLoad();
    const failure = new Error('bad file b');
    await expect(
      stageFiles(load, ['a', 'b', 'c'], async (job) => {
        calls.push(`import ${job}`);
        if (job === 'b') throw failure;
        return { loaded: 1, rejected: 0 };
      }),
    ).rejects.toBe(failure);
    expect(calls).toEqual(['import a', 'endFile', 'import b', 'abort']);
  });
});
