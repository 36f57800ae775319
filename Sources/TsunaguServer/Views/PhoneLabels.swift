import Foundation
import TsunaguCore

/// The phone screen's labels (manual §1-2), handed to its script as JSON.
enum PhoneLabels {
    static let table: [String: LocalizedText] = [
        "title": LocalizedText(ja: "つなぐ/Phone", en: "Tsunagu/Phone"),
        "start": LocalizedText(ja: "開始", en: "Start"),
        "stop": LocalizedText(ja: "終了", en: "Stop"),
        "dial": LocalizedText(ja: "発信", en: "Dial"),
        "hangUp": LocalizedText(ja: "切断", en: "Hang up"),
        "download": LocalizedText(ja: "ダウンロード", en: "Download"),
        "upload": LocalizedText(ja: "アップロード", en: "Upload"),
        "compact": LocalizedText(ja: "縮小", en: "Compact"),
        "no": LocalizedText(ja: "No", en: "No"),
        "col_position": LocalizedText(ja: "位置", en: "▶"),
        "col_no": LocalizedText(ja: "No", en: "No"),
        "col_done": LocalizedText(ja: "済", en: "Done"),
        "col_company": LocalizedText(ja: "会社名", en: "Company"),
        "col_contact": LocalizedText(ja: "担当者名", en: "Contact"),
        "col_phone": LocalizedText(ja: "電話番号", en: "Phone"),
        "col_result": LocalizedText(ja: "結果", en: "Result"),
        "col_prospect": LocalizedText(ja: "見込み", en: "Prospect"),
        "col_callback": LocalizedText(ja: "再架電", en: "Call back"),
        "col_memo": LocalizedText(ja: "対応メモ", en: "Memo"),
        "col_calledAt": LocalizedText(ja: "架電日時", en: "Called at"),
        "contactUnknown": LocalizedText(ja: "担当者不明", en: "Contact unknown"),
        "stage_idle": LocalizedText(ja: "待機中", en: "Idle"),
        "stage_dialing": LocalizedText(ja: "発信中", en: "Dialing"),
        "stage_ringing": LocalizedText(ja: "呼出中", en: "Ringing"),
        "stage_talking": LocalizedText(ja: "通話中", en: "Talking"),
        "stage_hangingUp": LocalizedText(ja: "切断中", en: "Hanging up"),
        "lamp_ready": LocalizedText(ja: "発信できます", en: "Ready to call"),
        "lamp_offline": LocalizedText(ja: "サーバーに接続していません。再接続しています…", en: "Not connected to the server. Reconnecting…"),
        "lamp_notReady": LocalizedText(ja: "電話が利用できません", en: "The phone is not available"),
        "yes": LocalizedText(ja: "はい", en: "Yes"),
        "cancel": LocalizedText(ja: "いいえ", en: "No"),
        "saving": LocalizedText(ja: "保存中…", en: "Saving…"),
        "saved": LocalizedText(ja: "保存済み", en: "Saved"),
        "unsaved": LocalizedText(ja: "未保存", en: "Not saved"),
        "dialpad": LocalizedText(ja: "ダイヤル", en: "Dial pad"),
        "dialpad_clear": LocalizedText(ja: "クリア", en: "Clear"),
        "rows": LocalizedText(ja: "{count}件", en: "{count} rows"),
        "resignin_title": LocalizedText(ja: "もう一度ログインしてください", en: "Please sign in again"),
        "resignin_text": LocalizedText(
            ja: "ログインが切れました。画面の内容はサーバーに保存されています。ログインすると続きから操作できます。",
            en: "You were signed out. Everything on this screen is saved on the server; sign in to carry on."),
        "tenantCode": LocalizedText(ja: "契約顧客コード", en: "Tenant code"),
        "loginID": LocalizedText(ja: "ユーザID", en: "User ID"),
        "password": LocalizedText(ja: "パスワード", en: "Password"),
        "signIn": LocalizedText(ja: "ログイン", en: "Sign in"),
        "notSent": LocalizedText(
            ja: "接続が切れていたため、この操作は送信されませんでした。もう一度操作してください。",
            en: "The connection was lost, so this action was not sent. Please try again."),
        "leaveWarning": LocalizedText(ja: "保存されていない入力があります。", en: "Some input is not saved yet."),
    ]

    static func json(in language: Language) -> String {
        let labels = table.mapValues { $0.text(in: language) }
        let data = (try? JSONEncoder().encode(labels)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
