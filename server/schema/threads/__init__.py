"""Threads and posts: their types (`types`), the feed (`queries`), the four writes
(`mutations`) and their live updates (`subscriptions`: new replies and threads;
`updates`: changes to threads)."""

from server.schema.threads.mutations import ThreadMutations
from server.schema.threads.queries import ThreadQueries, thread_connection
from server.schema.threads.subscriptions import ThreadSubscriptions
from server.schema.threads.types import Post, Thread, ThreadFilter
from server.schema.threads.updates import ThreadUpdateSubscriptions

__all__ = [
    "Post",
    "Thread",
    "ThreadFilter",
    "ThreadMutations",
    "ThreadQueries",
    "ThreadSubscriptions",
    "ThreadUpdateSubscriptions",
    "thread_connection",
]
