import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The shared users fixture sets eight passwords per test; the default hasher makes that seconds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
