"""Threads and their posts: which ones a viewer may read and a filter picks (`filters`),
pages of them (`feed`), one thread, its replies and counts (`reading`), starting, replying,
editing and accepting (`writing`), related threads and the live events of changes."""

from server.services.threads.feed import (
    REPLY_MATCH,
    SEARCH_TOO_SLOW,
    SUBJECT_MATCH,
    count_threads,
    list_threads,
    list_threads_with_authors,
)
from server.services.threads.filters import ThreadFilter, matches, post_visible, resolve_slug
from server.services.threads.live import load_event_rows, record_update
from server.services.threads.reading import (
    count_replies,
    get_post,
    get_thread,
    list_replies,
    thread_counts,
)
from server.services.threads.related import related_threads
from server.services.threads.writing import (
    accept_reply,
    edit_post,
    render_preview,
    reply,
    start_thread,
)

__all__ = [
    "REPLY_MATCH",
    "SEARCH_TOO_SLOW",
    "SUBJECT_MATCH",
    "ThreadFilter",
    "accept_reply",
    "count_replies",
    "count_threads",
    "edit_post",
    "get_post",
    "get_thread",
    "list_replies",
    "list_threads",
    "list_threads_with_authors",
    "load_event_rows",
    "matches",
    "post_visible",
    "record_update",
    "related_threads",
    "render_preview",
    "reply",
    "resolve_slug",
    "start_thread",
    "thread_counts",
]
