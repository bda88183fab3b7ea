"""Threads and posts: their types (`types`), the feed (`queries`), the four writes
(`mutations`) and their live updates (`subscriptions`: new replies and threads;
`updates`: changes to threads) and the threads related to one (`related`)."""

from server.schema.threads.mutations import ThreadMutations
from server.schema.threads.queries import ThreadQueries, thread_connection
from server.schema.threads.related import RelatedThreadQueries
from server.schema.threads.subscriptions import ThreadSubscriptions
from server.schema.threads.types import Post, Thread, ThreadFilter
from server.schema.threads.updates import ThreadUpdateSubscriptions

__all__ = [
    "Post",
    "RelatedThreadQueries",
    "Thread",
    "ThreadFilter",
    "ThreadMutations",
    "ThreadQueries",
    "ThreadSubscriptions",
    "ThreadUpdateSubscriptions",
    "thread_connection",
]
