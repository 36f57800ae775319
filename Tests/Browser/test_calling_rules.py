"""Calling rules end to end on the simulated carrier: 今後の勧誘お断り recorded on one screen bars the number for the
whole tenant, 開始 outside 架電可能時間 names the next opening and dials nothing, and カレンダー shows public holidays
and the tenant's closed days. Dates are computed from the real clock in the tenant's zone (Asia/Tokyo)."""
import datetime
import re
import time
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from conftest import sign_in
from phone_helpers import download, expect_cursor, expect_result, expect_status, number_of, open_phone, row, set_settings

TOKYO = ZoneInfo("Asia/Tokyo")
WEEKDAYS = "月火水木金土日"  # Python's weekday(): Monday is 0
DAY_FIELDS = ["windowMonday", "windowTuesday", "windowWednesday", "windowThursday", "windowFriday", "windowSaturday",
              "windowSunday"]
# The demo tenant's window: every hour of every day, holidays included, no closed day.
ALWAYS_OPEN = dict({name: "0:00-24:00" for name in DAY_FIELDS}, holidaysClosed="off", closedDays="")


def expect_idle(page):
    status = page.locator("#call-status")
    expect(status).to_have_attribute("data-stage", "idle")
    expect(page.locator("#dialpad-hangup")).to_be_disabled()


def expect_hold(page, no, text):
    expect(row(page, no).locator("td.result span.hold")).to_have_text(text)


def expect_no_own_calls(page, server):
    page.goto(server["url"] + "/calls")
    expect(page.get_by_text("該当する通話はありません。")).to_be_visible()
    expect(page.locator("#calls tbody tr")).to_have_count(0)


def test_refusal_on_one_screen_bars_the_number_for_a_second_agent(phone_server, browser, page):
    server = phone_server
    set_settings(page, server, rules="* answer 1")
    open_phone(page, server)
    download(page, 25)
    page.locator("#start").click()
    expect_result(page, 1, "応答")
    expect_status(page, "通話中 " + number_of(1))

    # During the call the customer asks not to be called again. The button shows on the row being called only (and
    # under the pointer), so it never reads as a status of every row.
    expect(row(page, 5).locator("button.refuse")).to_be_hidden()
    row(page, 1).locator("button.refuse").click()
    dialog = page.locator("#refuse-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#refuse-customer")).to_contain_text(number_of(1))
    expect(page.locator("#refuse-submit")).to_have_text("お断りを登録")
    dialog.locator("textarea[name=note]").fill("今後の電話は不要とのこと")
    page.locator("#refuse-submit").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#notice")).to_have_text("今後の勧誘お断りを登録しました。")
    expect_hold(page, 1, "架電禁止")
    expect(row(page, 1)).to_have_class(re.compile(r"\bheld\b"))
    # Recording the refusal does not cut the call; 終了 then the red handset end it.
    expect_status(page, "通話中 " + number_of(1))
    page.locator("#start").click()
    expect(page.locator("#start")).to_have_text("開始")
    page.locator("#dialpad-hangup").click()
    expect_status(page, "待機中 301")
    expect_hold(page, 1, "架電禁止")

    # Another agent, in a browser of their own, dials the number on the dial pad: refused, nothing dialled.
    context = browser.new_context(locale="ja-JP")
    try:
        other = context.new_page()
        open_phone(other, server, "agent2")
        expect_idle(other)
        other.locator("#dialpad-number").fill(number_of(1))
        other.locator("#dialpad-call").click()
        expect(other.locator("#notice")).to_contain_text("架電禁止")
        expect_idle(other)
        expect_status(other, "待機中 302")
        expect_no_own_calls(other, server)
    finally:
        context.close()

    # Back on agent1's screen: a new pass from No.1 (済 cleared) holds the barred row back and walks on to No.2.
    row(page, 1).locator("td.done input").uncheck()
    row(page, 1).locator("td.position").click()
    expect_cursor(page, 1)
    page.locator("#start").click()
    # The double-dial guard asks first (No.1 was dialled moments ago); yes: the server still holds it back.
    expect(page.locator("#confirm-text")).to_contain_text("No.1")
    page.locator("#confirm-yes").click()
    expect_result(page, 2, "応答")
    expect_status(page, "通話中 " + number_of(2))
    expect_hold(page, 1, "架電禁止")
    expect_result(page, 1, "応答")  # the refused call's result is kept; the held dial added nothing
    page.locator("#start").click()
    expect(page.locator("#start")).to_have_text("開始")
    page.locator("#dialpad-hangup").click()
    expect_status(page, "待機中")

    # 通話一覧: agent1 made two calls (No.1 answered, then No.2); the held dial of No.1 was never recorded.
    page.goto(server["url"] + "/calls")
    calls = page.locator("#calls tbody tr")
    expect(calls).to_have_count(2)
    expect(calls.filter(has_text=number_of(1))).to_have_count(1)


