// @ts-check
// Generated from engagement.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql file and run that command.

/** @import { Document, UnreadNotificationsData, UnreadNotificationsVariables, NotificationAddedData, NotificationAddedVariables, NotificationsData, NotificationsVariables, MarkThreadReadData, MarkThreadReadVariables, MarkNotificationsReadData, MarkNotificationsReadVariables, UpdateNotificationSettingsData, UpdateNotificationSettingsVariables, FollowData, FollowVariables, UnfollowData, UnfollowVariables, FollowsData, FollowsVariables, ViewerFollowData, ViewerFollowVariables, ThreadFollowedData, ThreadFollowedVariables } from './types' */

/** @type {Document<UnreadNotificationsData, UnreadNotificationsVariables>} */
export const UNREAD_NOTIFICATIONS_QUERY = /** @type {any} */ (`query UnreadNotifications {
  unreadNotificationCount
}`);

/** @type {Document<NotificationAddedData, NotificationAddedVariables>} */
export const NOTIFICATION_ADDED_SUBSCRIPTION = /** @type {any} */ (`subscription NotificationAdded {
  notificationAdded {
    ...NotificationFields
  }
}

fragment NotificationFields on Notification {
  id
  reason
  text
  url
  createdAt
  readAt
  thread {
    id
    title
  }
  actor {
    id
    displayName
  }
}`);

/** @type {Document<NotificationsData, NotificationsVariables>} */
export const NOTIFICATIONS_QUERY = /** @type {any} */ (`query Notifications($first: Int, $after: String) {
  unreadNotificationCount
  notifications(first: $first, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...NotificationFields
    }
  }
  notificationSettings {
    emailFrequency
    autoFollow
  }
}

fragment NotificationFields on Notification {
  id
  reason
  text
  url
  createdAt
  readAt
  thread {
    id
    title
  }
  actor {
    id
    displayName
  }
}`);

/** @type {Document<MarkThreadReadData, MarkThreadReadVariables>} */
export const MARK_THREAD_READ_MUTATION = /** @type {any} */ (`mutation MarkThreadRead($input: MarkThreadReadInput!) {
  markThreadRead(input: $input) {
    unreadNotificationCount
    errors {
      field
      message
      code
    }
  }
}`);

/** @type {Document<MarkNotificationsReadData, MarkNotificationsReadVariables>} */
export const MARK_NOTIFICATIONS_READ_MUTATION = /** @type {any} */ (`mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) {
    unreadNotificationCount
    errors {
      field
      message
      code
    }
  }
}`);

/** @type {Document<UpdateNotificationSettingsData, UpdateNotificationSettingsVariables>} */
export const UPDATE_NOTIFICATION_SETTINGS_MUTATION = /** @type {any} */ (`mutation UpdateNotificationSettings($input: NotificationSettingsInput!) {
  updateNotificationSettings(input: $input) {
    settings {
      emailFrequency
      autoFollow
    }
    errors {
      field
      message
      code
    }
  }
}`);

/** @type {Document<FollowData, FollowVariables>} */
export const FOLLOW_MUTATION = /** @type {any} */ (`mutation Follow($input: FollowTarget!) {
  follow(input: $input) {
    follow {
      id
    }
    errors {
      field
      message
      code
    }
  }
}`);

/** @type {Document<UnfollowData, UnfollowVariables>} */
export const UNFOLLOW_MUTATION = /** @type {any} */ (`mutation Unfollow($input: FollowTarget!) {
  unfollow(input: $input) {
    removed
    errors {
      field
      message
      code
    }
  }
}`);

/** @type {Document<FollowsData, FollowsVariables>} */
export const FOLLOWS_QUERY = /** @type {any} */ (`query Follows($first: Int, $after: String) {
  follows(first: $first, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      createdAt
      pillar
      organisationType
      topic
      thread {
        id
        title
      }
      organisation {
        id
        slug
        name
      }
    }
  }
}`);

/** @type {Document<ViewerFollowData, ViewerFollowVariables>} */
export const VIEWER_FOLLOW_QUERY = /** @type {any} */ (`query ViewerFollow($target: FollowTarget!) {
  viewerFollow(target: $target) {
    id
  }
}`);

/** @type {Document<ThreadFollowedData, ThreadFollowedVariables>} */
export const THREAD_FOLLOWED_QUERY = /** @type {any} */ (`query ThreadFollowed($id: ID!) {
  node(id: $id) {
    __typename
    ... on Thread {
      id
      viewerFollows
    }
  }
}`);
