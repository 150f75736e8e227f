/**
 * `test`, `before` and `after` for a suite whose every test needs something the machine may lack (a
 * Docker engine, docker-registry). node:test counts a skipped `describe` as no test at all — `skipped 2`
 * hid 17 tests — so without it each test is reported skipped by itself, with the reason, and the hooks
 * (which would start registries or build images) do nothing.
 */
import { after, before, test } from 'node:test';

type Body = () => void | Promise<void>;

export interface SuiteFunctions {
  test(name: string, fn: Body): void;
  before(fn: Body): void;
  after(fn: Body): void;
}

export function skippable(skip: string | false): SuiteFunctions {
  if (skip === false) {
    return { test: (name, fn) => void test(name, fn), before: (fn) => before(fn), after: (fn) => after(fn) };
  }
  return { test: (name) => void test(name, { skip }, () => {}), before: () => {}, after: () => {} };
}
