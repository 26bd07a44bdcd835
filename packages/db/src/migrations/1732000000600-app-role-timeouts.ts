import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second line behind each request's own limits: a transaction of the application role left
 * idle (a request that stopped talking to its connection, whatever the bug) is ended by the
 * server after a minute, so it cannot hold a pooled connection, or row locks, for ever. The
 * API's requests set tighter limits of their own (their time budget); the scheduler's exports
 * run long statements, so no statement_timeout is set for the role as a whole.
 */
export class AppRoleTimeouts1732000000600 implements MigrationInterface {
  name = 'AppRoleTimeouts1732000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER ROLE ggw_app SET idle_in_transaction_session_timeout = '60s'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER ROLE ggw_app RESET idle_in_transaction_session_timeout`);
  }
}
