"""Timed callbacks (日時指定の再架電) end to end on the simulated carrier: an agent sets one on a row a few seconds
ahead (times from the real clock in the tenant's zone, Asia/Tokyo), bad times are refused in the dialog, the
section above the list shows it, it comes up when due with a chime and a count, a click dials it, and the section
survives アップロード. 再架電予定 lists it for the agent and for the manager."""
import datetime
import re
import time
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from conftest import sign_in
from phone_helpers import download, expect_result, expect_status, number_of, open_phone, row, set_settings

TOKYO = ZoneInfo("Asia/Tokyo")


def tokyo_now_away_from_midnight():
    """Now in Asia/Tokyo, after waiting out the last two minutes of a day so the date cannot change mid-test."""
    now = datetime.datetime.now(TOKYO)
    midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    if midnight - now < datetime.timedelta(minutes=2):
        time.sleep((midnight - now).total_seconds() + 2)
    return datetime.datetime.now(TOKYO)


def schedule(page, no, when, note=""):
    """Opens ⏰ on row `no` and submits a date, a time (with seconds) and a note."""
    row(page, no).hover()
    row(page, no).locator("button.schedule").click()
    dialog = page.locator("#callback-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#callback-customer")).to_contain_text(number_of(no))
    dialog.locator("input[name=date]").fill(when.strftime("%Y-%m-%d"))
    dialog.locator("input[name=time]").fill(when.strftime("%H:%M:%S"))
    dialog.locator("textarea[name=note]").fill(note)
    page.locator("#callback-submit").click()
    return dialog


def test_a_callback_set_a_few_seconds_ahead_comes_up_when_due(phone_server, page):
    server = phone_server
    set_settings(page, server, rules="* answer 1")
    open_phone(page, server)
    download(page, 25)
    now = tokyo_now_away_from_midnight()

    # In the past: refused in the dialog, which keeps what was typed; nothing is ticked.
    dialog = schedule(page, 3, now - datetime.timedelta(minutes=5), "昨日の件")
    expect(page.locator("#callback-error")).to_have_text("再架電日時が過去です。")
    expect(dialog).to_be_visible()
    expect(dialog.locator("textarea[name=note]")).to_have_value("昨日の件")
    page.locator("#callback-cancel").click()
    expect(row(page, 3).locator("td.callback input[type=checkbox]")).not_to_be_checked()
    expect(page.locator("#callbacks")).to_be_hidden()

    # Eight seconds ahead: stored, 再架電 ticked, shown in the section as not yet due.
    due = datetime.datetime.now(TOKYO) + datetime.timedelta(seconds=8)
    dialog = schedule(page, 3, due, "見積の回答を聞く")
    expect(dialog).to_be_hidden()
    expect(row(page, 3).locator("td.callback input[type=checkbox]")).to_be_checked()
    section = page.locator("#callbacks")
    entry = section.locator("li")
    expect(section).to_be_visible()
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text("見積の回答を聞く")
    expect(entry).to_contain_text(number_of(3))
    expect(entry).not_to_have_class(re.compile(r"\bdue\b"))
    expect(page.locator("#callback-due-count")).to_be_hidden()
    # The section is not a row of the list: still 25 rows.
    expect(page.locator("#desk-rows tr")).to_have_count(25)

    # When due it comes up by itself: marked due, the count shows, the chime rang once.
    expect(entry).to_have_class(re.compile(r"\bdue\b"), timeout=20_000)
    expect(page.locator("#callback-due-count")).to_have_text("期限到来 1")
    expect(section).to_have_attribute("data-chimes", "1")

    # A click dials it, on the customer's row; the section empties (the callback is taken).
    entry.locator("button.call").click()
    expect_status(page, "通話中 " + number_of(3))
    expect_result(page, 3, "応答")
    expect(section).to_be_hidden()
    page.locator("#dialpad-hangup").click()
    expect_status(page, "待機中")

    # Another, an hour ahead, outlives アップロード.
    later = datetime.datetime.now(TOKYO) + datetime.timedelta(hours=1)
    expect(schedule(page, 5, later, "夕方に再度")).to_be_hidden()
    expect(entry).to_have_count(1)
    page.locator("#upload").click()
    page.locator("#confirm-yes").click()
    expect(page.locator("#desk-rows tr")).to_have_count(0)
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text("夕方に再度")

    # 再架電予定: the agent's own page lists it.
    page.goto(server["url"] + "/callbacks")
    expect(page.locator("#callbacks tbody tr")).to_have_count(1)
    expect(page.locator("#callbacks tbody tr")).to_contain_text("夕方に再度")

    # The manager sees it too and hands it to agent2.
    page.context.clear_cookies()
    sign_in(page, server, "admin", "tsunagu-demo")
    page.wait_for_url(server["url"] + "/")
    page.goto(server["url"] + "/callbacks")
    callback = page.locator("#callbacks tbody tr").filter(has_text="夕方に再度")
    expect(callback).to_have_count(1)
    callback.locator("select[name=owner]").select_option(label="鈴木 次郎")
    callback.get_by_role("button", name="担当変更").click()
    expect(page.get_by_role("status")).to_contain_text("鈴木 次郎")
    expect(page.locator("#callbacks tbody tr").filter(has_text="夕方に再度")).to_contain_text("鈴木 次郎")
