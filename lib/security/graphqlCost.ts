import { GraphQLError, type ValidationRule } from 'graphql'
import { createComplexityRule, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity'

/** The most one GraphQL request may cost (a page of 100 articles with their fields is about 2,500). */
export const MAX_GRAPHQL_COST = 5_000
/** A list query runs two SQL queries (rows and count) whatever it selects. */
const LIST_BASE_COST = 25
/** Payload's page size when a query names no limit. */
const DEFAULT_LIMIT = 10

/**
 * A field that takes `limit` returns that many documents: its selection costs that many times over.
 * `limit: 0` and `pagination: false` mean "every row", so they cost more than any request may.
 * Aliases are separate fields to the visitor, so 200 aliases of one query cost 200 times as much.
 */
const limitEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'limit')) return undefined
  const limit = args.limit
  const rows =
    args.pagination === false || limit === 0
      ? Infinity
      : typeof limit === 'number' && limit > 0
        ? limit
        : typeof limit === 'number'
          ? Infinity
          : DEFAULT_LIMIT
  return LIST_BASE_COST + rows * Math.max(1, childComplexity)
}

/** Added to Payload's own complexity rule (graphQL.validationRules in payload.config.ts). */
export const graphqlCostRule = (variables: Record<string, unknown> | null | undefined): ValidationRule =>
  createComplexityRule({
    maximumComplexity: MAX_GRAPHQL_COST,
    variables: variables ?? {},
    estimators: [limitEstimator, simpleEstimator({ defaultComplexity: 1 })],
    createError: (max, actual) =>
      new GraphQLError(
        `Query too expensive: it would cost ${Number.isFinite(actual) ? actual : 'unbounded'}, the most allowed is ${max}. Ask for fewer documents (limit) or fewer aliases.`,
      ),
  })
