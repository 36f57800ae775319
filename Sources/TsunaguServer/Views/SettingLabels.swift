import TsunaguCore

/// Each tenant setting's name and its short explanation on the settings page.
enum SettingLabels {
    case fetchMode, dialingMode, autoNextAfter, doneMarkedOn, phoneNumberOpensCustomerEdit, customerScope, customerEdit
    case csvExportAndDeleteEnabled, idleLogoutMinutes, workListCap, ringTimeoutSeconds, doubleDialGuardMinutes,
        timeZone, carrierRules
    case sipHost, sipPort, sipTransport, sipAuthUser, sipPassword, sipCallerID, sipFromDomain, sipRegister,
        sipNumberFormat, sipDTMF

    var label: LocalizedText {
        switch self {
        case .fetchMode: LocalizedText(ja: "コールリストの取得方法", en: "Call list fetch")
        case .dialingMode: LocalizedText(ja: "発信方法", en: "Dialing")
        case .autoNextAfter: LocalizedText(ja: "自動発信の対象", en: "Auto-dial the next row after")
        case .doneMarkedOn: LocalizedText(ja: "「済」をつける架電", en: "Tick 済 on")
        case .phoneNumberOpensCustomerEdit:
            LocalizedText(ja: "電話番号クリックで顧客編集を開く", en: "Phone number opens customer edit")
        case .customerScope: LocalizedText(ja: "顧客情報の表示", en: "Customers shown")
        case .customerEdit: LocalizedText(ja: "顧客情報の編集", en: "Customer editing")
        case .csvExportAndDeleteEnabled: LocalizedText(ja: "顧客CSV出力・削除ボタン", en: "Customer CSV export and delete")
        case .idleLogoutMinutes: LocalizedText(ja: "自動ログアウトまでの時間(分)", en: "Idle sign-out (minutes)")
        case .workListCap: LocalizedText(ja: "MOT/Phone画面のリスト上限(件)", en: "Phone screen row limit")
        case .ringTimeoutSeconds: LocalizedText(ja: "呼出し時間の上限(秒)", en: "Ring timeout (seconds)")
        case .doubleDialGuardMinutes: LocalizedText(ja: "二重発信の確認(分)", en: "Double-dial guard (minutes)")
        case .timeZone: LocalizedText(ja: "タイムゾーン", en: "Time zone")
        case .carrierRules: LocalizedText(ja: "模擬回線のルール", en: "Simulated carrier rules")
        case .sipHost: LocalizedText(ja: "SIPトランク: ホスト", en: "SIP trunk: host")
        case .sipPort: LocalizedText(ja: "SIPトランク: ポート", en: "SIP trunk: port")
        case .sipTransport: LocalizedText(ja: "SIPトランク: 転送方式", en: "SIP trunk: transport")
        case .sipAuthUser: LocalizedText(ja: "SIPトランク: 認証ユーザ", en: "SIP trunk: auth user")
        case .sipPassword: LocalizedText(ja: "SIPトランク: 認証パスワード", en: "SIP trunk: auth password")
        case .sipCallerID: LocalizedText(ja: "SIPトランク: 発信者番号", en: "SIP trunk: caller ID")
        case .sipFromDomain: LocalizedText(ja: "SIPトランク: Fromのドメイン", en: "SIP trunk: From domain")
        case .sipRegister: LocalizedText(ja: "SIPトランク: REGISTER", en: "SIP trunk: REGISTER")
        case .sipNumberFormat: LocalizedText(ja: "SIPトランク: 番号の形式", en: "SIP trunk: number format")
        case .sipDTMF: LocalizedText(ja: "SIPトランク: トーン(DTMF)の送り方", en: "SIP trunk: DTMF tones")
        }
    }

