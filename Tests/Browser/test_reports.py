"""レポート end to end: an agent's calls on the simulated carrier show in the manager's report for today, with the
charts drawn as SVG; the CSV downloads in CP932 (as Excel in Japan opens it) and in UTF-8 with a BOM."""
import datetime
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from conftest import sign_in
from phone_helpers import download, expect_result, open_phone, set_settings


def test_the_report_counts_todays_calls_and_its_csv_opens_as_cp932(phone_server, browser, page):
    server = phone_server
    # Every call rings out quickly: an unanswered call each, nothing to hang up.
    set_settings(page, server, rules="* busy 1")
    context = browser.new_context(locale="ja-JP")
    agent = context.new_page()
    open_phone(agent, server, "agent1")
    download(agent, 25)
    agent.locator("#start").click()
    expect_result(agent, 3, "不応答", timeout=20_000)
    agent.locator("#start").click()  # 終了
    context.close()

    sign_in(page, server, "admin", "tsunagu-demo")
    page.wait_for_url(server["url"] + "/")
    page.get_by_role("link", name="レポート").click()
    expect(page.locator("h1")).to_have_text("レポート")
    today = datetime.datetime.now(ZoneInfo("Asia/Tokyo")).strftime("%Y-%m-%d")
    expect(page.locator("#report-period")).to_have_text(today)
    row = page.locator("#report-table tbody tr", has_text="佐藤 一郎(301)")
    expect(row).to_have_count(1)
    calls = int(row.locator("td").nth(1).inner_text())
    assert calls >= 3
    expect(row.locator("td").nth(2)).to_have_text("0")
    expect(page.locator("svg.heat-map")).to_be_visible()
    expect(page.locator("svg.trend")).to_be_visible()
    expect(page.get_by_text("応答率 = 応答数 ÷ 架電数")).to_be_visible()

    with page.expect_download() as caught:
        page.locator("#report-export").click()
    data = open(caught.value.path(), "rb").read()
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("cp932")
    lines = text.split("\r\n")
    assert lines[0].startswith("担当者,架電数,応答数,応答率,見込み,再架電,通話時間,平均処理時間,後処理時間,休憩時間")
    assert any(line.startswith(f"佐藤 一郎(301),{calls},0,0.0%") for line in lines)
    assert caught.value.suggested_filename.endswith(".csv")

    with page.expect_download() as caught:
        page.get_by_role("link", name="CSV（UTF-8）").click()
    data = open(caught.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode("utf-8").startswith("担当者,架電数")

    # A bad period is refused on the page with a message.
    page.goto(server["url"] + "/reports?kind=range&from=2026-02-30&to=2026-03-01")
    expect(page.get_by_role("alert")).to_contain_text("日付「2026-02-30」は正しくありません")
