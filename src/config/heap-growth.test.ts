import v8 from 'node:v8';
import { applyHeapGrowth, EXPORT_HEAP_GROWTH_PERCENT, heapGrowthInForce, holdHeapGrowth } from './heap-growth';

afterEach(() => {
  jest.restoreAllMocks();
  applyHeapGrowth(0);
});

test('an export holds the growth to 50 % while it streams, then gives V8 its own factor back', () => {
  const flags = jest.spyOn(v8, 'setFlagsFromString');
  applyHeapGrowth(0);
  expect(heapGrowthInForce()).toBe(0);
  const release = holdHeapGrowth();
  expect(heapGrowthInForce()).toBe(EXPORT_HEAP_GROWTH_PERCENT);
  release();
  expect(heapGrowthInForce()).toBe(0);
  expect(flags.mock.calls.map(([f]) => f)).toEqual(['--heap-growing-percent=50', '--heap-growing-percent=0']);
});

test('holds nest: two exports at once keep the growth held until the last one ends', () => {
  const first = holdHeapGrowth();
  const second = holdHeapGrowth();
  first();
  expect(heapGrowthInForce()).toBe(EXPORT_HEAP_GROWTH_PERCENT);
  second();
  expect(heapGrowthInForce()).toBe(0);
});

test('a configured growth already as tight is kept during an export, a looser one is tightened, and each is restored', () => {
  applyHeapGrowth(30);
  const tight = holdHeapGrowth();
  expect(heapGrowthInForce()).toBe(30);
  tight();
  expect(heapGrowthInForce()).toBe(30);
  applyHeapGrowth(200);
  const loose = holdHeapGrowth();
  expect(heapGrowthInForce()).toBe(EXPORT_HEAP_GROWTH_PERCENT);
  loose();
  expect(heapGrowthInForce()).toBe(200);
});

test('a configuration set while an export holds takes effect once it ends', () => {
  const release = holdHeapGrowth();
  applyHeapGrowth(100);
  expect(heapGrowthInForce()).toBe(EXPORT_HEAP_GROWTH_PERCENT);
  release();
  expect(heapGrowthInForce()).toBe(100);
});

test('misuse shows the bad value: a negative or fractional growth, a release called twice', () => {
  expect(() => applyHeapGrowth(-5)).toThrow('heap growth must be a whole percentage, not -5');
  expect(() => applyHeapGrowth(12.5)).toThrow('not 12.5');
  const release = holdHeapGrowth();
  release();
  expect(() => release()).toThrow('released twice');
});
