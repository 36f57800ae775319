"""Driving the phone screen (つなぐ/Phone) the way an agent does."""
from playwright.sync_api import expect

from conftest import sign_in

# The demo's agent1 holds every other row of デモリスト: No.k dials 03-0000-(1000 + 2(k-1)).
def number_of(no):
    return f"03-0000-{1000 + 2 * (no - 1)}"


def set_settings(page, server, rules=None, **fields):
    """As the demo admin, change tenant settings (and the simulated carrier's rules) on 設定."""
    sign_in(page, server, "admin", "tsunagu-demo")
    page.wait_for_url(server["url"] + "/")
    page.goto(server["url"] + "/admin/settings")
    for name, value in fields.items():
        field = page.locator(f"[name={name}]")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(str(value))
    if rules is not None:
        page.locator("textarea[name=carrierRules]").fill(rules)
    page.get_by_role("button", name="登録").click()
    expect(page.get_by_role("status")).to_be_visible()
    page.context.clear_cookies()


def open_phone(page, server, login_id="agent1"):
    sign_in(page, server, login_id, "tsunagu-demo")
    page.wait_for_url(server["url"] + "/")
    page.goto(server["url"] + "/phone")
    expect(page.locator("#lamp")).to_have_attribute("data-ready", "true")


def row(page, no):
    return page.locator(f"#desk-rows tr:nth-child({no})")


def expect_result(page, no, result, reason=None, timeout=10_000):
    cell = row(page, no).locator("td.result")
    expect(cell.locator(".result-label")).to_have_text(result, timeout=timeout)
    if reason is not None:
        expect(cell.locator(".reason")).to_have_text(f"({reason})", timeout=timeout)


def expect_cursor(page, no):
    expect(row(page, no).locator("td.position")).to_have_text("▶")


def expect_status(page, text, timeout=10_000):
    expect(page.locator("#call-status")).to_contain_text(text, timeout=timeout)


def expect_saved(page):
    expect(page.locator("#save-state")).to_have_attribute("data-state", "saved")


def download(page, count):
    page.locator("#download").click()
    expect(page.locator("#desk-rows tr")).to_have_count(count)
