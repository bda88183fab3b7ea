// @ts-check
// Generated from organisation.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, OrganisationData, OrganisationVariables, OrganisationMembersData, OrganisationMembersVariables, OrganisationThreadsData, OrganisationThreadsVariables, UpdateOrganisationProfileData, UpdateOrganisationProfileVariables } from './types' */

/** @type {Document<OrganisationData, OrganisationVariables>} */
export const ORGANISATION_QUERY = /** @type {any} */ (`query Organisation($slug: String!, $members: Int!, $threads: Int!) {
  organisation(slug: $slug) {
    id
    slug
    name
    type
    country
    countryName
    region
    website
    description
    descriptionHtml
    viewerCanEdit
    pillarCounts {
      pillar
      count
    }
    caseExamples(first: 5) {
      totalCount
      nodes {
        ...ThreadCardFields
      }
    }
    members(first: $members) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...MemberItemFields
      }
    }
    threads(first: $threads) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ThreadCardFields
      }
    }
  }
}

fragment ThreadCardFields on Thread {
  id
  kind
  title
  status
  visibility
  pillars
  organisationTypes
  topics
  author {
    id
    displayName
    isExpert
  }
  organisation {
    id
    slug
    name
  }
  replyCount
  expertReplyCount
  createdAt
  lastActivityAt
  participantCount
  participants(first: 4) {
    id
    displayName
  }
}

fragment MemberItemFields on Member {
  id
  displayName
  role
  isExpert
}`);

/** @type {Document<OrganisationMembersData, OrganisationMembersVariables>} */
export const ORGANISATION_MEMBERS_QUERY = /** @type {any} */ (`query OrganisationMembers($slug: String!, $first: Int!, $after: String) {
  organisation(slug: $slug) {
    id
    members(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...MemberItemFields
      }
    }
  }
}

fragment MemberItemFields on Member {
  id
  displayName
  role
  isExpert
}`);

/** @type {Document<OrganisationThreadsData, OrganisationThreadsVariables>} */
export const ORGANISATION_THREADS_QUERY = /** @type {any} */ (`query OrganisationThreads($slug: String!, $first: Int!, $after: String) {
  organisation(slug: $slug) {
    id
    threads(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ThreadCardFields
      }
    }
  }
}

fragment ThreadCardFields on Thread {
  id
  kind
  title
  status
  visibility
  pillars
  organisationTypes
  topics
  author {
    id
    displayName
    isExpert
  }
  organisation {
    id
    slug
    name
  }
  replyCount
  expertReplyCount
  createdAt
  lastActivityAt
  participantCount
  participants(first: 4) {
    id
    displayName
  }
}`);

/** @type {Document<UpdateOrganisationProfileData, UpdateOrganisationProfileVariables>} */
export const UPDATE_ORGANISATION_PROFILE_MUTATION = /** @type {any} */ (`mutation UpdateOrganisationProfile($input: UpdateOrganisationProfileInput!) {
  updateOrganisationProfile(input: $input) {
    organisation {
      id
      website
      description
      descriptionHtml
    }
    errors {
      ...UserErrorFields
    }
  }
}

fragment UserErrorFields on UserError {
  field
  message
  code
}`);
