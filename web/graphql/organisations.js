// @ts-check
// Generated from organisations.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, DirectoryData, DirectoryVariables, DirectoryCountriesData, DirectoryCountriesVariables, DirectorySummaryData, DirectorySummaryVariables } from './types' */

/** @type {Document<DirectoryData, DirectoryVariables>} */
export const DIRECTORY_QUERY = /** @type {any} */ (`query Directory($filter: OrganisationFilter, $first: Int, $after: String, $orderBy: OrganisationOrder! = NAME) {
  organisations(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      slug
      name
      type
      country
      region
      description
      members(first: 1) {
        totalCount
      }
    }
  }
}`);

/** @type {Document<DirectoryCountriesData, DirectoryCountriesVariables>} */
export const DIRECTORY_COUNTRIES_QUERY = /** @type {any} */ (`query DirectoryCountries {
  organisations(first: 100) {
    nodes {
      country
    }
  }
}`);

/** @type {Document<DirectorySummaryData, DirectorySummaryVariables>} */
export const DIRECTORY_SUMMARY_QUERY = /** @type {any} */ (`query DirectorySummary {
  organisationDirectory {
    totalCount
    byType {
      type
      count
    }
  }
}`);
