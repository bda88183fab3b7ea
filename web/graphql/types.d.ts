// Generated from schema.graphql and web/graphql/*.graphql by `.venv/bin/python -m tests.web.documents`.
// Do not edit: edit the .graphql files and run that command.

/** A document of the web client whose answer is TData, asked with TVariables. */
export type Document<TData, TVariables> = string & {
  readonly __document: [TData, TVariables];
};

/** fragment ApplicationFields on MembershipApplication */
export type ApplicationFields = {
  id: string;
  organisationName: string;
  organisationType: OrganisationType;
  country: string;
  website: string | null;
  contactName: string;
  contactEmail: string | null;
  motivation: string;
  status: ApplicationStatus;
  submittedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  organisation: {
    id: string;
    slug: string;
    name: string;
  } | null;
};

/** fragment EmbedThreadFields on Thread */
export type EmbedThreadFields = {
  id: string;
  kind: ThreadKind;
  title: string;
  status: ThreadStatus;
  pillars: Array<RoarPillar>;
  organisation: {
    name: string;
    slug: string;
  } | null;
  replyCount: number;
  expertReplyCount: number;
  createdAt: string;
};

/** fragment NotificationFields on Notification */
export type NotificationFields = {
  id: string;
  reason: NotificationReason;
  text: string;
  url: string;
  createdAt: string;
  readAt: string | null;
  thread: {
    id: string;
    title: string;
  } | null;
  actor: {
    id: string;
    displayName: string;
  } | null;
};

/** fragment EventFields on Event */
export type EventFields = {
  id: string;
  title: string;
  descriptionHtml: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  format: EventFormat;
  location: string | null;
  joinUrl: string | null;
  pillars: Array<RoarPillar>;
  visibility: Visibility;
  attendeeCount: number;
  viewerAttends: boolean | null;
  url: string;
  icsUrl: string;
};

/** fragment ThreadCardFields on Thread */
export type ThreadCardFields = {
  id: string;
  kind: ThreadKind;
  title: string;
  status: ThreadStatus;
  visibility: Visibility;
  pillars: Array<RoarPillar>;
  organisationTypes: Array<OrganisationType>;
  topics: Array<string>;
  author: {
    id: string;
    displayName: string;
    isExpert: boolean;
  };
  organisation: {
    id: string;
    slug: string;
    name: string;
  } | null;
  replyCount: number;
  expertReplyCount: number;
  createdAt: string;
  lastActivityAt: string;
  participantCount: number;
  participants: Array<{
    id: string;
    displayName: string;
  }>;
};

/** fragment PostFields on Post */
export type PostFields = {
  id: string;
  body: string;
  bodyHtml: string;
  isExpertReply: boolean;
  isAccepted: boolean;
  viewerCanAccept: boolean;
  createdAt: string;
  editedAt: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  author: {
    id: string;
    displayName: string;
    role: MemberRole;
    isExpert: boolean;
    organisation: {
      id: string;
      slug: string;
      name: string;
    } | null;
  };
};

/** fragment UserErrorFields on UserError */
export type UserErrorFields = {
  field: Array<string>;
  message: string;
  code: UserErrorCode;
};

/** fragment MemberItemFields on Member */
export type MemberItemFields = {
  id: string;
  displayName: string;
  role: MemberRole;
  isExpert: boolean;
};

/** fragment ThreadContextFields on Thread */
export type ThreadContextFields = {
  id: string;
  status: ThreadStatus;
  replyCount: number;
  expertReplyCount: number;
  hidden: boolean;
  acceptedReply: PostFields | null;
  participantCount: number;
  everyone: Array<{
    id: string;
    displayName: string;
    role: MemberRole;
    isExpert: boolean;
    organisation: {
      id: string;
      slug: string;
      name: string;
    } | null;
  }>;
};

/** query MembershipApplications (applications.graphql) */
export type MembershipApplicationsData = {
  membershipApplications: {
    totalCount: number;
    nodes: Array<ApplicationFields>;
    pageInfo: {
      hasNextPage: boolean;
      endCursor: string | null;
    };
  };
};
export type MembershipApplicationsVariables = {
  status?: ApplicationStatus | null;
  first?: number | null;
  after?: string | null;
};

/** mutation DecideMembershipApplication (applications.graphql) */
export type DecideMembershipApplicationData = {
  decideMembershipApplication: {
    application: ApplicationFields | null;
    errors: Array<UserErrorFields>;
  };
};
export type DecideMembershipApplicationVariables = {
  input: DecideMembershipApplicationInput;
};

