/**
 * The WebAssembly kernels: kernels.as.ts compiled by AssemblyScript. The bundle compiles them once at
 * build time (scripts/bundle.ts writes dist/dense-kernels.wasm beside the code); run from source (tests,
 * bench) they compile on first use, so nothing generated is committed. Only fixed-width SIMD is enabled:
 * relaxed SIMD may give different bits on different CPUs.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kernels } from './kernels.ts';

export const WASM_FILE = 'dense-kernels.wasm';
const SOURCE = 'kernels.as.ts';
/** asc's options: --enable simd is fixed-width SIMD; no relaxed-simd, no threads. */
export const ASC_FLAGS = ['-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd', '--disable', 'bulk-memory'];

// The WebAssembly global as far as this file uses it (the project's lib settings leave it untyped).
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<{ exports: unknown }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface Exports {
  memory: WasmMemory;
  gemm(c: number, a: number, aRow: number, aStep: number, b: number, bias: number, rows: number, inner: number, n: number): void;
  colSum(out: number, a: number, rows: number, n: number): void;
  relu(out: number, z: number, count: number): void;
  reluGrad(dz: number, z: number, da: number, count: number): void;
}

let compiled: Promise<object> | undefined;

/** Compiles kernels.as.ts to WebAssembly bytes with AssemblyScript (a dev dependency: build time and tests only). */
export async function compileKernels(sourceFile = join(dirname(fileURLToPath(import.meta.url)), SOURCE)): Promise<Uint8Array> {
  // A computed specifier keeps the compiler out of the bundle, which loads the prebuilt file instead.
  const compiler = 'assemblyscript/asc';
  const asc = (await import(compiler)) as typeof import('assemblyscript/asc');
  const source = await readFile(sourceFile, 'utf8');
  let binary: Uint8Array | undefined;
  const result = await asc.main([SOURCE, '--outFile', WASM_FILE, ...ASC_FLAGS], {
    readFile: (name: string) => (name === SOURCE ? source : null),
    writeFile: (name: string, contents: string | Uint8Array) => {
      if (name === WASM_FILE && typeof contents !== 'string') binary = contents;
    },
    listFiles: () => [],
  });
  if (result.error || !binary)
    throw new Error(`AssemblyScript could not compile ${SOURCE}: ${result.error?.message ?? 'no output'}\n${result.stderr.toString()}`);
  return binary;
}

function wasmModule(): Promise<object> {
  compiled ??= (async () => {
    const prebuilt = join(dirname(fileURLToPath(import.meta.url)), WASM_FILE);
    const bytes = existsSync(prebuilt) ? await readFile(prebuilt) : await compileKernels();
    return wasmApi.compile(bytes);
  })();
  return compiled;
}

const PAGE_FLOATS = 65536 / 4;

/** Kernels running in a fresh WebAssembly instance, its memory the heap. */
export async function wasmKernels(): Promise<Kernels> {
  const instance = await wasmApi.instantiate(await wasmModule(), {});
  const wasm = instance.exports as unknown as Exports;
  const kernels: Kernels = {
    name: 'wasm-simd128',
    heap: new Float32Array(wasm.memory.buffer),
    grow(floats) {
      const pages = Math.ceil(floats / PAGE_FLOATS) - wasm.memory.buffer.byteLength / 65536;
      if (pages > 0) wasm.memory.grow(pages);
      kernels.heap = new Float32Array(wasm.memory.buffer);
    },
    gemm: (c, a, aRow, aStep, b, bias, rows, inner, n) => wasm.gemm(c * 4, a * 4, aRow, aStep, b * 4, bias * 4, rows, inner, n),
    colSum: (out, a, rows, n) => wasm.colSum(out * 4, a * 4, rows, n),
    relu: (out, z, count) => wasm.relu(out * 4, z * 4, count),
    reluGrad: (dz, z, da, count) => wasm.reluGrad(dz * 4, z * 4, da * 4, count),
  };
  return kernels;
}
