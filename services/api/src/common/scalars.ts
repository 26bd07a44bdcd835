import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { AppError, parsePeriod, PERIOD_FORMATS } from '@ggw/domain';

export { GraphQLDate as DateScalar, GraphQLDateTime as DateTimeScalar } from 'graphql-scalars';

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

/**
 * Money (元) and other exact decimals as text, never a float: `"1500.50"`. Read from a numeric
 * column it is the database's own text; a sum computed here is given with two places.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: '十进制数,以文字表示(金额以元计,如 "1500.50"),不用浮点数,避免舍入误差',
  serialize(value) {
    if (typeof value === 'number' && Number.isFinite(value)) return value.toFixed(2);
    if (typeof value === 'string' && DECIMAL.test(value)) return value;
    throw new GraphQLError(`Decimal cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value === 'string' && DECIMAL.test(value)) return value;
    throw new GraphQLError('应为文字形式的十进制数,如 "1500.50"');
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && DECIMAL.test(ast.value)) return ast.value;
    throw new GraphQLError('应为文字形式的十进制数,如 "1500.50"');
  },
});

/** Parses a period's text to its canonical key, or says in Chinese what is wrong with it. */
function periodKey(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError(`期间应为文字:${PERIOD_FORMATS}`);
  try {
    return parsePeriod(value).key;
  } catch (error) {
    throw new GraphQLError(error instanceof AppError ? error.message : `期间格式不正确:${PERIOD_FORMATS}`);
  }
}

/**
 * A reporting period, `2020`, `2020Q3` or `2020-06`: checked where the query is validated, so a
 * typo in a client's document fails when the client is built, not when it runs.
 */
export const PeriodScalar = new GraphQLScalarType({
  name: 'Period',
  description: `期间:${PERIOD_FORMATS.replace(/`/g, '')}`,
  serialize: (value) => periodKey(value),
  parseValue: (value) => periodKey(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`期间应为文字:${PERIOD_FORMATS}`);
    return periodKey(ast.value);
  },
});
