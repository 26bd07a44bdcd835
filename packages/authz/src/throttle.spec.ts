import { LoginThrottle } from './throttle';

describe('LoginThrottle', () => {
  const limits = { perUserAndAddress: 5, perUser: 20, perAddress: 100, windowMs: 15 * 60_000 };
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('locks a user at one address after 5 failures, not the same user elsewhere, nor a colleague there', () => {
    const c = clock();
    const th = new LoginThrottle(limits, c.now);
    for (let i = 0; i < 5; i++) th.fail('wang', '10.0.0.1');
    expect(th.retryAfter('wang', '10.0.0.1')).toBe(900);
    expect(th.retryAfter('wang', '10.0.0.2')).toBe(0);
    expect(th.retryAfter('li', '10.0.0.1')).toBe(0);
    c.advance(600_000);
    expect(th.retryAfter('wang', '10.0.0.1')).toBe(300);
    c.advance(300_000);
    expect(th.retryAfter('wang', '10.0.0.1')).toBe(0);
  });

  it('locks a username everywhere after 20 failures from changing addresses', () => {
    const th = new LoginThrottle(limits, clock().now);
    for (let i = 0; i < 20; i++) th.fail('wang', `10.0.${i}.1`);
    expect(th.retryAfter('wang', '192.0.2.9')).toBeGreaterThan(0);
    expect(th.retryAfter('li', '192.0.2.9')).toBe(0);
  });

  it('an address is locked for everyone only at its own, much higher, ceiling', () => {
    const th = new LoginThrottle(limits, clock().now);
    for (let i = 0; i < 99; i++) th.fail(`guess-${i}`, '10.0.0.1');
    expect(th.retryAfter('li', '10.0.0.1')).toBe(0);
    th.fail('guess-99', '10.0.0.1');
    expect(th.retryAfter('li', '10.0.0.1')).toBeGreaterThan(0);
    expect(th.retryAfter('li', '10.0.0.2')).toBe(0);
  });

  it('a correct password clears the user, and keeps at most the last `limit` failures per key', () => {
    const th = new LoginThrottle(limits, clock().now);
    for (let i = 0; i < 4; i++) th.fail('wang', '10.0.0.1');
    th.succeed('wang', '10.0.0.1');
    for (let i = 0; i < 4; i++) th.fail('wang', '10.0.0.1');
    expect(th.retryAfter('wang', '10.0.0.1')).toBe(0);
    for (let i = 0; i < 1000; i++) th.fail('flood', '10.0.0.9');
    expect((th as unknown as { failures: Map<string, number[]> }).failures.get('u:flood')).toHaveLength(20);
  });
});
