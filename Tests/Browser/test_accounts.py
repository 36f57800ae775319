"""Accounts in a real browser (manual §4-3, §4-4): password change, password reset by mail through a real SMTP server, idle sign-out."""
import re
import time

from conftest import sign_in

DEMO_PASSWORD = "tsunagu-demo"


def test_password_change_with_show_toggle(server, browser):
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    sign_in(page, server, "admin", DEMO_PASSWORD)
    page.wait_for_url(server["url"] + "/")
    page.get_by_role("link", name="ユーザ情報").click()
    assert page.locator("dl.details").get_by_text("山田 花子", exact=True).is_visible()
    field = page.locator("form[action='/me/password'] input[name=password]")
    field.fill("admin-new-password")
    assert field.get_attribute("type") == "password"
    page.locator("form[action='/me/password'] [data-toggle-password]").click()
    assert field.get_attribute("type") == "text", "👁 shows the password"
    page.get_by_role("button", name="パスワード変更", exact=True).click()
    assert "パスワードを変更しました" in page.get_by_role("status").inner_text()

    other = browser.new_context(locale="ja-JP").new_page()
    sign_in(other, server, "admin", DEMO_PASSWORD)
    assert "正しくありません" in other.get_by_role("alert").inner_text()
    sign_in(other, server, "admin", "admin-new-password")
    other.wait_for_url(server["url"] + "/")
    context.close()


def key_code_from(mail):
    body = mail.get_body(preferencelist=("plain",)).get_content()
    match = re.search(r"キーコード: ([0-9a-f]{20})", body)
    assert match, body
    return match.group(1)


def test_password_reset_with_key_code_from_real_mail(server, smtp, page):
    already = len(smtp.mails())
    page.goto(server["url"] + "/login")
    page.get_by_role("link", name="パスワードを忘れた方はこちら").click()
    page.get_by_label("契約顧客コード").fill("demo")
    page.get_by_label("ユーザID").fill("agent2")
    page.get_by_role("button", name="送信").click()
    assert "キーコードを送信しました" in page.get_by_role("status").inner_text()

    deadline = time.time() + 20
    while len(smtp.mails()) <= already and time.time() < deadline:
        time.sleep(0.2)
    mail = smtp.mails()[-1]
    assert mail["To"] == "agent2@demo.tsunagu.invalid"
    assert "パスワードの変更を受け付けました" in str(mail["Subject"])
    code = key_code_from(mail)

    page.get_by_role("link", name="キーコードを入力する").click()
    page.get_by_label("メールアドレス").fill("agent2@demo.tsunagu.invalid")
    page.get_by_label("キーコード").fill(code)
    page.locator("input[name=password]").fill("agent2-after-reset")
    page.get_by_role("button", name="パスワード変更").click()
    assert page.get_by_role("heading", name="パスワード変更完了").is_visible()

    # The key code works once only.
    page.goto(server["url"] + "/password/reset")
    page.get_by_label("メールアドレス").fill("agent2@demo.tsunagu.invalid")
    page.get_by_label("キーコード").fill(code)
    page.locator("input[name=password]").fill("agent2-third-password")
    page.get_by_role("button", name="パスワード変更").click()
    assert "キーコードが正しくないか" in page.get_by_role("alert").inner_text()

    page.goto(server["url"] + "/login")
    sign_in(page, server, "agent2", "agent2-after-reset")
    page.wait_for_url(server["url"] + "/")


def test_idle_sign_out(fresh_server, page):
    sign_in(page, fresh_server, "admin", DEMO_PASSWORD)
    page.wait_for_url(fresh_server["url"] + "/")
    page.get_by_role("link", name="設定").click()
    page.locator("input[name=idleLogoutMinutes]").fill("1")
    page.get_by_role("button", name="登録").click()
    assert "設定を保存しました" in page.get_by_role("status").inner_text()
    time.sleep(62)
    page.get_by_role("link", name="顧客一覧").click()
    page.wait_for_url(re.compile(r".*/login\?timeout=1$"))
    assert "一定時間操作がなかったため、ログアウトしました。" in page.get_by_role("status").inner_text()
