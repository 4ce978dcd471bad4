import pytest

from tests.dossier_factories import approve_adjusted, deliver, make_application


@pytest.fixture
def delivered(users, orgs, system, priced_items):
    """A delivered application: 4 vCPU asked and approved, 16 GB memory asked and 8 GB approved."""
    application = make_application(users=users, orgs=orgs, system=system, priced_items=priced_items)
    review = approve_adjusted(application, users=users, orgs=orgs)
    delivery = deliver(application, users=users, orgs=orgs)
    return {"application": application, "review": review, "delivery": delivery}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The shared users fixture sets eight passwords per test; the default hasher makes that seconds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