/** query Preview (editor.graphql) */
export type PreviewData = {
  renderMarkdown: string;
};
export type PreviewVariables = {
  markdown: string;
};

/** query EmbedOrganisations (embed-page.graphql) */
export type EmbedOrganisationsData = {
  organisations: {
    nodes: Array<{
      slug: string;
      name: string;
    }>;
  };
};
export type EmbedOrganisationsVariables = Record<string, never>;

/** query EmbedFeed (embed.graphql) */
export type EmbedFeedData = {
  threads: {
    nodes: Array<EmbedThreadFields>;
  };
};
export type EmbedFeedVariables = {
  filter?: ThreadFilter | null;
  first?: number | null;
};

/** subscription EmbedThreadStarted (embed.graphql) */
export type EmbedThreadStartedData = {
  threadStarted: EmbedThreadFields;
};
export type EmbedThreadStartedVariables = {
  filter?: ThreadFilter | null;
};

/** query UnreadNotifications (engagement.graphql) */
export type UnreadNotificationsData = {
  unreadNotificationCount: number;
};
export type UnreadNotificationsVariables = Record<string, never>;

/** subscription NotificationAdded (engagement.graphql) */
export type NotificationAddedData = {
  notificationAdded: NotificationFields;
};
export type NotificationAddedVariables = Record<string, never>;

/** query Notifications (engagement.graphql) */
export type NotificationsData = {
  unreadNotificationCount: number;
  notifications: {
    pageInfo: {
      hasNextPage: boolean;
      endCursor: string | null;
    };
    nodes: Array<NotificationFields>;
  };
  notificationSettings: {
    emailFrequency: EmailFrequency;
    autoFollow: boolean;
  };
};
export type NotificationsVariables = {
  first?: number | null;
  after?: string | null;
};

/** mutation MarkThreadRead (engagement.graphql) */
export type MarkThreadReadData = {
  markThreadRead: {
    unreadNotificationCount: number;
    errors: Array<{
      field: Array<string>;
      message: string;
      code: UserErrorCode;
    }>;
  };
};
export type MarkThreadReadVariables = {
  input: MarkThreadReadInput;
};

/** mutation MarkNotificationsRead (engagement.graphql) */
export type MarkNotificationsReadData = {
  markNotificationsRead: {
    unreadNotificationCount: number;
    errors: Array<{
      field: Array<string>;
      message: string;
      code: UserErrorCode;
    }>;
  };
};
export type MarkNotificationsReadVariables = {
  input: MarkNotificationsReadInput;
};

/** mutation UpdateNotificationSettings (engagement.graphql) */
export type UpdateNotificationSettingsData = {
  updateNotificationSettings: {
    settings: {
      emailFrequency: EmailFrequency;
      autoFollow: boolean;
    } | null;
    errors: Array<{
      field: Array<string>;
      message: string;
      code: UserErrorCode;
    }>;
  };
};
export type UpdateNotificationSettingsVariables = {
  input: NotificationSettingsInput;
};

/** mutation Follow (engagement.graphql) */
export type FollowData = {
  follow: {
    follow: {
      id: string;
    } | null;
    errors: Array<{
      field: Array<string>;
      message: string;
      code: UserErrorCode;
    }>;
  };
};
export type FollowVariables = {
  input: FollowTarget;
};

/** mutation Unfollow (engagement.graphql) */
export type UnfollowData = {
  unfollow: {
    removed: boolean;
    errors: Array<{
      field: Array<string>;
      message: string;
      code: UserErrorCode;
    }>;
  };
};
export type UnfollowVariables = {
  input: FollowTarget;
};

/** query Follows (engagement.graphql) */
export type FollowsData = {
  follows: {
    pageInfo: {
      hasNextPage: boolean;
      endCursor: string | null;
    };
    nodes: Array<{
      id: string;
      createdAt: string;
      pillar: RoarPillar | null;
      organisationType: OrganisationType | null;
      topic: string | null;
      thread: {
        id: string;
        title: string;
      } | null;
      organisation: {
        id: string;
        slug: string;
        name: string;
      } | null;
    }>;
  };
};
export type FollowsVariables = {
  first?: number | null;
  after?: string | null;
};

