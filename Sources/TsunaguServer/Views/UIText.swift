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
    ]

    /// All labels in one language, for a template.
    static func labels(_ language: Language) -> [String: String] {
        table.mapValues { $0.text(in: language) }
    }
}
