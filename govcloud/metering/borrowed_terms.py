"""Labels this app adds to other apps' models, marked here so that this app's catalog carries their Chinese.

Change, exit, reclaim and rationality added parameters to policy, obligation kinds to deadlines, and
a completed status and a target resource to applications. Their translations live with the feature
in govcloud/metering/locale, not in the catalogs of those apps.
"""

from django.utils.translation import gettext_noop

BORROWED_TERMS = (
    gettext_noop("Utilization window (days) for low and high flags"),
    gettext_noop("Days with data needed in the window before a flag is raised"),
    gettext_noop("Idle and zombie window (days)"),
    gettext_noop("Idle: daily CPU p95 below (%)"),
    gettext_noop("Zombie: daily network p95 below (KB/s)"),
    gettext_noop("Rectification limit (working days after the order)"),
    gettext_noop("Complete the approved change"),
    gettext_noop("Reclaim the resources"),
    gettext_noop("Rectify the use of resources"),
    gettext_noop("Completed: changed or reclaimed"),
    gettext_noop("target resource"),
    gettext_noop("The provisioned resource a change or exit application is about."),
    gettext_noop("Utilization overview"),
    gettext_noop("Utilization flags"),
    gettext_noop("Changes and exits"),
    gettext_noop("Handover and clearing records"),
    gettext_noop("Resource rationality"),
    gettext_noop("Messages"),
)
