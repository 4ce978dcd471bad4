"""Chinese first: every page is in zh-Hans unless the person has chosen English with the language switch."""

from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    """Activate the language from the language cookie, else the platform's default (zh-Hans).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language header, so a
    browser set up in English still shows the Chinese screens the rules' users work in.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
