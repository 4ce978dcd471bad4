"""Shared page behaviour: Chinese error pages, one active menu entry, Chinese whatever the browser asks for."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_not_found_page_is_chinese_with_menu(client, users):
    client.force_login(users["outsider"])

    response = client.get("/applications/999999/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "页面不存在，或属于其他单位。" in html
    assert "待办事项" in html


def test_forbidden_page_is_chinese(client, users):
    client.force_login(users["applicant"])

    response = client.get(reverse("applications:filings"))

    assert response.status_code == 403
    assert "您无权打开此页面。" in response.content.decode()


def test_get_on_an_action_url_explains_itself(client, users):
    client.force_login(users["applicant"])

    response = client.get(reverse("applications:submit", args=[1]))

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "请使用页面上的按钮" in response.content.decode()


def test_only_the_closest_menu_entry_is_active(client, users):
    client.force_login(users["finance"])

    html = client.get(reverse("applications:filings")).content.decode()

    assert html.count("active fw-bold") == 1
    assert 'active fw-bold" href="/applications/filings/"' in html


def test_english_browser_still_gets_chinese(client, users):
    client.force_login(users["applicant"])

    html = client.get(reverse("web:home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()

    assert "待办事项" in html


def test_language_switch_gives_english(client, users):
    client.force_login(users["applicant"])

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("web:home")).content.decode()

    assert "To-do" in html
