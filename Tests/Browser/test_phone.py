"""つなぐ/Phone end to end on the simulated carrier (manual §3): download, auto-dial, edits, the re-dial pass,
upload, and nothing lost across a reload, a second tab or a server killed with SIGKILL."""
import re

from playwright.sync_api import expect

from conftest import sign_in
from phone_helpers import (download, expect_cursor, expect_result, expect_saved, expect_status, number_of, open_phone, row,
                           set_settings)


def test_auto_dial_moves_on_after_no_answer_and_stops_on_answer(phone_server, page):
    server = phone_server
    set_settings(page, server, rules="1000 busy 1\n1002 reject 1\n* answer 1")
    open_phone(page, server)
    expect(page.locator("#start")).to_have_text("開始")
    download(page, 25)
    expect(page.locator("#row-count")).to_have_text("25件")
    expect(row(page, 1).locator("td.contact input")).to_have_attribute("placeholder", "担当者不明")

    # §3-2: 開始 dials ▶; 不応答 rows move on by themselves; the answered call does not.
    page.locator("#start").click()
    expect(page.locator("#start")).to_have_text("終了")
    expect_result(page, 1, "不応答", "話し中")
    expect_result(page, 2, "不応答", "着信拒否")
    expect_result(page, 3, "応答")
    expect_status(page, "通話中 " + number_of(3))
    expect_cursor(page, 3)
    expect(row(page, 3).locator("td.done input")).to_be_checked()
    expect(row(page, 1).locator("td.done input")).not_to_be_checked()
    expect(row(page, 1).locator("td.calledAt")).to_have_text(re.compile(r"^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}:\d{2}$"))

    # §3-3: memo, 見込み and the contact's name during the call.
    row(page, 3).locator("td.memo input").fill("資料送付希望")
    row(page, 3).locator("td.prospect input").check()
    row(page, 3).locator("td.contact input").fill("田中部長")
    row(page, 3).locator("td.contact input").press("Enter")
    expect_saved(page)

    # Hang up: ▶ moves on, nothing is dialled, auto-dial stays armed; 発信 (or Ctrl+Enter) dials when ready.
    page.locator("#dialpad-hangup").click()
    expect_status(page, "待機中 301")
    expect_cursor(page, 4)
    expect(page.locator("#start")).to_have_text("終了")
    expect(row(page, 4).locator("td.result .result-label")).to_have_text("")
    page.keyboard.press("Control+Enter")
    expect_result(page, 4, "応答")

    # 終了 during a call stops auto-dial but never cuts the call; ▶ stays on the row called.
    page.locator("#start").click()
    expect(page.locator("#start")).to_have_text("開始")
    expect_status(page, "通話中")
    page.locator("#dialpad-hangup").click()
    expect_status(page, "待機中")
    expect_cursor(page, 4)

    # After a reload everything is still there.
    page.reload()
    expect(row(page, 3).locator("td.memo input")).to_have_value("資料送付希望")
    expect(row(page, 3).locator("td.contact input")).to_have_value("田中部長")
    expect(row(page, 3).locator("td.prospect input")).to_be_checked()
    expect_result(page, 2, "不応答", "着信拒否")
    expect_cursor(page, 4)


def test_redial_pass_from_the_top(phone_server, page):
    """§3-4: rows with 済 are skipped; from the top, 開始 dials No.3, then No.5, then No.11."""
    server = phone_server
    set_settings(page, server, rules="1004 busy 1\n1008 invalid\n* answer 1")
    open_phone(page, server)
    download(page, 25)
    for no in [1, 2, 4, 6, 7, 8, 9, 10]:
        row(page, no).locator("td.done input").check()
    expect_saved(page)
    row(page, 1).locator("td.position").click()
    expect_cursor(page, 1)
    page.locator("#start").click()
    expect_result(page, 3, "不応答", "話し中")
    expect_result(page, 5, "不応答", "番号不明")
    expect_result(page, 11, "応答")
    expect_status(page, "通話中 " + number_of(11))
    for no in [1, 2, 4, 6, 7, 8, 9, 10]:
        expect(row(page, no).locator("td.calledAt")).to_have_text("")
    page.locator("#dialpad-hangup").click()
    expect_status(page, "待機中")


