/**
 * The dense engine's matrix kernels over one float32 heap, addressed by float index. Two
 * implementations compute the same bits: WebAssembly with fixed-width SIMD (wasm.ts, the one that
 * trains) and scalar TypeScript (here, the reference the tests hold it to). Each output element is a
 * single chain of float32 multiply-then-add in a fixed order (bias first, then the inner index
 * ascending), which is what makes the result independent of the CPU, of the vector width and of the
 * blocking: lanes never mix and nothing is fused.
 */

export interface Kernels {
  /** The memory every offset points into; recreated by `grow`. */
  heap: Float32Array;
  /** Makes the heap at least `floats` long (its contents are kept). */
  grow(floats: number): void;
  /**
   * C[i, j] = bias[j] + Σ_t A[i·aRow + t·aStep] · B[t·n + j], t ascending; bias 0 = none.
   * A·B is aRow = inner, aStep = 1; Aᵀ·B (A stored inner × rows) is aRow = 1, aStep = rows of C.
   */
  gemm(c: number, a: number, aRow: number, aStep: number, b: number, bias: number, rows: number, inner: number, n: number): void;
  /** out[j] = Σ_r A[r·n + j], r ascending. */
  colSum(out: number, a: number, rows: number, n: number): void;
  /** out[i] = z[i] > 0 ? z[i] : 0. */
  relu(out: number, z: number, count: number): void;
  /** dz[i] = z[i] > 0 ? da[i] : 0. */
  reluGrad(dz: number, z: number, da: number, count: number): void;
  /** `wasm-simd128` or `typescript`, for logs and tests. */
  name: string;
}

const f32 = Math.fround;

/** The reference kernels: every product and sum rounded to float32 as WebAssembly's f32x4 does. */
export function scalarKernels(): Kernels {
  const kernels: Kernels = {
    name: 'typescript',
    heap: new Float32Array(0),
    grow(floats) {
      if (floats <= kernels.heap.length) return;
      const next = new Float32Array(floats);
      next.set(kernels.heap);
      kernels.heap = next;
    },
    gemm(c, a, aRow, aStep, b, bias, rows, inner, n) {
      const h = kernels.heap;
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < n; j++) {
          let acc = bias ? h[bias + j] : 0;
          for (let t = 0, pa = a + i * aRow, pb = b + j; t < inner; t++, pa += aStep, pb += n) acc = f32(acc + f32(h[pa] * h[pb]));
          h[c + i * n + j] = acc;
        }
      }
    },
    colSum(out, a, rows, n) {
      const h = kernels.heap;
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let r = 0; r < rows; r++) acc = f32(acc + h[a + r * n + j]);
        h[out + j] = acc;
      }
    },
    relu(out, z, count) {
      const h = kernels.heap;
      // biome-ignore lint/complexity/useMathMinMax: NaN must give 0, as the SIMD mask does
      for (let i = 0; i < count; i++) h[out + i] = h[z + i] > 0 ? h[z + i] : 0;
    },
    reluGrad(dz, z, da, count) {
      const h = kernels.heap;
      for (let i = 0; i < count; i++) h[dz + i] = h[z + i] > 0 ? h[da + i] : 0;
    },
  };
  return kernels;
}