/** query ViewerFollow (engagement.graphql) */
export type ViewerFollowData = {
  viewerFollow: {
    id: string;
  } | null;
};
export type ViewerFollowVariables = {
  target: FollowTarget;
};

/** query ThreadFollowed (engagement.graphql) */
export type ThreadFollowedData = {
  node: ({
    __typename: 'Event' | 'Follow' | 'Member' | 'MembershipApplication' | 'Notification' | 'Organisation' | 'Post';
  } | {
    __typename: 'Thread';
    id: string;
    viewerFollows: boolean;
  }) | null;
};
export type ThreadFollowedVariables = {
  id: string;
};

/** query Events (events.graphql) */
export type EventsData = {
  events: {
    nodes: Array<EventFields>;
    pageInfo: {
      hasNextPage: boolean;
      endCursor: string | null;
    };
  };
};
export type EventsVariables = {
  upcoming?: boolean | null;
  first?: number | null;
  after?: string | null;
};

/** query EventPage (events.graphql) */
export type EventPageData = {
  node: ({
    __typename: 'Event';
  } & EventFields | {
    __typename: 'Follow' | 'Member' | 'MembershipApplication' | 'Notification' | 'Organisation' | 'Post' | 'Thread';
  }) | null;
};
export type EventPageVariables = {
  id: string;
};

/** mutation AttendEvent (events.graphql) */
export type AttendEventData = {
  attendEvent: {
    event: EventFields | null;
    errors: Array<UserErrorFields>;
  };
};
export type AttendEventVariables = {
  input: AttendEventInput;
};

/** query Feed (home.graphql) */
export type FeedData = {
  threads: {
    totalCount: number;
    pageInfo: {
      hasNextPage: boolean;
      endCursor: string | null;
    };
    nodes: Array<{
      viewerNewReplyCount: number;
    } & ThreadCardFields>;
  };
  org?: ({
    __typename: 'Event' | 'Follow' | 'Member' | 'MembershipApplication' | 'Notification' | 'Post' | 'Thread';
  } | {
    __typename: 'Organisation';
    id: string;
    slug: string;
    name: string;
  }) | null;
};
export type FeedVariables = {
  filter?: ThreadFilter | null;
  orderBy?: ThreadOrder | null;
  first?: number | null;
  after?: string | null;
  org: string;
  withOrg: boolean;
};

/** query HomeGlance (home.graphql) */
export type HomeGlanceData = {
  threadCounts: Array<{
    pillar: RoarPillar;
    organisationType: OrganisationType;
    count: number;
  }>;
  events: {
    nodes: Array<{
      id: string;
      title: string;
      startsAt: string;
      endsAt: string;
      timeZone: string;
    }>;
  };
};
export type HomeGlanceVariables = {
  events?: number | null;
};

/** subscription ThreadStarted (home.graphql) */
export type ThreadStartedData = {
  threadStarted: {
    id: string;
  };
};
export type ThreadStartedVariables = {
  filter?: ThreadFilter | null;
};

/** subscription ThreadsUpdated (home.graphql) */
export type ThreadsUpdatedData = {
  threadsUpdated: {
    change: ThreadChange;
    thread: ThreadCardFields;
  };
};
export type ThreadsUpdatedVariables = {
  filter?: ThreadFilter | null;
};

/** query JoinPage (join.graphql) */
export type JoinPageData = {
  termsOfReferenceHtml: string;
};
export type JoinPageVariables = Record<string, never>;

/** mutation ApplyForMembership (join.graphql) */
export type ApplyForMembershipData = {
  applyForMembership: {
    application: {
      id: string;
      organisationName: string;
      status: ApplicationStatus;
    } | null;
    errors: Array<UserErrorFields>;
  };
};
export type ApplyForMembershipVariables = {
  input: ApplyForMembershipInput;
};

/** query MentionableMembers (mentions.graphql) */
export type MentionableMembersData = {
  mentionableMembers: Array<{
    id: string;
    displayName: string;
    organisation: {
      id: string;
      name: string;
    } | null;
  }>;
};
export type MentionableMembersVariables = {
  prefix: string;
  first?: number | null;
};

/** mutation StartThread (new-thread.graphql) */
export type StartThreadData = {
  startThread: {
    thread: {
      id: string;
      url: string;
    } | null;
    errors: Array<UserErrorFields>;
  };
};
export type StartThreadVariables = {
  input: StartThreadInput;
};