    var help: LocalizedText {
        switch self {
        case .fetchMode:
            LocalizedText(
                ja: "手動: ダウンロードのたびに取得します。自動: 最初のダウンロード後、リストがなくなると自動で取得します。",
                en:
                    "Manual: each ダウンロード click fetches rows. Automatic: after the first click, rows are fetched whenever they run out."
            )
        case .dialingMode:
            LocalizedText(
                ja: "自動: 開始で自動発信します。手動: 開始/発信で▶の行だけに発信します。",
                en: "Automatic: 開始 starts auto-dial. Manual: 開始/発信 dials the ▶ row only.")
        case .autoNextAfter:
            LocalizedText(
                ja: "通常は不応答のときだけ次の顧客に自動発信します。応答した通話のあとも自動発信するかを選びます。",
                en: "Normally only unanswered calls move on by themselves; choose whether answered calls do too.")
        case .doneMarkedOn:
            LocalizedText(
                ja: "「済」の行は上からの再架電で飛ばされます。応答のときだけか、架電したものすべてにつけるかを選びます。",
                en:
                    "Rows with 済 are skipped on the re-dial pass; tick it on answered calls only, or on every dialled call."
            )
        case .phoneNumberOpensCustomerEdit:
            LocalizedText(
                ja: "MOT/Phone画面で電話番号をクリックすると、顧客編集画面を別タブで開きます。",
                en: "Clicking a number on the phone screen opens the customer edit page in a new tab.")
        case .customerScope:
            LocalizedText(ja: "顧客一覧で一般ユーザに見せる範囲です。", en: "Which customers agents see in the customer list.")
        case .customerEdit:
            LocalizedText(
                ja: "一般ユーザが編集できる顧客の範囲です。編集不可のときは編集ボタンが表示されません。",
                en: "Which customers agents may edit; with no editing the 編集 button is hidden.")
        case .csvExportAndDeleteEnabled:
            LocalizedText(
                ja: "顧客一覧の「顧客CSVダウンロード」と「削除」ボタンを表示するかどうかです。",
                en: "Whether the customer list shows the CSV download and delete buttons.")
        case .idleLogoutMinutes:
            LocalizedText(
                ja: "操作がないまま、この時間が過ぎると自動的にログアウトします。",
                en: "Users are signed out after this long without activity.")
        case .workListCap:
            LocalizedText(
                ja: "1人のMOT/Phone画面に取得できる最大件数です(500件まで)。",
                en: "The most rows one agent's phone screen may hold (at most 500).")
        case .ringTimeoutSeconds:
            LocalizedText(
                ja: "応答がない発信を切るまでの時間です。端末設備等規則により120秒を超えられません。",
                en: "How long an unanswered call rings; the Japanese terminal equipment rules cap it at 120 seconds.")
        case .doubleDialGuardMinutes:
            LocalizedText(
                ja: "この時間内に架電した番号に開始するときは、発信前に確認します。0で無効です。",
                en: "開始 on a number called within this many minutes asks first; 0 turns it off.")
        case .timeZone:
            LocalizedText(
                ja: "画面に表示する日時のタイムゾーンです(例: Asia/Tokyo)。",
                en: "The time zone times are shown in (e.g. Asia/Tokyo).")
        case .carrierRules:
            LocalizedText(
                ja:
                    "電話回線なしで試すための模擬回線が、番号の末尾ごとにどう振る舞うかです。1行に1つ「末尾 動作 秒」、*はその他の番号。動作: answer(応答) ringOut(呼出し続け) busy(話し中) invalid(番号不明) reject(着信拒否)。",
                en:
                    "How the simulated carrier (for trying Tsunagu without a phone line) treats numbers by their ending: one rule per line, “ending behaviour seconds”, * for other numbers. Behaviours: answer, ringOut, busy, invalid, reject."
            )
        case .sipHost:
            LocalizedText(
                ja: "TELEPHONY=sip で起動したときの発信先(IP-PBXや回線事業者のSIPサーバ)です。空にするとSIPトランクを使いません。",
                en:
                    "Where calls go when the server runs with TELEPHONY=sip (an IP-PBX or the carrier's SIP server). Empty: no SIP trunk."
            )
        case .sipPort:
            LocalizedText(ja: "通常は5060です。", en: "Usually 5060.")
        case .sipTransport:
            LocalizedText(ja: "SIPを運ぶ方式です。回線事業者の指定に合わせます。", en: "How SIP is carried; as the carrier specifies.")
        case .sipAuthUser:
            LocalizedText(
                ja: "401/407で認証を求められたときのユーザ名です。IPアドレスで認証するトランクでは空にします。",
                en: "The user name for 401/407 digest challenges; empty for trunks that trust our address.")
        case .sipPassword:
            LocalizedText(
                ja: "保存済みのパスワードは表示しません。空のままなら変更しません。",
                en: "The stored password is never shown; leave empty to keep it.")
        case .sipCallerID:
            LocalizedText(ja: "お客様に通知される番号(Fromのユーザ部)です。", en: "The number customers see (the From user part).")
        case .sipFromDomain:
            LocalizedText(ja: "Fromのホスト部です。空ならトランクのホストを使います。", en: "The From host; the trunk host when empty.")
        case .sipRegister:
            LocalizedText(
                ja: "トランクがREGISTERを求める場合に有効にします。期限が切れる前に更新します。",
                en: "Turn on when the trunk wants a REGISTER; it is refreshed before it expires.")
        case .sipNumberFormat:
            LocalizedText(
                ja: "発信先の番号の書き方です。国内形式(0312345678)かE.164(+81312345678)。",
                en: "How dialled numbers are written: national (0312345678) or E.164 (+81312345678).")
        case .sipDTMF:
            LocalizedText(
                ja: "通話中にダイヤルパッドで押した番号の送り方です。RFC 4733(音声の中で送る、通常はこちら)か、SIP INFO(トランクが求める場合)。",
                en:
                    "How dial-pad keys pressed during a call reach the trunk: RFC 4733 events in the audio (usual), or SIP INFO where the trunk wants it."
            )
        }
    }
}
