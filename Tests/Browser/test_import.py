"""顧客インポート in the browser: a CP932 file with bad rows, the preview, confirmation as a list, then 顧客一覧."""
from playwright.sync_api import expect

from conftest import sign_in
from phone_helpers import open_phone

CSV = (
    "会社名,会社名フリガナ,担当者名,電話番号,都道府県,住所\r\n"
    "ブラウザ商事,ブラウザショウジ,佐藤,03-7777-0001,東京都,千代田区1-1\r\n"
    "英字のある会社,,,TEL03-7777-0002,,\r\n"
    "ブラウザ物産,ブラウザブッサン,,０３－７７７７－０００３,神奈川県,横浜市1-1\r\n"
    "\"閉じていない,,,03-7777-0004,,\r\n"
).encode("cp932")


def test_import_cp932_file_with_bad_rows_as_a_list(fresh_server, page):
    server = fresh_server
    sign_in(page, server, "admin", "tsunagu-demo")
    page.wait_for_url(server["url"] + "/")
    page.get_by_role("link", name="顧客インポート").click()
    page.set_input_files("input[type=file]", files=[{"name": "顧客.csv", "mimeType": "text/csv", "buffer": CSV}])
    page.get_by_role("button", name="確認する").click()
    assert page.get_by_text("取り込める行: 2件").is_visible()
    assert page.get_by_text("取り込めない行: 2件").is_visible()
    rejected = page.locator("#rejected tbody tr")
    assert rejected.nth(0).inner_text() == "3\t電話番号に英字が含まれています。"
    assert "閉じられていません" in rejected.nth(1).inner_text()
    page.get_by_label("コールリスト名(入力するとリストを作成)").fill("ブラウザリスト")
    page.get_by_role("button", name="取り込む").click()
    assert "新規 2件" in page.get_by_role("status").inner_text()

    page.get_by_role("link", name="顧客一覧").first.click()
    page.locator("select[name=list]").select_option(label="ブラウザリスト")
    page.get_by_role("button", name="検索").click()
    assert page.get_by_text("2件中 1-2件表示").is_visible()
    assert page.get_by_role("cell", name="ブラウザ物産").is_visible()
    page.get_by_label("電話番号").fill("0377770001")
    page.get_by_role("button", name="検索").click()
    assert page.get_by_text("1件中 1-1件表示").is_visible()
    assert page.get_by_role("cell", name="ブラウザ商事").is_visible()

    # 配布: split the new list between the two demo agents.
    page.get_by_role("link", name="コールリスト一覧").click()
    row = page.locator("tr[data-list='ブラウザリスト']")
    row.locator("select[name=mode]").select_option("evenSplit")
    row.get_by_label("佐藤 一郎").check()
    row.get_by_label("鈴木 次郎").check()
    row.get_by_role("button", name="配布").click()
    assert page.get_by_role("status").inner_text() == "配布しました。"
    holders = page.locator("tr[data-list='ブラウザリスト']").inner_text()
    assert "佐藤 一郎: 未取得 1件 / 画面上 0件" in holders and "鈴木 次郎: 未取得 1件 / 画面上 0件" in holders

    page.goto(server["url"] + "/customers?distributed=distributed&company=%E3%83%96%E3%83%A9%E3%82%A6%E3%82%B6")  # ブラウザ
    assert page.get_by_text("2件中 1-2件表示").is_visible()

    # The agents download their share on つなぐ/Phone: first the demo list's rows, then the new list's.
    page.context.clear_cookies()
    open_phone(page, server, "agent2")
    page.locator("#download").click()
    expect(page.locator("#desk-rows tr")).to_have_count(26)
    expect(page.locator("#desk-rows tr").last.locator("td.company")).to_contain_text("ブラウザ")
