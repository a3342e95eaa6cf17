import { changeWindows } from './date-windows';

describe('changeWindows', () => {
  test('contracts started between the two dates, in either order; no end window without a known retention', () => {
    expect(changeWindows('2024-02-07', '2024-01-22', [null, null])).toEqual({ startWindows: [{ from: '2024-01-22', to: '2024-02-07' }], endWindows: [] });
  });

  test('one end window per known retention, shifted back by it and widened by 4 days', () => {
    expect(changeWindows('2024-01-22', '2024-02-12', [6, null, 0, 6])).toEqual({
      startWindows: [{ from: '2024-01-22', to: '2024-02-12' }],
      endWindows: [
        { from: '2024-01-18', to: '2024-02-16' },
        { from: '2023-07-18', to: '2023-08-16' },
      ],
    });
  });

  test('holds every end date whose retention runs out between the dates, month ends included', () => {
    // Neo4j: 2023-08-31 + 6 months = 2024-02-29 (clamped), so that contract changes between
    // 2024-02-28 and 2024-03-01; its end date must be inside the window.
    const [w] = changeWindows('2024-02-28', '2024-03-01', [6]).endWindows;
    expect(w.from <= '2023-08-31' && '2023-08-31' <= w.to).toBe(true);
    // 2023-09-30 + 5 months = 2024-02-29 as well.
    const [v] = changeWindows('2024-02-28', '2024-03-01', [5]).endWindows;
    expect(v.from <= '2023-09-30' && '2023-09-30' <= v.to).toBe(true);
  });

  test('bad input shows the value', () => {
    expect(() => changeWindows('2024-1-2', '2024-01-22', [])).toThrow('"2024-1-2"');
    expect(() => changeWindows('2024-01-02', '2024-01-22', [-1])).toThrow('-1');
    expect(() => changeWindows('2024-01-02', '2024-01-22', [1.5])).toThrow('1.5');
  });
});
