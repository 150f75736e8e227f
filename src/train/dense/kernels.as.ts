/**
 * AssemblyScript source of the dense engine's matrix kernels (compiled by src/train/dense/wasm.ts; not
 * TypeScript for tsc, which is why tsconfig excludes *.as.ts). Fixed-width SIMD only (f32x4, no relaxed
 * SIMD, no FMA): every output element is one scalar chain of float32 multiply-then-add in a fixed order,
 * lanes never mix, so the result does not depend on the CPU, and the scalar TypeScript kernels
 * (kernels.ts) compute the same bits.
 *
 * All pointers are byte offsets into the exported memory; matrices are float32, row-major.
 */

/**
 * C[i, j] = bias[j] + Σ_t A[i·aRow + t·aStep] · B[t·n + j], t ascending (bias 0 when biasPtr is 0).
 * A·B is aRow = k, aStep = 1; Aᵀ·B (A stored m × k, summing over its rows) is aRow = 1, aStep = k.
 */
export function gemm(c: usize, a: usize, aRow: i32, aStep: i32, b: usize, biasPtr: usize, rows: i32, inner: i32, n: i32): void {
  const aRowBytes = (<usize>aRow) << 2;
  const aStepBytes = (<usize>aStep) << 2;
  const nBytes = (<usize>n) << 2;
  let j = 0;
  // Blocks of 16 columns, two rows at a time: 8 accumulators, each B load used twice.
  for (; j + 16 <= n; j += 16) {
    const jb = (<usize>j) << 2;
    let i = 0;
    for (; i + 2 <= rows; i += 2) {
      let a0 = biasPtr ? v128.load(biasPtr + jb) : f32x4.splat(0);
      let a1 = biasPtr ? v128.load(biasPtr + jb + 16) : f32x4.splat(0);
      let a2 = biasPtr ? v128.load(biasPtr + jb + 32) : f32x4.splat(0);
      let a3 = biasPtr ? v128.load(biasPtr + jb + 48) : f32x4.splat(0);
      let c0 = a0;
      let c1 = a1;
      let c2 = a2;
      let c3 = a3;
      let pa = a + <usize>i * aRowBytes;
      let pb = b + jb;
      for (let t = 0; t < inner; t++) {
        const x = f32x4.splat(load<f32>(pa));
        const y = f32x4.splat(load<f32>(pa + aRowBytes));
        const b0 = v128.load(pb);
        const b1 = v128.load(pb, 16);
        const b2 = v128.load(pb, 32);
        const b3 = v128.load(pb, 48);
        a0 = f32x4.add(a0, f32x4.mul(x, b0));
        a1 = f32x4.add(a1, f32x4.mul(x, b1));
        a2 = f32x4.add(a2, f32x4.mul(x, b2));
        a3 = f32x4.add(a3, f32x4.mul(x, b3));
        c0 = f32x4.add(c0, f32x4.mul(y, b0));
        c1 = f32x4.add(c1, f32x4.mul(y, b1));
        c2 = f32x4.add(c2, f32x4.mul(y, b2));
        c3 = f32x4.add(c3, f32x4.mul(y, b3));
        pa += aStepBytes;
        pb += nBytes;
      }
      const pc = c + <usize>i * nBytes + jb;
      v128.store(pc, a0);
      v128.store(pc, a1, 16);
      v128.store(pc, a2, 32);
      v128.store(pc, a3, 48);
      v128.store(pc + nBytes, c0);
      v128.store(pc + nBytes, c1, 16);
      v128.store(pc + nBytes, c2, 32);
      v128.store(pc + nBytes, c3, 48);
    }
    for (; i < rows; i++) {
      let a0 = biasPtr ? v128.load(biasPtr + jb) : f32x4.splat(0);
      let a1 = biasPtr ? v128.load(biasPtr + jb + 16) : f32x4.splat(0);
      let a2 = biasPtr ? v128.load(biasPtr + jb + 32) : f32x4.splat(0);
      let a3 = biasPtr ? v128.load(biasPtr + jb + 48) : f32x4.splat(0);
      let pa = a + <usize>i * aRowBytes;
      let pb = b + jb;
      for (let t = 0; t < inner; t++) {
        const x = f32x4.splat(load<f32>(pa));
        a0 = f32x4.add(a0, f32x4.mul(x, v128.load(pb)));
        a1 = f32x4.add(a1, f32x4.mul(x, v128.load(pb, 16)));
        a2 = f32x4.add(a2, f32x4.mul(x, v128.load(pb, 32)));
        a3 = f32x4.add(a3, f32x4.mul(x, v128.load(pb, 48)));
        pa += aStepBytes;
        pb += nBytes;
      }
      const pc = c + <usize>i * nBytes + jb;
      v128.store(pc, a0);
      v128.store(pc, a1, 16);
      v128.store(pc, a2, 32);
      v128.store(pc, a3, 48);
    }
  }
  // Blocks of 4 columns, four rows at a time.
  for (; j + 4 <= n; j += 4) {
    const jb = (<usize>j) << 2;
    let i = 0;
    for (; i + 4 <= rows; i += 4) {
      let a0 = biasPtr ? v128.load(biasPtr + jb) : f32x4.splat(0);
      let a1 = a0;
      let a2 = a0;
      let a3 = a0;
      let pa = a + <usize>i * aRowBytes;
      let pb = b + jb;
      for (let t = 0; t < inner; t++) {
        const bv = v128.load(pb);
        a0 = f32x4.add(a0, f32x4.mul(f32x4.splat(load<f32>(pa)), bv));
        a1 = f32x4.add(a1, f32x4.mul(f32x4.splat(load<f32>(pa + aRowBytes)), bv));
        a2 = f32x4.add(a2, f32x4.mul(f32x4.splat(load<f32>(pa + 2 * aRowBytes)), bv));
        a3 = f32x4.add(a3, f32x4.mul(f32x4.splat(load<f32>(pa + 3 * aRowBytes)), bv));
        pa += aStepBytes;
        pb += nBytes;
      }
      const pc = c + <usize>i * nBytes + jb;
      v128.store(pc, a0);
      v128.store(pc + nBytes, a1);
      v128.store(pc + 2 * nBytes, a2);
      v128.store(pc + 3 * nBytes, a3);
    }
    for (; i < rows; i++) {
      let a0 = biasPtr ? v128.load(biasPtr + jb) : f32x4.splat(0);
      let pa = a + <usize>i * aRowBytes;
      let pb = b + jb;
      for (let t = 0; t < inner; t++) {
        a0 = f32x4.add(a0, f32x4.mul(f32x4.splat(load<f32>(pa)), v128.load(pb)));
        pa += aStepBytes;
        pb += nBytes;
      }
      v128.store(c + <usize>i * nBytes + jb, a0);
    }
  }
  // The last columns one at a time (a single output unit: four rows per pass, one lane each).
  for (; j < n; j++) {
    const jb = (<usize>j) << 2;
    const start: f32 = biasPtr ? load<f32>(biasPtr + jb) : 0;
    let i = 0;
    for (; i + 4 <= rows; i += 4) {
      let acc = f32x4.splat(start);
      let pa = a + <usize>i * aRowBytes;
      let pb = b + jb;
      for (let t = 0; t < inner; t++) {
        let x = f32x4.splat(load<f32>(pa));
        x = f32x4.replace_lane(x, 1, load<f32>(pa + aRowBytes));
        x = f32x4.replace_lane(x, 2, load<f32>(pa + 2 * aRowBytes));
        x = f32x4.replace_lane(x, 3, load<f32>(pa + 3 * aRowBytes));
        acc = f32x4.add(acc, f32x4.mul(x, f32x4.splat(load<f32>(pb))));
        pa += aStepBytes;
        pb += nBytes;
      }
      const pc = c + <usize>i * nBytes + jb;
      store<f32>(pc, f32x4.extract_lane(acc, 0));
      store<f32>(pc + nBytes, f32x4.extract_lane(acc, 1));
      store<f32>(pc + 2 * nBytes, f32x4.extract_lane(acc, 2));
      store<f32>(pc + 3 * nBytes, f32x4.extract_lane(acc, 3));
    }
    for (; i < rows; i++) {
      let acc = start;
      let pa = a + <usize>i * aRowBytes;
      let pb = b + jb;
      for (let t = 0; t < inner; t++) {
        acc += load<f32>(pa) * load<f32>(pb);
        pa += aStepBytes;
        pb += nBytes;
      }
      store<f32>(c + <usize>i * nBytes + jb, acc);
    }
  }
}

