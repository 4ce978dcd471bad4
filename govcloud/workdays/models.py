"""Working days that the calendar package does not know, entered by the management unit."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    """What an entered day is: a statutory holiday, or a weekend day worked in exchange (调休)."""

    HOLIDAY = "holiday", _("Holiday")
    WORKDAY = "workday", _("Adjusted working day")


class Coverage(models.TextChoices):
    """Where a year's holidays and adjusted working days come from."""

    PACKAGE = "package", _("Official calendar package")
    ENTERED = "entered", _("Entered by the management unit")
    ASSUMED = "assumed", _("Not entered: deadlines in it assume weekdays")


class CalendarDay(models.Model):
    """One day whose status the management unit has entered: a holiday, or a weekend day
    that is an adjusted working day (调休). An entry overrides the calendar package."""

    date = models.DateField(_("date"), unique=True)
    is_workday = models.BooleanField(_("working day"))
    name = models.CharField(_("name"), max_length=60, blank=True, help_text=_("For example 春节 or 国庆节调休上班."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")

    def __str__(self):
        return "%s %s" % (self.date.isoformat(), self.name)

    @property
    def kind(self):
        return DayKind.WORKDAY if self.is_workday else DayKind.HOLIDAY


class CalendarYear(models.Model):
    """A year whose holidays and adjusted working days the management unit has entered in full,
    after the State Council published its holiday notice for that year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    source = models.CharField(_("source"), max_length=200, help_text=_("The notice the days were taken from."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("entered calendar year")
        verbose_name_plural = _("entered calendar years")

    def __str__(self):
        return str(self.year)
