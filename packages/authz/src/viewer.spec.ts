import { isWithin } from './viewer';

/** ltree's `<@` on dotted code paths, as the database reads it: the path's labels begin with the scope's. */
const below = (path: string, scope: string) => {
  const p = path.split('.');
  const s = scope.split('.');
  return s.length <= p.length && s.every((label, i) => label === p[i]);
};

describe('isWithin (the gate checks it on every field of every org)', () => {
  it('holds for the scope itself and what is below it, and nothing else', () => {
    expect(isWithin('220582', '220582')).toBe(true);
    expect(isWithin('22.220582.220582001', '22.220582')).toBe(true);
    expect(isWithin('22.2205821', '22.220582')).toBe(false); // a label that merely starts alike
    expect(isWithin('22.220582', '22.220582.220582001')).toBe(false); // above is not within
    expect(isWithin('22.220583', '22.220582')).toBe(false);
    expect(isWithin('', '22')).toBe(false);
  });

  it('agrees with ltree containment on random paths', () => {
    const labels = ['1', '2', '12', '21', '220582', '2205820'];
    const random = () => Array.from({ length: 1 + Math.floor(Math.random() * 4) }, () => labels[Math.floor(Math.random() * labels.length)]).join('.');
    for (let i = 0; i < 5000; i++) {
      const [path, scope] = [random(), random()];
      expect([path, scope, isWithin(path, scope)]).toEqual([path, scope, below(path, scope)]);
    }
  });
});
