"""Threads and their posts: reading them as the viewer may (`reading`), and starting,
replying, editing and accepting (`writing`)."""

from server.services.threads.live import load_event_rows, record_update
from server.services.threads.reading import (
    REPLY_MATCH,
    SEARCH_TOO_SLOW,
    SUBJECT_MATCH,
    ThreadFilter,
    count_replies,
    count_threads,
    get_post,
    get_thread,
    list_replies,
    list_threads,
    list_threads_with_authors,
    matches,
    post_visible,
    resolve_slug,
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