def test_upload_with_confirmation_and_the_no_list_message(phone_server, page):
    server = phone_server
    set_settings(page, server, rules="* busy 1")
    open_phone(page, server)
    download(page, 25)
    row(page, 2).locator("td.position").click()
    page.locator("#start").click()
    expect_result(page, 2, "不応答", "話し中")
    page.locator("#start").click()  # 終了
    expect(page.locator("#start")).to_have_text("開始")
    expect_status(page, "待機中")
    row(page, 2).locator("td.callback input").check()
    expect_saved(page)

    page.locator("#upload").click()
    expect(page.locator("#confirm-text")).to_have_text("結果をアップロードしますか?")
    page.locator("#confirm-no").click()
    expect(page.locator("#desk-rows tr")).to_have_count(25)
    page.locator("#upload").click()
    page.locator("#confirm-yes").click()
    expect(page.locator("#desk-rows tr")).to_have_count(0)

    # The rows that were not called come back; the reported ones do not.
    called = page.locator("#desk-rows tr").count()
    assert called == 0
    page.locator("#download").click()
    expect(page.locator("#desk-rows tr")).not_to_have_count(0)
    remaining = page.locator("#desk-rows tr").count()
    assert remaining < 25
    page.locator("#download").click()
    expect(page.locator("#notice")).to_have_text("取得可能なリストがありません。")


def test_work_list_cap_and_automatic_fetch(phone_server, page):
    server = phone_server
    set_settings(page, server, rules="* invalid", workListCap=10, fetchMode="automatic")
    open_phone(page, server)
    page.locator("#download").click()
    expect(page.locator("#desk-rows tr")).to_have_count(10)
    expect(page.locator("#notice")).to_have_text("登録上限人数(10名)を超えた分のデータはインポートされませんでした。")
    # Every number is invalid: the walk reaches the end, fetching more finds no room.
    page.locator("#start").click()
    expect_result(page, 10, "不応答", "番号不明")
    expect(page.locator("#start")).to_have_text("開始")


def test_reload_mid_call_and_sigkill_in_wrap_up(phone_server, page):
    server = phone_server
    set_settings(page, server, rules="* answer 1")
    open_phone(page, server)
    download(page, 25)
    page.locator("#start").click()
    expect_status(page, "通話中 " + number_of(1))
    row(page, 1).locator("td.memo input").fill("通話中のメモ")
    expect_saved(page)
    page.reload()
    expect_status(page, "通話中 " + number_of(1))
    expect(row(page, 1).locator("td.memo input")).to_have_value("通話中のメモ")
    page.locator("#dialpad-hangup").click()
    expect_status(page, "待機中")

    # Wrap-up: memo, 再架電, name; the server dies the moment they show as saved.
    row(page, 1).locator("td.memo input").fill("後処理: 来週再度")
    row(page, 1).locator("td.callback input").check()
    row(page, 1).locator("td.contact input").fill("山田")
    row(page, 1).locator("td.contact input").press("Enter")
    row(page, 5).locator("td.position").click()
    expect_cursor(page, 5)
    expect_saved(page)
    server.kill()
    expect(page.locator("#lamp")).to_have_attribute("data-ready", "false")
    server.start()
    # The screen reconnects by itself and shows every edit.
    expect(page.locator("#lamp")).to_have_attribute("data-ready", "true", timeout=20_000)
    expect(row(page, 1).locator("td.memo input")).to_have_value("後処理: 来週再度")
    expect(row(page, 1).locator("td.callback input")).to_be_checked()
    expect(row(page, 1).locator("td.contact input")).to_have_value("山田")
    expect_result(page, 1, "応答")
    expect_cursor(page, 5)
    page.reload()
    expect(row(page, 1).locator("td.memo input")).to_have_value("後処理: 来週再度")
    expect_cursor(page, 5)


