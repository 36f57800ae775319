"""The README's first command: `tsunagu demo` serves the Japanese login page, and the demo logins work."""
import re

from conftest import sign_in


def test_login_page_is_japanese(server, page):
    page.goto(server["url"] + "/")
    assert page.url.endswith("/login")
    assert page.locator("html").get_attribute("lang") == "ja"
    for label in ["契約顧客コード", "ユーザID", "パスワード"]:
        assert page.get_by_label(label).is_visible()
    assert page.get_by_role("button", name="ログイン").is_visible()


def test_demo_agent_signs_in_and_sees_the_customers(server, page):
    sign_in(page, server, "agent1", "tsunagu-demo")
    page.wait_for_url(server["url"] + "/")
    assert page.get_by_text("50件中 1-50件表示").is_visible()
    assert page.locator("table.grid tbody tr").count() == 50
    assert page.get_by_text("佐藤 一郎").is_visible()
    page.get_by_role("button", name="ログアウト").click()
    page.wait_for_url(re.compile(r".*/login$"))


def test_wrong_password_is_refused_in_japanese(server, page):
    sign_in(page, server, "agent1", "wrong-password")
    assert page.get_by_role("alert").inner_text() == "契約顧客コード、ユーザID、またはパスワードが正しくありません。"
    assert page.url.endswith("/login")


def test_english_on_request(server, browser):
    context = browser.new_context(locale="en-US", extra_http_headers={"Accept-Language": "en-US,en;q=0.9"})
    page = context.new_page()
    page.goto(server["url"] + "/login")
    assert page.get_by_label("Tenant code").is_visible()
    context.close()