/** query Organisation (organisation.graphql) */
export type OrganisationData = {
  organisation: {
    id: string;
    slug: string;
    name: string;
    type: OrganisationType;
    country: string | null;
    countryName: string | null;
    region: string | null;
    website: string | null;
    description: string | null;
    descriptionHtml: string | null;
    viewerCanEdit: boolean;
    pillarCounts: Array<{
      pillar: RoarPillar;
      count: number;
    }>;
    caseExamples: {
      totalCount: number;
      nodes: Array<ThreadCardFields>;
    };
    members: {
      totalCount: number;
      pageInfo: {
        hasNextPage: boolean;
        endCursor: string | null;
      };
      nodes: Array<MemberItemFields>;
    };
    threads: {
      totalCount: number;
      pageInfo: {
        hasNextPage: boolean;
        endCursor: string | null;
      };
      nodes: Array<ThreadCardFields>;
    };
  } | null;
};
export type OrganisationVariables = {
  slug: string;
  members: number;
  threads: number;
};

/** query OrganisationMembers (organisation.graphql) */
export type OrganisationMembersData = {
  organisation: {
    id: string;
    members: {
      pageInfo: {
        hasNextPage: boolean;
        endCursor: string | null;
      };
      nodes: Array<MemberItemFields>;
    };
  } | null;
};
export type OrganisationMembersVariables = {
  slug: string;
  first: number;
  after?: string | null;
};

/** query OrganisationThreads (organisation.graphql) */
export type OrganisationThreadsData = {
  organisation: {
    id: string;
    threads: {
      pageInfo: {
        hasNextPage: boolean;
        endCursor: string | null;
      };
      nodes: Array<ThreadCardFields>;
    };
  } | null;
};
export type OrganisationThreadsVariables = {
  slug: string;
  first: number;
  after?: string | null;
};

/** mutation UpdateOrganisationProfile (organisation.graphql) */
export type UpdateOrganisationProfileData = {
  updateOrganisationProfile: {
    organisation: {
      id: string;
      website: string | null;
      description: string | null;
      descriptionHtml: string | null;
    } | null;
    errors: Array<UserErrorFields>;
  };
};
export type UpdateOrganisationProfileVariables = {
  input: UpdateOrganisationProfileInput;
};

/** query Directory (organisations.graphql) */
export type DirectoryData = {
  organisations: {
    totalCount: number;
    pageInfo: {
      hasNextPage: boolean;
      endCursor: string | null;
    };
    nodes: Array<{
      id: string;
      slug: string;
      name: string;
      type: OrganisationType;
      country: string | null;
      region: string | null;
      description: string | null;
      members: {
        totalCount: number;
      };
    }>;
  };
};
export type DirectoryVariables = {
  filter?: OrganisationFilter | null;
  first?: number | null;
  after?: string | null;
  orderBy?: OrganisationOrder;
};

/** query DirectoryCountries (organisations.graphql) */
export type DirectoryCountriesData = {
  organisations: {
    nodes: Array<{
      country: string | null;
    }>;
  };
};
export type DirectoryCountriesVariables = Record<string, never>;

/** query DirectorySummary (organisations.graphql) */
export type DirectorySummaryData = {
  organisationDirectory: {
    totalCount: number;
    byType: Array<{
      type: OrganisationType;
      count: number;
    }>;
  };
};
export type DirectorySummaryVariables = Record<string, never>;

/** query Session (session.graphql) */
export type SessionData = {
  viewer: {
    id: string;
    displayName: string;
    role: MemberRole;
    isExpert: boolean;
    organisation: {
      id: string;
      slug: string;
      name: string;
      type: OrganisationType;
    } | null;
  } | null;
  pillars: Array<{
    pillar: RoarPillar;
    title: string;
    description: string;
  }>;
  threadKinds: {
    enumValues: Array<{
      name: string;
      description: string | null;
    }> | null;
  } | null;
  visibilities: {
    enumValues: Array<{
      name: string;
      description: string | null;
    }> | null;
  } | null;
};
export type SessionVariables = Record<string, never>;

/** query SignInOptions (signin.graphql) */
export type SignInOptionsData = {
  signInOptions: Array<{
    name: string;
    title: string;
    loginUrl: string;
  }>;
};
export type SignInOptionsVariables = Record<string, never>;

