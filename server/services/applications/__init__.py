"""Applications to join the network: applying (`applying`), and the admins' queue and
decisions (`deciding`)."""

from server.services.applications.applying import ApplicationForm, apply, check_form
from server.services.applications.deciding import (
    count_applications,
    decide,
    get_application,
    list_applications,
)

__all__ = [
    "ApplicationForm",
    "apply",
    "check_form",
    "count_applications",
    "decide",
    "get_application",
    "list_applications",
]
