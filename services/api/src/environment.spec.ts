import { resolve } from 'node:path';
import { EnvironmentError, parseEnvironment, WEB_APP_DOCUMENTS } from './environment';

describe('configuration', () => {
  it('has working defaults for a developer machine', () => {
    const env = parseEnvironment({});
    expect(env).toMatchObject({ port: 4000, production: false, graphiql: true, introspection: true, loadReferenceData: true, logLevel: 'info' });
    expect(env.databaseUrl).toBeUndefined();
    expect(env.dataDir).toMatch(/\.data$/);
  });

  it('turns GraphiQL, introspection and demo data off in production unless asked', () => {
    const secret = 'x'.repeat(32);
    expect(parseEnvironment({ NODE_ENV: 'production', JWT_SECRET: secret })).toMatchObject({ graphiql: false, introspection: false, loadReferenceData: false });
    expect(parseEnvironment({ NODE_ENV: 'production', JWT_SECRET: secret, GRAPHIQL: 'true' }).graphiql).toBe(true);
    expect(() => parseEnvironment({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });

  it('connects only as the application role when given APP_DATABASE_URL alone: nothing that needs the owner', () => {
    const app = { APP_DATABASE_URL: 'postgres://ggw_app:p@db:5432/ggw' };
    expect(parseEnvironment(app)).toMatchObject({ databaseUrl: undefined, appDatabaseUrl: app.APP_DATABASE_URL, loadReferenceData: false });
    expect(() => parseEnvironment({ ...app, LOAD_REFERENCE_DATA: 'true' })).toThrow(/LOAD_REFERENCE_DATA: needs DATABASE_URL/);
    expect(() => parseEnvironment({ ...app, JWT_SECRET: 'x'.repeat(32), PLATFORM_ADMIN: 'ops' })).toThrow(/PLATFORM_ADMIN: needs DATABASE_URL/);
    expect(parseEnvironment({ ...app, DATABASE_URL: 'postgres://owner:p@db:5432/ggw', LOAD_REFERENCE_DATA: 'true' }).loadReferenceData).toBe(true);
  });

  it('reads from the replicas named, with a lag bound the polls can keep', () => {
    expect(parseEnvironment({}).replicas).toEqual({ urls: [], maxLagMs: 1000, pollMs: 100 });
    const two = 'postgres://ggw_app:p@standby1:5432/ggw, postgres://ggw_app:p@standby2:5432/ggw';
    expect(parseEnvironment({ DATABASE_REPLICA_URLS: two, REPLICA_MAX_LAG_MS: '500' }).replicas).toEqual({
      urls: ['postgres://ggw_app:p@standby1:5432/ggw', 'postgres://ggw_app:p@standby2:5432/ggw'], maxLagMs: 500, pollMs: 100,
    });
    expect(() => parseEnvironment({ DATABASE_REPLICA_URLS: 'postgres://a@b/c,standby2' })).toThrow(/DATABASE_REPLICA_URLS: entry 2 is not a postgres:\/\/ URL/);
    expect(() => parseEnvironment({ REPLICA_MAX_LAG_MS: '100', REPLICA_POLL_MS: '100' })).toThrow(/REPLICA_POLL_MS: must be shorter/);
  });

  it('exports spans to an OpenTelemetry collector only when one is named', () => {
    expect(parseEnvironment({}).otlp).toBeUndefined();
    expect(parseEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/', OTEL_EXPORTER_OTLP_HEADERS: 'X-Api-Key=a%3Db, tenant=ggw' }).otlp).toEqual({
      url: 'http://collector:4318/v1/traces', headers: { 'x-api-key': 'a=b', tenant: 'ggw' }, serviceName: 'ggw-api',
    });
    expect(parseEnvironment({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/traces', OTEL_SERVICE_NAME: 'ggw-api-2' }).otlp).toMatchObject({ url: 'http://c:4318/traces', serviceName: 'ggw-api-2' });
    expect(() => parseEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });

  it('serves the dashboard and registers its operations, beside any other clients\' manifests', () => {
    expect(parseEnvironment({})).toMatchObject({ webApp: expect.stringMatching(/services\/web\/dist$/), trustedDocuments: { mode: 'off', files: [WEB_APP_DOCUMENTS] } });
    expect(parseEnvironment({ TRUSTED_DOCUMENTS: 'required', TRUSTED_DOCUMENTS_FILE: 'a.json, b.json' }).trustedDocuments).toEqual({ mode: 'required', files: [resolve('a.json'), resolve('b.json'), WEB_APP_DOCUMENTS] });
    expect(parseEnvironment({ WEB_APP_DIR: '' })).toMatchObject({ webApp: undefined, trustedDocuments: undefined });
    expect(() => parseEnvironment({ WEB_APP_DIR: '', TRUSTED_DOCUMENTS: 'required' })).toThrow(/TRUSTED_DOCUMENTS_FILE/);
  });

  it('reads every variable', () => {
    const env = parseEnvironment({ PORT: '8080', DATABASE_URL: 'postgres://u:p@db:5432/ggw', DATA_DIR: '/tmp/x', LOG_LEVEL: 'debug' });
    expect(env).toMatchObject({ port: 8080, databaseUrl: 'postgres://u:p@db:5432/ggw', dataDir: '/tmp/x', logLevel: 'debug' });
  });

  it('reports every bad value at once, each by its name', () => {
    let error: unknown;
    try {
      parseEnvironment({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const problems = (error as EnvironmentError).problems.join('\n');
    expect(problems).toMatch(/^PORT: .*"eighty"/m);
    expect(problems).toMatch(/^LOG_LEVEL: .*"loud"/m);
    expect(problems).toMatch(/^DATABASE_URL: /m);
  });
});
