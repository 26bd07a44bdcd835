/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Volunteers($code: String!, $after: String) {\n  org(code: $code) {\n    id\n    name\n    volunteers(first: 5, after: $after, period: \"2020\") {\n      edges {\n        cursor\n        node {\n          id\n          name\n          category\n          joinedOn\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n        startCursor\n        hasPreviousPage\n      }\n    }\n  }\n}\n\nquery VolunteerById($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Volunteer {\n      name\n      category\n    }\n  }\n}\n\nquery CountyRollup($code: String!) {\n  org(code: $code) {\n    id\n    rollup(period: \"2020\") {\n      id\n      orgCount\n      fiveGoodRate\n      donationTotal\n      figures(keys: [orgCount, donationTotal]) {\n        key\n        label\n        value\n      }\n    }\n  }\n}\n\nquery Me {\n  me {\n    user {\n      username\n      displayName\n    }\n    roles {\n      role\n      org {\n        code\n        name\n        level\n      }\n    }\n  }\n}": typeof types.VolunteersDocument,
};
const documents: Documents = {
    "query Volunteers($code: String!, $after: String) {\n  org(code: $code) {\n    id\n    name\n    volunteers(first: 5, after: $after, period: \"2020\") {\n      edges {\n        cursor\n        node {\n          id\n          name\n          category\n          joinedOn\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n        startCursor\n        hasPreviousPage\n      }\n    }\n  }\n}\n\nquery VolunteerById($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Volunteer {\n      name\n      category\n    }\n  }\n}\n\nquery CountyRollup($code: String!) {\n  org(code: $code) {\n    id\n    rollup(period: \"2020\") {\n      id\n      orgCount\n      fiveGoodRate\n      donationTotal\n      figures(keys: [orgCount, donationTotal]) {\n        key\n        label\n        value\n      }\n    }\n  }\n}\n\nquery Me {\n  me {\n    user {\n      username\n      displayName\n    }\n    roles {\n      role\n      org {\n        code\n        name\n        level\n      }\n    }\n  }\n}": types.VolunteersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Volunteers($code: String!, $after: String) {\n  org(code: $code) {\n    id\n    name\n    volunteers(first: 5, after: $after, period: \"2020\") {\n      edges {\n        cursor\n        node {\n          id\n          name\n          category\n          joinedOn\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n        startCursor\n        hasPreviousPage\n      }\n    }\n  }\n}\n\nquery VolunteerById($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Volunteer {\n      name\n      category\n    }\n  }\n}\n\nquery CountyRollup($code: String!) {\n  org(code: $code) {\n    id\n    rollup(period: \"2020\") {\n      id\n      orgCount\n      fiveGoodRate\n      donationTotal\n      figures(keys: [orgCount, donationTotal]) {\n        key\n        label\n        value\n      }\n    }\n  }\n}\n\nquery Me {\n  me {\n    user {\n      username\n      displayName\n    }\n    roles {\n      role\n      org {\n        code\n        name\n        level\n      }\n    }\n  }\n}"): (typeof documents)["query Volunteers($code: String!, $after: String) {\n  org(code: $code) {\n    id\n    name\n    volunteers(first: 5, after: $after, period: \"2020\") {\n      edges {\n        cursor\n        node {\n          id\n          name\n          category\n          joinedOn\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n        startCursor\n        hasPreviousPage\n      }\n    }\n  }\n}\n\nquery VolunteerById($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Volunteer {\n      name\n      category\n    }\n  }\n}\n\nquery CountyRollup($code: String!) {\n  org(code: $code) {\n    id\n    rollup(period: \"2020\") {\n      id\n      orgCount\n      fiveGoodRate\n      donationTotal\n      figures(keys: [orgCount, donationTotal]) {\n        key\n        label\n        value\n      }\n    }\n  }\n}\n\nquery Me {\n  me {\n    user {\n      username\n      displayName\n    }\n    roles {\n      role\n      org {\n        code\n        name\n        level\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;