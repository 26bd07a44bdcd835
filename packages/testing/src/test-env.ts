/** Environment variable through which globalSetup tells test workers where the server is. */
export const TEST_ENV = 'GGW_TEST_DATABASE_URL_PATTERN';
export const TEMPLATE_EMPTY = 'ggw_template';
export const TEMPLATE_REFERENCE = 'ggw_template_reference';
/** Password the test cluster gives the application role `ggw_app` (loopback only, throw-away cluster). */
export const TEST_APP_PASSWORD = 'ggw-app-test-password';
/** Token secret of test servers, so tests can forge tokens (expired, wrong subject, …). */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
