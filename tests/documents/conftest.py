import pytest

from tests.dossier_factories import approve_adjusted, deliver, make_application


@pytest.fixture
def delivered(users, orgs, system, priced_items):
    """A delivered application: 4 vCPU asked and approved, 16 GB memory asked and 8 GB approved."""
    application = make_application(users=users, orgs=orgs, system=system, priced_items=priced_items)
    review = approve_adjusted(application, users=users, orgs=orgs)
    delivery = deliver(application, users=users, orgs=orgs)
    return {"application": application, "review": review, "delivery": delivery}

