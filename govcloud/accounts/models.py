"""Organisations and the people who act for them."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    AUTHORITY = "authority", _("Competent authority")
    MANAGEMENT = "management", _("Management unit")
    FINANCE = "finance", _("Finance bureau")
    DEPARTMENT = "department", _("Municipal department")
    COUNTY = "county", _("County or district")
    PROVIDER = "provider", _("Cloud service provider")
    ASSESSOR = "assessor", _("Third-party assessor")
    EXPERT_PANEL = "expert_panel", _("Expert panel")


# Kinds whose organisations apply for and use cloud resources; a county government
# is a user department for the cloud like a municipal department (第十条).
USER_DEPARTMENT_KINDS = (OrganisationKind.DEPARTMENT, OrganisationKind.COUNTY)


class Organisation(models.Model):
    """A body that takes part in the government cloud: a user department, the
    management unit, finance, the authority, a provider or a third party."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices, db_index=True)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["kind", "code"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def is_user_department(self):
        return self.kind in USER_DEPARTMENT_KINDS


class Role(models.TextChoices):
    AUTHORITY = "authority", _("Authority officer")
    MANAGER = "manager", _("Management unit reviewer")
    FINANCE = "finance", _("Finance officer")
    DEPARTMENT = "department", _("Department user")
    PROVIDER = "provider", _("Provider engineer")
    EXPERT = "expert", _("Expert")
    ASSESSOR = "assessor", _("Assessor")
    SYSADMIN = "sysadmin", _("System administrator")
    SECADMIN = "secadmin", _("Security administrator")
    AUDITOR = "auditor", _("Security auditor")


# The organisation kinds each role may belong to; a user outside them is rejected.
ROLE_ORGANISATION_KINDS = {
    Role.AUTHORITY: (OrganisationKind.AUTHORITY,),
    Role.MANAGER: (OrganisationKind.MANAGEMENT,),
    Role.FINANCE: (OrganisationKind.FINANCE,),
    Role.DEPARTMENT: USER_DEPARTMENT_KINDS,
    Role.PROVIDER: (OrganisationKind.PROVIDER,),
    Role.EXPERT: (OrganisationKind.EXPERT_PANEL,),
    Role.ASSESSOR: (OrganisationKind.ASSESSOR,),
    Role.SYSADMIN: (OrganisationKind.MANAGEMENT,),
    Role.SECADMIN: (OrganisationKind.MANAGEMENT,),
    Role.AUDITOR: (OrganisationKind.MANAGEMENT,),
}

class AccountState(models.TextChoices):
    """The states an account's audit events record."""

    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Deactivated")


# Roles that may read every department's records (oversight, review, budgets).
CITY_WIDE_ROLES = (Role.AUTHORITY, Role.MANAGER, Role.FINANCE)


class User(AbstractUser):
    """A person with one role, acting for one organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="users", verbose_name=_("organisation"), null=True
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, db_index=True)
    full_name = models.CharField(_("full name"), max_length=60, blank=True)
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True)

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.full_name or self.username

    @property
    def sees_whole_city(self):
        return self.role in CITY_WIDE_ROLES

    def has_role(self, *roles):
        return self.is_active and self.role in roles
