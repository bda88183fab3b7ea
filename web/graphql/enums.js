// @ts-check
// Generated from schema.graphql by `.venv/bin/python -m tests.web.documents`: the values of the API's enums.

/** @type {ReadonlyArray<import('./types').ApplicationStatus>} */
export const APPLICATION_STATUS_VALUES = Object.freeze(['PENDING', 'APPROVED', 'REJECTED']);

/** @type {ReadonlyArray<import('./types').EmailFrequency>} */
export const EMAIL_FREQUENCY_VALUES = Object.freeze(['IMMEDIATELY', 'DAILY', 'WEEKLY', 'NEVER']);

/** @type {ReadonlyArray<import('./types').EventFormat>} */
export const EVENT_FORMAT_VALUES = Object.freeze(['ONLINE', 'IN_PERSON', 'HYBRID']);

/** @type {ReadonlyArray<import('./types').MemberRole>} */
export const MEMBER_ROLE_VALUES = Object.freeze(['MEMBER', 'RESEARCHER', 'MODERATOR', 'ADMIN']);

/** @type {ReadonlyArray<import('./types').NotificationReason>} */
export const NOTIFICATION_REASON_VALUES = Object.freeze(['REPLY', 'EXPERT_REPLY', 'ANSWER_ACCEPTED', 'NEW_THREAD', 'MENTION', 'MEMBERSHIP', 'EVENT', 'PARTNERS']);

/** @type {ReadonlyArray<import('./types').OrganisationOrder>} */
export const ORGANISATION_ORDER_VALUES = Object.freeze(['NAME', 'LAST_ACTIVITY']);

/** @type {ReadonlyArray<import('./types').OrganisationType>} */
export const ORGANISATION_TYPE_VALUES = Object.freeze(['GOVERNMENT_DEPARTMENT', 'PUBLIC_BANK', 'INTERNATIONAL_AGENCY', 'STRATEGIC_DESIGN_AGENCY', 'RESEARCH_INNOVATION_AGENCY', 'DIGITAL_AGENCY', 'LOCAL_REGIONAL_GOVERNMENT', 'SPACE_AGENCY', 'RESEARCH_INSTITUTE']);

/** @type {ReadonlyArray<import('./types').RoarPillar>} */
export const ROAR_PILLAR_VALUES = Object.freeze(['ROUTES_AND_DIRECTIONS', 'ORGANISATIONAL_CAPACITY', 'ASSESSMENT', 'RISKS_AND_REWARDS']);

/** @type {ReadonlyArray<import('./types').ThreadChange>} */
export const THREAD_CHANGE_VALUES = Object.freeze(['REPLY_ADDED', 'POST_EDITED', 'ANSWER_ACCEPTED', 'STATUS_CHANGED', 'POST_HIDDEN', 'POST_SHOWN']);

/** @type {ReadonlyArray<import('./types').ThreadKind>} */
export const THREAD_KIND_VALUES = Object.freeze(['CHALLENGE', 'DISCUSSION', 'CASE_EXAMPLE']);

/** @type {ReadonlyArray<import('./types').ThreadOrder>} */
export const THREAD_ORDER_VALUES = Object.freeze(['LAST_ACTIVITY', 'NEWEST', 'MOST_REPLIES', 'FEWEST_REPLIES', 'OLDEST_UNANSWERED']);

/** @type {ReadonlyArray<import('./types').ThreadStatus>} */
export const THREAD_STATUS_VALUES = Object.freeze(['OPEN', 'ANSWERED', 'CLOSED']);

/** @type {ReadonlyArray<import('./types').UserErrorCode>} */
export const USER_ERROR_CODE_VALUES = Object.freeze(['INVALID', 'TOO_LONG', 'TOO_SHORT', 'REQUIRED', 'DUPLICATE', 'CLOSED', 'TOO_COMPLEX']);

/** @type {ReadonlyArray<import('./types').Visibility>} */
export const VISIBILITY_VALUES = Object.freeze(['PUBLIC', 'MEMBERS']);