def test_two_tabs_of_one_agent_stay_consistent(phone_server, page):
    server = phone_server
    open_phone(page, server)
    download(page, 25)
    other = page.context.new_page()
    other.goto(server["url"] + "/phone")
    expect(other.locator("#desk-rows tr")).to_have_count(25)
    row(page, 2).locator("td.memo input").fill("タブ1で入力")
    expect(row(other, 2).locator("td.memo input")).to_have_value("タブ1で入力")
    row(other, 3).locator("td.prospect input").check()
    expect(row(page, 3).locator("td.prospect input")).to_be_checked()
    row(other, 6).locator("td.position").click()
    expect_cursor(page, 6)


def test_signed_out_screen_asks_to_sign_in_and_carries_on(phone_server, page):
    """The session ends while the screen is open; it asks to sign in again, keeps everything, then the
    upload completes."""
    server = phone_server
    open_phone(page, server)
    download(page, 25)
    row(page, 1).locator("td.memo input").fill("サインアウト前のメモ")
    expect_saved(page)
    menu = page.context.new_page()
    menu.goto(server["url"] + "/")
    menu.get_by_role("button", name="ログアウト").click()
    dialog = page.locator("#signin-dialog")
    expect(dialog).to_be_visible(timeout=30_000)
    expect(dialog).to_contain_text("もう一度ログインしてください")
    dialog.get_by_label("パスワード").fill("wrong password")
    dialog.get_by_role("button", name="ログイン").click()
    expect(page.locator("#signin-error")).to_contain_text("正しくありません")
    dialog.get_by_label("パスワード").fill("tsunagu-demo")
    dialog.get_by_role("button", name="ログイン").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#lamp")).to_have_attribute("data-ready", "true")
    expect(row(page, 1).locator("td.memo input")).to_have_value("サインアウト前のメモ")
    page.locator("#upload").click()
    page.locator("#confirm-yes").click()
    expect(page.locator("#desk-rows tr")).to_have_count(0)


def test_dial_pad_and_number_link(phone_server, page):
    """§3-3: the dial pad calls any number; a number on the list opens 顧客編集 in a new tab."""
    server = phone_server
    set_settings(page, server, rules="* answer 1")
    open_phone(page, server)
    page.locator("#dialpad-number").fill("abc")
    page.locator("#dialpad-call").click()
    expect(page.locator("#notice")).not_to_have_text("")
    expect_status(page, "待機中")
    page.locator("#dialpad-number").fill("")
    for key in "0312345678":
        page.locator("#dialpad-keys button", has_text=key).first.click()
    page.locator("#dialpad-call").click()
    expect_status(page, "通話中 0312345678")
    page.locator("#dialpad-hangup").click()
    expect_status(page, "待機中")

    download(page, 25)
    with page.context.expect_page() as opened:
        row(page, 2).locator("td.phone a").click()
    customer = opened.value
    customer.wait_for_load_state()
    assert "/customers/" in customer.url
    expect(customer.locator("input[name=phone]")).to_have_value(number_of(2))


def test_call_log_shows_every_call_to_managers_and_own_calls_to_agents(phone_server, page):
    server = phone_server
    set_settings(page, server, rules="1000 busy 1\n* answer 1")
    open_phone(page, server)
    download(page, 25)
    page.locator("#start").click()
    expect_result(page, 2, "応答")
    row(page, 2).locator("td.memo input").fill("通話一覧に出るメモ")
    expect_saved(page)
    page.locator("#dialpad-hangup").click()
    expect_status(page, "待機中")

    page.goto(server["url"] + "/calls")
    calls = page.locator("#calls tbody tr")
    expect(calls).to_have_count(2)
    expect(calls.nth(0)).to_contain_text("佐藤 一郎(301)")
    expect(calls.nth(0)).to_contain_text("通話一覧に出るメモ")
    expect(calls.nth(1)).to_contain_text("不応答(話し中)")
    page.get_by_label("架電ステータス").select_option("answered")
    page.get_by_role("button", name="検索").click()
    expect(calls).to_have_count(1)

    page.context.clear_cookies()
    sign_in(page, server, "agent2", "tsunagu-demo")
    page.goto(server["url"] + "/calls")
    expect(page.get_by_text("該当する通話はありません。")).to_be_visible()
    page.context.clear_cookies()
    sign_in(page, server, "admin", "tsunagu-demo")
    page.goto(server["url"] + "/calls?extension=301")
    expect(page.locator("#calls tbody tr")).to_have_count(2)
