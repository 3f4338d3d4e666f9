/**
 * The engine as Node runs it (tests, command line, benchmark): workers from tesseract.js's Node
 * worker script, language data copied from node_modules into a private directory, one worker
 * per core unless told otherwise (as in the app).
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { createOcrEngine } from './engine';
import type { OcrEngine, OcrEngineOptions } from './engine';
import { createNodeLanguageStore } from './languageStore.node.js';
import { BUNDLED_LANGUAGES } from './languages';

const require = createRequire(import.meta.url);

export const nodeWorkerPath = (): string =>
  require.resolve('tesseract.js/src/worker-script/node/index.js');

export async function createNodeOcrEngine(
  options: Partial<Omit<OcrEngineOptions, 'languages'>> &
    Readonly<{ bundledLanguages?: readonly string[] }> = {},
): Promise<OcrEngine> {
  const store = await createNodeLanguageStore(options.bundledLanguages ?? BUNDLED_LANGUAGES);
  const engine = createOcrEngine({
    ...options,
    workerPath: options.workerPath ?? nodeWorkerPath(),
    workers: options.workers ?? availableParallelism(),
    languages: store,
  });
  return {
    ...engine,
    async close() {
      await engine.close();
      await store.dispose();
    },
  };
}
