import TsunaguCore

/// The labels of the pages, Japanese as in the manual, and English.
enum UIText {
    static let table: [String: LocalizedText] = [
        "product": LocalizedText(ja: "つなぐ オートコール", en: "Tsunagu Auto-call"),
        "login_title": LocalizedText(ja: "ログイン", en: "Sign in"),
        "login_tenantCode": LocalizedText(ja: "契約顧客コード", en: "Tenant code"),
        "login_loginID": LocalizedText(ja: "ユーザID", en: "User ID"),
        "login_password": LocalizedText(ja: "パスワード", en: "Password"),
        "login_submit": LocalizedText(ja: "ログイン", en: "Sign in"),
        "login_failed": LocalizedText(
            ja: "契約顧客コード、ユーザID、またはパスワードが正しくありません。",
            en: "The tenant code, user ID or password is not correct."),
        "login_missing": LocalizedText(
            ja: "契約顧客コード、ユーザID、パスワードを入力してください。",
            en: "Enter the tenant code, user ID and password."),
        "menu_home": LocalizedText(ja: "ホーム", en: "Home"),
        "menu_customers": LocalizedText(ja: "顧客一覧", en: "Customers"),
        "menu_logout": LocalizedText(ja: "ログアウト", en: "Sign out"),
        "language_switch": LocalizedText(ja: "English", en: "日本語"),
        "language_other": LocalizedText(ja: "en", en: "ja"),
        "customers_count": LocalizedText(ja: "{total}件中 {from}-{to}件表示", en: "Showing {from}-{to} of {total}"),
        "customers_empty": LocalizedText(ja: "顧客はまだ登録されていません。", en: "No customers yet."),
        "customers_id": LocalizedText(ja: "No", en: "No"),
        "customers_distributed": LocalizedText(ja: "配布済", en: "Distributed"),
        "customers_finalStatus": LocalizedText(ja: "最終ステータス", en: "Final status"),
        "customers_company": LocalizedText(ja: "会社名", en: "Company"),
        "customers_contact": LocalizedText(ja: "担当者名", en: "Contact"),
        "customers_address": LocalizedText(ja: "住所", en: "Address"),
        "customers_phone": LocalizedText(ja: "電話番号", en: "Phone"),
        "customers_email": LocalizedText(ja: "メールアドレス", en: "Email"),
        "customers_registeredOn": LocalizedText(ja: "登録日付", en: "Registered"),
        "customers_distributedMark": LocalizedText(ja: "済", en: "Yes"),
        "customers_unknownContact": CustomerDraft.unknownContactLabel,
        "signedInAs": LocalizedText(ja: "ログイン中", en: "Signed in as"),
        "login_forgot": LocalizedText(ja: "パスワードを忘れた方はこちら", en: "Forgot your password?"),
        "login_idle": LocalizedText(
            ja: "一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。",
            en: "You were signed out after a period of inactivity. Please sign in again."),
        "login_slowDown": LocalizedText(
            ja: "ログインの失敗が続いたため、しばらくお待ちください(あと{seconds}秒)。",
            en: "Too many failed sign-ins. Please wait {seconds} seconds."),
        "login_required": LocalizedText(ja: "ログインしてください。", en: "Please sign in."),
        "csrf_failed": LocalizedText(
            ja: "画面の有効期限が切れました。画面を開き直して、もう一度操作してください。",
            en: "This page has expired. Please reload it and try again."),
        "admin_only": LocalizedText(ja: "この操作は管理者のみ行えます。", en: "Only administrators can do this."),
        "error_title": LocalizedText(ja: "エラー", en: "Error"),
        "not_found": LocalizedText(ja: "指定されたデータが見つかりません。", en: "The requested item was not found."),
        "back": LocalizedText(ja: "戻る", en: "Back"),
        "save": LocalizedText(ja: "登録", en: "Save"),
        "showPassword": LocalizedText(ja: "パスワードを表示", en: "Show password"),
        "menu_userInfo": LocalizedText(ja: "ユーザ情報", en: "User info"),
        "menu_users": LocalizedText(ja: "ユーザ管理", en: "Users"),
        "menu_settings": LocalizedText(ja: "設定", en: "Settings"),
        "user_name": LocalizedText(ja: "氏名", en: "Name"),
        "user_group": LocalizedText(ja: "グループ", en: "Group"),
        "user_loginID": LocalizedText(ja: "ログインID", en: "Login ID"),
        "user_email": LocalizedText(ja: "メールアドレス", en: "Email"),
        "user_extension": LocalizedText(ja: "内線番号", en: "Extension"),
        "user_role": LocalizedText(ja: "権限", en: "Role"),
        "user_password": LocalizedText(ja: "パスワード", en: "Password"),
        "user_phonePassword": LocalizedText(ja: "MOTPhoneパスワード", en: "Phone password"),
        "user_canCreateLists": LocalizedText(ja: "コールリスト作成", en: "May create call lists"),
        "user_disabled": LocalizedText(ja: "無効", en: "Disabled"),
        "user_status": LocalizedText(ja: "状態", en: "Status"),
        "user_active": LocalizedText(ja: "有効", en: "Active"),
        "role_admin": LocalizedText(ja: "管理者", en: "Administrator"),
        "role_agent": LocalizedText(ja: "一般", en: "Agent"),
        "users_new": LocalizedText(ja: "新規登録", en: "New user"),
        "users_edit": LocalizedText(ja: "編集", en: "Edit"),
        "users_disable": LocalizedText(ja: "無効にする", en: "Disable"),
        "users_enable": LocalizedText(ja: "有効にする", en: "Enable"),
        "users_saved": LocalizedText(ja: "ユーザを登録しました。", en: "The user was saved."),
        "users_duplicateLoginID": LocalizedText(ja: "このログインIDはすでに使われています。", en: "This login ID is already in use."),
        "users_passwordHint": LocalizedText(ja: "変更する場合のみ入力してください。", en: "Only to change it."),
        "users_cannotDisableSelf": LocalizedText(ja: "自分自身を無効にすることはできません。", en: "You cannot disable yourself."),
        "me_changePassword": LocalizedText(ja: "パスワード変更", en: "Change password"),
        "me_changePhonePassword": LocalizedText(ja: "MOTPhoneパスワード変更", en: "Change phone password"),
        "me_passwordChanged": LocalizedText(
            ja: "パスワードを変更しました。次回のログインから新しいパスワードが使われます。他の画面のログインは終了しました。",
            en: "Your password was changed. It applies from your next sign-in; your other sessions were ended."),
        "me_phonePasswordChanged": LocalizedText(
            ja: "MOTPhoneパスワードを変更しました。一度ログアウトし、ログインし直すと適用されます。",
            en: "Your phone password was changed. Sign out and in again to apply it."),
        "me_note": LocalizedText(
            ja: "パスワードを変更した場合、一度ログアウトしてログインし直すと変更後のパスワードが適用されます。",
            en: "After a password change, sign out and in again to use the new password."),
        "forgot_title": LocalizedText(ja: "パスワードを忘れた場合", en: "Forgot your password"),
        "forgot_lead": LocalizedText(
            ja: "契約顧客コードとユーザIDを入力してください。登録されているメールアドレスにキーコードを送信します。",
            en: "Enter your tenant code and user ID. A key code is sent to your registered email address."),
        "forgot_submit": LocalizedText(ja: "送信", en: "Send"),
        "forgot_sent": LocalizedText(
            ja: "入力された内容でユーザが登録されている場合、登録されたメールアドレスにキーコードを送信しました。キーコードの有効時間は5分間です。",
            en: "If such a user exists, a key code was sent to the registered address. It is valid for 5 minutes."),
        "forgot_toReset": LocalizedText(ja: "キーコードを入力する", en: "Enter the key code"),
        "reset_title": LocalizedText(ja: "パスワード変更", en: "Change password"),
        "reset_keyCode": LocalizedText(ja: "キーコード", en: "Key code"),
        "reset_newPassword": LocalizedText(ja: "パスワード", en: "New password"),
        "reset_invalid": LocalizedText(
            ja: "メールアドレスまたはキーコードが正しくないか、キーコードの有効期限(5分)が切れています。",
            en: "The email address or key code is wrong, or the key code has expired (5 minutes)."),
        "reset_done": LocalizedText(ja: "パスワード変更完了", en: "Password changed"),
        "reset_doneLead": LocalizedText(
            ja: "パスワードを変更しました。変更後のパスワードでログインしてください。",
            en: "Your password was changed. Sign in with the new password."),
        "mail_resetSubject": LocalizedText(ja: "つなぐ パスワードの変更を受け付けました。", en: "Tsunagu: password change requested"),
        "mail_resetBody": LocalizedText(
            ja: "パスワードの変更を受け付けました。\n\n表示中の画面に以下のキーコードを入力し、新しいパスワードを設定してください。\nキーコードの有効時間は5分間です。\n\nキーコード: {code}\n\nお心当たりのない場合は、このメールを破棄してください。\n",
            en: "We received a request to change your password.\n\nEnter this key code on the screen and set a new password.\nThe key code is valid for 5 minutes.\n\nKey code: {code}\n\nIf you did not ask for this, ignore this mail.\n"),
        "filter_list": LocalizedText(ja: "リスト名", en: "List"),
        "filter_deleted": LocalizedText(ja: "削除済みを表示", en: "Show deleted"),
        "filter_kana": LocalizedText(ja: "会社名フリガナ", en: "Company (kana)"),
        "filter_prefecture": LocalizedText(ja: "都道府県", en: "Prefecture"),
        "filter_search": LocalizedText(ja: "検索", en: "Search"),
        "filter_clear": LocalizedText(ja: "クリア", en: "Clear"),
        "customers_notDistributed": LocalizedText(ja: "未", en: "No"),
        "settings_saved": LocalizedText(ja: "設定を保存しました。すぐに反映されます。", en: "Settings saved. They apply at once."),

    ]

    /// All labels in one language, for a template.
    static func labels(_ language: Language) -> [String: String] {
        table.mapValues { $0.text(in: language) }
    }
}