def tokyo_today_away_from_midnight():
    """Today in Asia/Tokyo, after waiting out the last two minutes of a day so the date cannot change mid-test."""
    now = datetime.datetime.now(TOKYO)
    midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    if midnight - now < datetime.timedelta(minutes=2):
        time.sleep((midnight - now).total_seconds() + 2)
    return datetime.datetime.now(TOKYO).date()


def test_start_outside_the_window_is_refused_with_the_next_time(phone_server, page):
    server = phone_server
    today = tokyo_today_away_from_midnight()
    tomorrow = today + datetime.timedelta(days=1)
    closed = dict(ALWAYS_OPEN, closedDays=today.strftime("%Y/%m/%d"))
    set_settings(page, server, rules="* answer 1", **closed)
    try:
        open_phone(page, server)
        download(page, 25)
        page.locator("#start").click()
        expected = (f"架電可能時間外です。次は{tomorrow.month}月{tomorrow.day}日({WEEKDAYS[tomorrow.weekday()]}) 0:00 "
                    "から架電できます。")
        expect(page.locator("#notice")).to_have_text(expected)
        # Nothing was dialled: auto-dial is not armed, no call, no row has a result or a 架電日時.
        expect(page.locator("#start")).to_have_text("開始")
        expect_idle(page)
        expect_hold(page, 1, "時間外")
        expect_cursor(page, 1)
        results = page.locator("#desk-rows td.result .result-label")
        expect(results).to_have_count(25)
        assert results.all_text_contents() == [""] * 25
        assert page.locator("#desk-rows td.calledAt").all_text_contents() == [""] * 25
        # 発信 (Ctrl+Enter; the button shows only while auto-dial is armed) is refused the same way.
        page.locator("#notice").evaluate("notice => notice.textContent = ''")
        page.keyboard.press("Control+Enter")
        expect(page.locator("#notice")).to_have_text(expected)
        expect_idle(page)
        assert results.all_text_contents() == [""] * 25
        expect_no_own_calls(page, server)
    finally:
        # The server is this test's own, but leave the demo's always-open window behind all the same.
        page.context.clear_cookies()
        set_settings(page, server, **ALWAYS_OPEN)


def day_cell(page, day):
    """The calendar's cell for `day` of the month shown (not a neighbouring month's day)."""
    return page.locator("table.calendar td:not(.other-month)").filter(
        has=page.locator("span.day", has_text=re.compile(rf"^{day}$")))


def test_calendar_shows_holidays_and_closed_days(fresh_server, page):
    server = fresh_server
    set_settings(page, server, closedDays="2026/08/13")
    try:
        sign_in(page, server, "admin", "tsunagu-demo")
        page.wait_for_url(server["url"] + "/")
        page.goto(server["url"] + "/calendar?month=2026-08")
        expect(page.locator("h1")).to_contain_text("2026年8月")
        expect(page.locator("table.calendar td:not(.other-month)")).to_have_count(31)

        mountain_day = day_cell(page, 11)
        expect(mountain_day).to_have_count(1)
        expect(mountain_day).to_have_class(re.compile(r"\bholiday\b"))
        expect(mountain_day.locator(".holiday-name")).to_have_text("山の日")
        # The demo calls on holidays too.
        expect(mountain_day.locator(".hours")).to_have_text("0:00-24:00")

        closed = day_cell(page, 13)
        expect(closed).to_have_class(re.compile(r"\bclosed\b"))
        expect(closed.locator(".closed-day")).to_have_text("休業日")
        expect(closed.locator(".hours")).to_have_text("架電なし")
        expect(closed.locator(".holiday-name")).to_have_count(0)

        ordinary = day_cell(page, 12)
        expect(ordinary.locator(".holiday-name")).to_have_count(0)
        expect(ordinary.locator(".closed-day")).to_have_count(0)
        expect(ordinary.locator(".hours")).to_have_text("0:00-24:00")

        page.goto(server["url"] + "/calendar?month=2026-09")
        expect(page.locator("h1")).to_contain_text("2026年9月")
        expect(day_cell(page, 21).locator(".holiday-name")).to_have_text("敬老の日")
        expect(day_cell(page, 22).locator(".holiday-name")).to_have_text("国民の休日")
        expect(day_cell(page, 23).locator(".holiday-name")).to_have_text("秋分の日")
    finally:
        page.context.clear_cookies()
        set_settings(page, server, closedDays="")

    sign_in(page, server, "admin", "tsunagu-demo")
    page.wait_for_url(server["url"] + "/")
    page.goto(server["url"] + "/calendar?month=2026-08")
    expect(day_cell(page, 13).locator(".closed-day")).to_have_count(0)
    expect(day_cell(page, 13).locator(".hours")).to_have_text("0:00-24:00")
