import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcloud.settings")

application = get_wsgi_application()

# Load the PDF typesetter with the worker rather than on the first document download.
from govcloud.documents.rendering import warm_up  # noqa: E402

warm_up()