/** query Thread (thread.graphql) */
export type ThreadData = {
  node: ({
    __typename: 'Event' | 'Follow' | 'Member' | 'MembershipApplication' | 'Notification' | 'Organisation' | 'Post';
  } | {
    __typename: 'Thread';
    hidden: boolean;
    viewerLastReadAt: string | null;
    opening: PostFields;
    replies: {
      totalCount: number;
      pageInfo: {
        hasNextPage: boolean;
        endCursor: string | null;
      };
      nodes: Array<{
        isNewForViewer: boolean;
      } & PostFields>;
    };
  } & ThreadCardFields & ThreadContextFields) | null;
  relatedThreads: Array<{
    id: string;
    title: string;
    kind: ThreadKind;
    status: ThreadStatus;
    replyCount: number;
    lastActivityAt: string;
  }>;
};
export type ThreadVariables = {
  id: string;
  first: number;
};

/** subscription ThreadUpdated (thread.graphql) */
export type ThreadUpdatedData = {
  threadUpdated: {
    change: ThreadChange;
    postId: string | null;
    post: PostFields | null;
    thread: ThreadContextFields;
  };
};
export type ThreadUpdatedVariables = {
  threadId: string;
};

/** query MoreReplies (thread.graphql) */
export type MoreRepliesData = {
  node: ({
    __typename: 'Event' | 'Follow' | 'Member' | 'MembershipApplication' | 'Notification' | 'Organisation' | 'Post';
  } | {
    __typename: 'Thread';
    id: string;
    status: ThreadStatus;
    replyCount: number;
    replies: {
      totalCount: number;
      pageInfo: {
        hasNextPage: boolean;
        endCursor: string | null;
      };
      nodes: Array<{
        isNewForViewer: boolean;
      } & PostFields>;
    };
  }) | null;
};
export type MoreRepliesVariables = {
  id: string;
  first: number;
  after?: string | null;
};

/** subscription ReplyAdded (thread.graphql) */
export type ReplyAddedData = {
  replyAdded: PostFields;
};
export type ReplyAddedVariables = {
  threadId: string;
};

/** mutation Reply (thread.graphql) */
export type ReplyData = {
  reply: {
    post: PostFields | null;
    errors: Array<UserErrorFields>;
  };
};
export type ReplyVariables = {
  input: ReplyInput;
};

/** mutation EditPost (thread.graphql) */
export type EditPostData = {
  editPost: {
    post: PostFields | null;
    errors: Array<UserErrorFields>;
  };
};
export type EditPostVariables = {
  input: EditPostInput;
};

/** mutation AcceptReply (thread.graphql) */
export type AcceptReplyData = {
  acceptReply: {
    thread: ThreadContextFields | null;
    errors: Array<UserErrorFields>;
  };
};
export type AcceptReplyVariables = {
  input: AcceptReplyInput;
};

/** mutation CloseThread (thread.graphql) */
export type CloseThreadData = {
  closeThread: {
    thread: {
      id: string;
      status: ThreadStatus;
    } | null;
    errors: Array<UserErrorFields>;
  };
};
export type CloseThreadVariables = {
  input: CloseThreadInput;
};

/** mutation ReopenThread (thread.graphql) */
export type ReopenThreadData = {
  reopenThread: {
    thread: {
      id: string;
      status: ThreadStatus;
    } | null;
    errors: Array<UserErrorFields>;
  };
};
export type ReopenThreadVariables = {
  input: CloseThreadInput;
};

/** mutation HidePost (thread.graphql) */
export type HidePostData = {
  hidePost: {
    post: PostFields | null;
    errors: Array<UserErrorFields>;
  };
};
export type HidePostVariables = {
  input: HidePostInput;
};

/** mutation UnhidePost (thread.graphql) */
export type UnhidePostData = {
  unhidePost: {
    post: PostFields | null;
    errors: Array<UserErrorFields>;
  };
};
export type UnhidePostVariables = {
  input: UnhidePostInput;
};

/** The reply to accept as the answer. */
export interface AcceptReplyInput {
  /** The reply's global ID. */
  postId: string;
}

