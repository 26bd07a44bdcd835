import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@ggw/testing';
import { LoginService } from './throttle';

/** Logins against the real database, as the application role: the counts live in PostgreSQL. */
describe('LoginService', () => {
  let db: TestDatabase;
  let app: DataSource;
  const limits = { perUserAndAddress: 5, perUser: 20, perAddress: 100, windowMs: 15 * 60_000 };
  beforeAll(async () => {
    db = await createTestDatabase({ reference: true });
    app = await db.appDataSource();
  });
  afterAll(() => db.drop());
  beforeEach(() => db.dataSource.query('DELETE FROM login_failure'));

  const code = (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code);

  it('locks a user at one address after 5 failures, not the same user elsewhere, nor a colleague there', async () => {
    const logins = new LoginService(app, limits);
    for (let i = 0; i < 5; i++) expect(await code(logins.attempt('jian-admin', 'wrong', '10.0.0.1'))).toBe('UNAUTHENTICATED');
    const refused = await logins.attempt('jian-admin', 'demo', '10.0.0.1').catch((e) => e);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } });
    expect(refused.details.retryAfterSeconds).toBeGreaterThan(890);
    expect(refused.details.retryAfterSeconds).toBeLessThanOrEqual(900);
    expect(await code(logins.attempt('jian-admin', 'demo', '10.0.0.2'))).toBe('OK');
    expect(await code(logins.attempt('taishang-admin', 'demo', '10.0.0.1'))).toBe('OK');
  });

  it('locks a username everywhere after 20 failures from changing addresses', async () => {
    const logins = new LoginService(app, limits);
    for (let i = 0; i < 20; i++) await code(logins.attempt('shihu-editor', 'wrong', `10.0.${i}.1`));
    expect(await code(logins.attempt('shihu-editor', 'demo', '192.0.2.9'))).toBe('RATE_LIMITED');
    expect(await code(logins.attempt('taishang-admin', 'demo', '192.0.2.9'))).toBe('OK');
  });

  it('an address is locked for everyone only at its own, much higher, ceiling', async () => {
    const logins = new LoginService(app, { ...limits, perAddress: 12 });
    for (let i = 0; i < 11; i++) await code(logins.attempt(`guess-${i}`, 'x', '10.0.0.7'));
    expect(await code(logins.attempt('jian-admin', 'demo', '10.0.0.7'))).toBe('OK');
    await code(logins.attempt('guess-11', 'x', '10.0.0.7'));
    expect(await code(logins.attempt('jian-admin', 'demo', '10.0.0.7'))).toBe('RATE_LIMITED');
    expect(await code(logins.attempt('jian-admin', 'demo', '10.0.0.8'))).toBe('OK');
  });

  it('a correct password clears the user’s failures', async () => {
    const logins = new LoginService(app, limits);
    for (let i = 0; i < 4; i++) await code(logins.attempt('jian-admin', 'wrong', '10.0.0.1'));
    expect(await code(logins.attempt('jian-admin', 'demo', '10.0.0.1'))).toBe('OK');
    for (let i = 0; i < 4; i++) await code(logins.attempt('jian-admin', 'wrong', '10.0.0.1'));
    expect(await code(logins.attempt('jian-admin', 'demo', '10.0.0.1'))).toBe('OK');
  });

  it('the application role can neither read nor change the failures except through the functions', async () => {
    for (const sql of ['SELECT * FROM login_failure', `DELETE FROM login_failure`, `INSERT INTO login_failure (key) VALUES ('x')`]) {
      await expect(app.query(sql)).rejects.toThrow(/permission denied/);
    }
  });
});
