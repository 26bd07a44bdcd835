/** Environment variable through which globalSetup tells test workers where the server is. */
export const TEST_ENV = 'GGW_TEST_DATABASE_URL_PATTERN';
export const TEMPLATE_EMPTY = 'ggw_template';
export const TEMPLATE_REFERENCE = 'ggw_template_reference';
