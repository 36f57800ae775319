"""架電禁止リスト in the browser: a manager uploads a CP932 file with bad lines, sees the preview naming them, imports,
finds the numbers listed and searchable, and lifts one with a reason."""
from playwright.sync_api import expect

from conftest import sign_in

CSV = (
    "電話番号,メモ\r\n"
    "03-8888-0001,本人より電話\r\n"
    "TEL03-8888-0002,英字\r\n"
    "０３－８８８８－０００３,全角で入力\r\n"
    ",番号なし\r\n"
    "0388880001,二度目\r\n"
).encode("cp932")


def test_manager_imports_a_cp932_do_not_call_file(fresh_server, page):
    server = fresh_server
    sign_in(page, server, "admin", "tsunagu-demo")
    page.wait_for_url(server["url"] + "/")
    page.get_by_role("link", name="架電禁止リスト").click()
    page.set_input_files(
        "#import input[type=file]", files=[{"name": "架電禁止.csv", "mimeType": "text/csv", "buffer": CSV}])
    page.locator("#import").get_by_role("button", name="確認する").click()

    expect(page.get_by_text("Shift_JIS (CP932)")).to_be_visible()
    expect(page.locator("#new-count")).to_have_text("新たに登録する番号: 2件")
    expect(page.locator("#listed-count")).to_have_text("登録済みの番号: 0件")
    expect(page.locator("#duplicate-count")).to_have_text("ファイル内の重複: 1件")
    expect(page.locator("#rejected-title")).to_have_text("取り込めない行: 2件")
    rejected = page.locator("#rejected tbody tr")
    assert rejected.nth(0).inner_text() == "3\t電話番号に英字が含まれています。"
    assert rejected.nth(1).inner_text() == "5\t電話番号が入力されていません。"

    page.get_by_role("button", name="取り込む").click()
    expect(page.get_by_role("status")).to_have_text(
        "取り込みが完了しました。新規 2件、登録済み 0件、ファイル内の重複 1件、エラー 2件。")
    first = page.locator("tr[data-number='0388880001']")
    expect(first).to_contain_text("架電禁止(CSV)")
    expect(first).to_contain_text("本人より電話")
    expect(page.locator("tr[data-number='0388880003']")).to_contain_text("全角で入力")

    page.locator("form.filters input[name=search]").fill("03-8888-0003")
    page.get_by_role("button", name="検索").click()
    expect(page.get_by_text("1件中 1-1件表示")).to_be_visible()
    row = page.locator("tr[data-number='0388880003']")
    row.get_by_label("解除理由").fill("誤って登録")
    row.get_by_role("button", name="解除").click()
    expect(page.get_by_role("status")).to_have_text("0388880003 の架電禁止を解除しました。")
    expect(page.locator("tr[data-number='0388880003']")).to_have_count(0)