/** An organisation's application to join the network. */
export interface ApplyForMembershipInput {
  /** The organisation's name. */
  organisationName: string;
  /** What kind it is. */
  organisationType: OrganisationType;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Its website (https://…). */
  website?: string | null;
  /** Who applies: the future lead contact. */
  contactName: string;
  /** Where the receipt, the decision and the invitation go. */
  contactEmail: string;
  /** Why the organisation wants to join and what it would bring (Markdown). */
  motivation: string;
  /** Must be true: the contact has read and accepts the network's Terms of Reference. */
  acceptsTermsOfReference: boolean;
  /** Sent again with the same application, returns the first. */
  idempotencyKey?: string | null;
  /** Leave empty. Forms hide this field from people; an application with it filled in is taken for a robot's and dropped (the answer looks the same). */
  honeypot?: string | null;
}

/** Whether the viewer attends an event. */
export interface AttendEventInput {
  /** The event's global ID. */
  eventId: string;
  /** True to attend, false to withdraw. */
  attends: boolean;
}

/** The thread to close or reopen. */
export interface CloseThreadInput {
  /** The thread's global ID. */
  threadId: string;
}

/** An admin's decision on an application. */
export interface DecideMembershipApplicationInput {
  /** The application's global ID. */
  applicationId: string;
  /** True approves, false rejects. */
  approve: boolean;
  /** Required when rejecting. */
  reason?: string | null;
  /** The slug of the organisation an approval creates; derived from the name when omitted. */
  slug?: string | null;
}

/** A new body for a post. */
export interface EditPostInput {
  /** The post's global ID. */
  postId: string;
  /** Markdown, up to 50,000 characters. */
  body: string;
}

/** One thing a member can follow: exactly one field is set. */
export interface FollowTarget {
  /** A thread's global ID. */
  thread?: string | null;
  /** A ROAR pillar. */
  pillar?: RoarPillar | null;
  /** An organisation type. */
  organisationType?: OrganisationType | null;
  /** A topic tag, lower-case. */
  topic?: string | null;
  /** An organisation's global ID. */
  organisation?: string | null;
}

/** The post to hide, and why. */
export interface HidePostInput {
  /** The post's global ID. */
  postId: string;
  /** Why it is hidden, 1 to 500 characters; shown to moderators only. */
  reason: string;
}

/** Which notifications to mark read. */
export interface MarkNotificationsReadInput {
  /** These notifications (global IDs, up to 100); all of the member's when omitted. */
  ids?: Array<string> | null;
  /** Only the member's notifications about this thread (its global ID): what opening the thread has shown them. */
  threadId?: string | null;
}

/** The thread a member has opened. */
export interface MarkThreadReadInput {
  /** The thread's global ID. */
  threadId: string;
}

/** Settings to change; those left out stay as they are. */
export interface NotificationSettingsInput {
  /** How often to e-mail notifications. */
  emailFrequency?: EmailFrequency | null;
  /** Follow one's own threads and the threads one replies to. */
  autoFollow?: boolean | null;
}

/** Which organisations to list. */
export interface OrganisationFilter {
  /** Organisations of any of these types. */
  types?: Array<OrganisationType> | null;
  /** ISO 3166-1 alpha-2 country code. */
  country?: string | null;
  /** Matches the name. */
  search?: string | null;
}

/** A reply to a thread. */
export interface ReplyInput {
  /** The thread's global ID. */
  threadId: string;
  /** Markdown, up to 50,000 characters. */
  body: string;
  /** Repeating the reply with the same key creates nothing new. */
  idempotencyKey?: string | null;
}

/** A new thread and its opening post. */
export interface StartThreadInput {
  /** Challenge, discussion or case example. */
  kind: ThreadKind;
  /** Plain text, 1 to 200 characters. */
  title: string;
  /** Markdown, up to 50,000 characters. */
  body: string;
  /** At least one pillar. */
  pillars: Array<RoarPillar>;
  /** Defaults to your organisation's type. */
  organisationTypes?: Array<OrganisationType> | null;
  /** Up to 10 topics, each matching [a-z0-9-]{1,40}. */
  topics?: Array<string> | null;
  /** PUBLIC unless given. */
  visibility?: Visibility | null;
  /** A client-chosen key: repeating a mutation with the same key returns the first result and creates nothing new. */
  idempotencyKey?: string | null;
}

/** Which threads to list; within a field, any value matches. */
export interface ThreadFilter {
  /** Threads tagged with any of these pillars. */
  pillars?: Array<RoarPillar> | null;
  /** Threads concerning any of these organisation types. */
  organisationTypes?: Array<OrganisationType> | null;
  /** Any of these kinds. */
  kinds?: Array<ThreadKind> | null;
  /** Any of these statuses. */
  statuses?: Array<ThreadStatus> | null;
  /** Threads tagged with any of these topics. */
  topics?: Array<string> | null;
  /** Threads started by members of this organisation (its global ID). */
  organisation?: string | null;
  /** Threads started by members of the organisation with this slug, as in its address `/o/<slug>` (what an embedded feed knows). With `organisation` too, both must hold; a slug no organisation has matches no thread. */
  organisationSlug?: string | null;
  /** Only threads with at least one expert reply. */
  hasExpertReply?: boolean | null;
  /** Full-text search over titles and all posts of the thread. A thread matches when its title and opening post, together, hold every word, or when one of its replies does (on PostgreSQL the text is read as a web search: "quoted phrases", -word to exclude, or). Results come by relevance: first the threads whose title or opening post match, then those that match in a reply only; each group in `orderBy` order (most recent activity first by default). A search that runs past the server's time limit fails with the error code TIMEOUT: narrow it. Visitors' searches, and the totalCount of one, spend a budget of their address (RATE_LIMITED, with retryAfter, when it is spent). */
  search?: string | null;
}

/** The hidden post to show again. */
export interface UnhidePostInput {
  /** The post's global ID. */
  postId: string;
}

/** An organisation's profile as it is to be; omitted fields stay. */
export interface UpdateOrganisationProfileInput {
  /** The organisation's global ID. */
  organisation: string;
  /** What it does (Markdown, up to 2,000 characters); empty clears. */
  description?: string | null;
  /** Its website (https://…); empty clears. */
  website?: string | null;
}

/** Where an application to join the network stands. */
export type ApplicationStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/** How often a member is e-mailed about their notifications. */
export type EmailFrequency = 'IMMEDIATELY' | 'DAILY' | 'WEEKLY' | 'NEVER';

/** How an event is held. */
export type EventFormat = 'ONLINE' | 'IN_PERSON' | 'HYBRID';

/** What a member may do beyond reading and writing. */
export type MemberRole = 'MEMBER' | 'RESEARCHER' | 'MODERATOR' | 'ADMIN';

/** Why a member was notified. */
export type NotificationReason = 'REPLY' | 'EXPERT_REPLY' | 'ANSWER_ACCEPTED' | 'NEW_THREAD' | 'MENTION' | 'MEMBERSHIP' | 'EVENT' | 'PARTNERS';

/** How to order the directory of organisations. */
export type OrganisationOrder = 'NAME' | 'LAST_ACTIVITY';

/** The kinds of public-sector organisation that make up the network. */
export type OrganisationType = 'GOVERNMENT_DEPARTMENT' | 'PUBLIC_BANK' | 'INTERNATIONAL_AGENCY' | 'STRATEGIC_DESIGN_AGENCY' | 'RESEARCH_INNOVATION_AGENCY' | 'DIGITAL_AGENCY' | 'LOCAL_REGIONAL_GOVERNMENT' | 'SPACE_AGENCY' | 'RESEARCH_INSTITUTE';

/** The four pillars of the ROAR framework (Mazzucato 2016). */
export type RoarPillar = 'ROUTES_AND_DIRECTIONS' | 'ORGANISATIONAL_CAPACITY' | 'ASSESSMENT' | 'RISKS_AND_REWARDS';

/** What changed in a thread (see Subscription.threadUpdated). */
export type ThreadChange = 'REPLY_ADDED' | 'POST_EDITED' | 'ANSWER_ACCEPTED' | 'STATUS_CHANGED' | 'POST_HIDDEN' | 'POST_SHOWN';

/** What a thread is for. */
export type ThreadKind = 'CHALLENGE' | 'DISCUSSION' | 'CASE_EXAMPLE';

/** How to order a list of threads (with a search, within each group of relevance: see ThreadFilter.search). */
export type ThreadOrder = 'LAST_ACTIVITY' | 'NEWEST' | 'MOST_REPLIES' | 'FEWEST_REPLIES' | 'OLDEST_UNANSWERED';

/** Where a thread stands. */
export type ThreadStatus = 'OPEN' | 'ANSWERED' | 'CLOSED';

/** What is wrong with an input field. */
export type UserErrorCode = 'INVALID' | 'TOO_LONG' | 'TOO_SHORT' | 'REQUIRED' | 'DUPLICATE' | 'CLOSED' | 'TOO_COMPLEX';

/** Who may read a thread. */
export type Visibility = 'PUBLIC' | 'MEMBERS';
