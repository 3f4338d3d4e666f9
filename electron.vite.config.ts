import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Where the build goes: out/ unless RINGTRACE_OUT names another folder, so that several
 * engineers (or test runs) on one machine do not overwrite each other's build.
 */
const outRoot = resolve(import.meta.dirname, process.env['RINGTRACE_OUT'] ?? 'out');

/**
 * Runtime files that OCR and PDF reading load by URL, never from a CDN: tesseract.js's worker
 * script and wasm cores, the bundled language data, and pdf.js's worker. Served under vendor/
 * from the app's own files, so the app works with every other request blocked.
 * (evidence/runtimeUrls.ts in the renderer names the same paths.)
 */
const VENDOR_FILES: ReadonlyArray<readonly [string, string]> = [
  ['tesseract/worker.min.js', 'node_modules/tesseract.js/dist/worker.min.js'],
  ...['', '-simd', '-relaxedsimd'].map(
    (v) =>
      [
        `tesseract/core/tesseract-core${v}-lstm.wasm.js`,
        `node_modules/tesseract.js-core/tesseract-core${v}-lstm.wasm.js`,
      ] as const,
  ),
  ...['eng', 'tha'].map(
    (code) =>
      [
        `tesseract/lang/${code}.traineddata.gz`,
        `node_modules/@tesseract.js-data/${code}/4.0.0_best_int/${code}.traineddata.gz`,
      ] as const,
  ),
  // No npm package ships Khmer: the repository keeps tessdata's model (resources/tessdata/README.md).
  ['tesseract/lang/khm.traineddata.gz', 'resources/tessdata/khm.traineddata.gz'],
  ['pdfjs/pdf.worker.min.mjs', 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs'],
];

function vendorRuntimeFiles(): Plugin {
  const source = (from: string): string => {
    const path = resolve(import.meta.dirname, from);
    // A missing file must fail the build, not OCR at run time on an investigator's machine.
    if (!existsSync(path)) throw new Error(`vendor file missing: ${from} (run npm ci)`);
    return path;
  };
  return {
    name: 'ringtrace-vendor-runtime-files',
    configureServer(server) {
      const byUrl = new Map(VENDOR_FILES.map(([to, from]) => [`/vendor/${to}`, source(from)]));
      server.middlewares.use((request, response, next) => {
        const path = byUrl.get((request.url ?? '').split('?')[0] ?? '');
        if (path === undefined) return next();
        const type = path.endsWith('.gz')
          ? 'application/gzip'
          : path.endsWith('.wasm')
            ? 'application/wasm'
            : 'text/javascript; charset=utf-8';
        response.setHeader('Content-Type', type);
        createReadStream(path).pipe(response);
      });
    },
    generateBundle() {
      for (const [to, from] of VENDOR_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `vendor/${to}`,
          source: readFileSync(source(from)),
        });
      }
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(outRoot, 'main'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(outRoot, 'preload'),
      // A sandboxed preload cannot load ES modules or node_modules: one CommonJS bundle.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [react(), vendorRuntimeFiles()],
    worker: { format: 'es' },
    build: {
      outDir: resolve(outRoot, 'renderer'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
});