/** out[j] = Σ_r A[r·n + j], r ascending. */
export function colSum(out: usize, a: usize, rows: i32, n: i32): void {
  const nBytes = (<usize>n) << 2;
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    let acc = f32x4.splat(0);
    let p = a + ((<usize>j) << 2);
    for (let r = 0; r < rows; r++) {
      acc = f32x4.add(acc, v128.load(p));
      p += nBytes;
    }
    v128.store(out + ((<usize>j) << 2), acc);
  }
  for (; j < n; j++) {
    let acc: f32 = 0;
    let p = a + ((<usize>j) << 2);
    for (let r = 0; r < rows; r++) {
      acc += load<f32>(p);
      p += nBytes;
    }
    store<f32>(out + ((<usize>j) << 2), acc);
  }
}

/** out[i] = z[i] > 0 ? z[i] : 0 (tfjs's relu; NaN gives 0). */
export function relu(out: usize, z: usize, count: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = (<usize>i) << 2;
    const v = v128.load(z + o);
    v128.store(out + o, v128.and(v, f32x4.gt(v, zero)));
  }
  for (; i < count; i++) {
    const v = load<f32>(z + ((<usize>i) << 2));
    // biome-ignore lint/complexity/useMathMinMax: NaN must give 0, as the SIMD mask does
    store<f32>(out + ((<usize>i) << 2), v > 0 ? v : 0);
  }
}

/** dz[i] = z[i] > 0 ? da[i] : 0 (tfjs's relu gradient: 0 at 0). */
export function reluGrad(dz: usize, z: usize, da: usize, count: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(dz + o, v128.and(v128.load(da + o), f32x4.gt(v128.load(z + o), zero)));
  }
  for (; i < count; i++) {
    const o = (<usize>i) << 2;
    store<f32>(dz + o, load<f32>(z + o) > 0 ? load<f32>(da + o) : 0);
  }
}
