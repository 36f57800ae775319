/// Every text with values in it, Japanese and English side by side: the other half of the one catalog (`Label` holds
/// the fixed texts). A message names its arguments (`.customersDeleted(count: 3)`), so a value can never land in the
/// wrong place, and Swift interpolates them: there is no `{count}` to replace.
public enum Message: Sendable, Hashable {
    // MARK: Sign-in and mail
    case loginSlowDown(seconds: Int)
    case mailResetBody(keyCode: String)

    // MARK: 顧客一覧
    case customersCount(total: Int, from: Int, to: Int)
    case customersCountOver(total: Int, from: Int, to: Int)
    case customersDeleteQuestion(count: Int)
    case customersDeleted(count: Int)
    case customersInvalidDate(text: String)
    case unknownPrefecture(text: String)

    // MARK: コールリスト一覧
    case listsCreatedFromSearch(count: Int)
    case listsHolder(who: String, waiting: Int, onScreen: Int)

    case callbacksReassigned(company: String, agent: String)

    // MARK: 架電禁止リスト
    case doNotCallAdded(number: String)
    case doNotCallAlreadyListed(number: String)
    case doNotCallLifted(number: String)
    case doNotCallNoteTooLong(maximum: Int)
    case doNotCallReasonTooLong(maximum: Int)
    case doNotCallImportNew(count: Int)
    case doNotCallImportAlreadyListed(count: Int)
    case doNotCallImportDuplicates(count: Int)
    case doNotCallImported(inserted: Int, alreadyListed: Int, duplicates: Int, rejected: Int)
    case listSkippedBarred(count: Int)

    // MARK: 通話一覧
    case callsInvalidDate(text: String)

    // MARK: 顧客インポート
    case importTooLarge(megabytes: Int)
    case importGood(count: Int)
    case importRejected(count: Int)
    case importDone(inserted: Int, updated: Int, skipped: Int, rejected: Int)
    case importListCreated(name: String)
    case importUndecodable(byte: Int)
    case importDuplicateColumn(CustomerField)
    case importUnknownKind(text: String)
    case importInvalidEmail(text: String)
    case importFieldTooLong(CustomerField, maximum: Int)
    case importTooManyFields(expected: Int, found: Int)
    case importLineProblem(line: Int, reason: LocalizedText)

    // MARK: Phone numbers
    case phoneNumberInvalidCharacters(String)

    // MARK: ユーザ管理
    case accountRequired(Label)
    case accountTooLong(Label, maximum: Int)
    case accountPasswordTooShort(minimum: Int)

    // MARK: 設定
    case settingInvalidValue(Label)
    case settingOutOfRange(Label, lowest: Int, highest: Int)
    case settingUnknownTimeZone(String)
    case simulatedAnswersAfter(seconds: Int)
    case simulatedRuleUnreadable(line: Int, content: String)
    case trunkHostInvalid(String)
    case trunkHostNotOneDevice(String)
    case trunkRegistrationRefused(statusCode: Int)
    case settingPauseReasonsTooMany(maximum: Int)
    case settingPauseReasonTooLong(String, maximum: Int)
    case settingPauseReasonDuplicate(String)
    case phonePausedFor(String)
    case reportInvalidDate(String)

    // MARK: つなぐ/Phone
    case phoneRowCount(Int)
    case deskRedialQuestion(rowNumber: Int?, minutesAgo: Int)
    case deskWorkListCapExceeded(cap: Int)
    case deskTextTooLong(maximum: Int)
    case deskUnknownAction(String)
    case deskMissingField(String)

    // MARK: Calling rules on the phone screen
    case dialHoldNotDue(time: String)
    case dialRefusedNotDue(time: String)
    case holidayYearOutOfRange(lowest: Int, highest: Int)
    case calendarMonthOutOfRange(lowest: Int, highest: Int)
    case calendarMonthTitle(year: Int, month: Int)
    /// A problem with one field of a form, named: 「月曜日: 終了時刻は開始時刻より後にしてください。」
    case fieldProblem(field: Label, problem: LocalizedText)
    case talkScriptSalesPurpose(product: String)
    case talkScriptUnknownPlaceholder(name: String)
    // MARK: Calling window
    case callingWindowInvalidTime(text: String)
    case callingWindowInvalidRange(text: String)
    case callingWindowInvalidClosedDay(text: String)
    case callingWindowClosedUntil(next: LocalDateTime)
    // MARK: Callbacks
    case callbackInvalidDate(text: String)
    case callbackInvalidTime(text: String)
    case callbackOutsideWindow(next: LocalDateTime)
    case callbackNoteTooLong(maximum: Int)
}

extension Message {
    /// The message in both languages.
    public var text: LocalizedText {
        switch self {
        case .loginSlowDown(let seconds):
            LocalizedText(
                ja: "ログインの失敗が続いたため、しばらくお待ちください(あと\(seconds)秒)。",
                en: "Too many failed sign-ins. Please wait \(seconds) seconds.")
        case .mailResetBody(let keyCode):
            LocalizedText(
                ja: """
                    パスワードの変更を受け付けました。

                    表示中の画面に以下のキーコードを入力し、新しいパスワードを設定してください。
                    キーコードの有効時間は5分間です。

                    キーコード: \(keyCode)

                    お心当たりのない場合は、このメールを破棄してください。

                    """,
                en: """
                    We received a request to change your password.

                    Enter this key code on the screen and set a new password.
                    The key code is valid for 5 minutes.

                    Key code: \(keyCode)

                    If you did not ask for this, ignore this mail.

                    """)
        case .customersCount(let total, let from, let to):
            LocalizedText(ja: "\(total)件中 \(from)-\(to)件表示", en: "Showing \(from)-\(to) of \(total)")
        case .customersCountOver(let total, let from, let to):
            LocalizedText(ja: "\(total)件以上のうち \(from)-\(to)件表示", en: "Showing \(from)-\(to) of more than \(total)")
        case .customersDeleteQuestion(let count):
            LocalizedText(
                ja: "検索条件に一致する顧客\(count)件を削除します。よろしいですか?(削除済みを表示で確認・復元できます)",
                en: "Delete the \(count) customers that match the search? (Show deleted finds and restores them.)")
        case .customersDeleted(let count):
            LocalizedText(ja: "\(count)件の顧客を削除しました。", en: "Deleted \(count) customers.")
        case .customersInvalidDate(let text):
            LocalizedText(
                ja: "登録日付「\(text)」は日付として正しくありません(例: 2024/11/05)。",
                en: "“\(text)” is not a valid date (e.g. 2024/11/05).")
        case .unknownPrefecture(let text):
            LocalizedText(ja: "都道府県「\(text)」が正しくありません。", en: "“\(text)” is not a prefecture.")
        case .listsCreatedFromSearch(let count):
            LocalizedText(ja: "\(count)件のコールリストを作成しました。", en: "Created a call list of \(count) customers.")
        case .listsHolder(let who, let waiting, let onScreen):
            LocalizedText(
                ja: "\(who): 未取得 \(waiting)件 / 画面上 \(onScreen)件",
                en: "\(who): \(waiting) waiting / \(onScreen) on screen")
        case .callbacksReassigned(let company, let agent):
            LocalizedText(
                ja: "\(company) の再架電を \(agent) さんに引き継ぎました。", en: "The callback of \(company) is now \(agent)'s.")
        case .doNotCallAdded(let number):
            LocalizedText(ja: "\(number) を架電禁止リストに追加しました。", en: "\(number) was added to the do-not-call list.")
        case .doNotCallAlreadyListed(let number):
            LocalizedText(
                ja: "\(number) はすでに架電禁止リストにあります。", en: "\(number) is already on the do-not-call list.")
        case .doNotCallLifted(let number):
            LocalizedText(ja: "\(number) の架電禁止を解除しました。", en: "The bar on \(number) was lifted.")
        case .doNotCallNoteTooLong(let maximum):
            LocalizedText(ja: "メモが長すぎます(\(maximum)文字まで)。", en: "The note is too long (at most \(maximum) characters).")
        case .doNotCallReasonTooLong(let maximum):
            LocalizedText(
                ja: "解除理由が長すぎます(\(maximum)文字まで)。", en: "The reason is too long (at most \(maximum) characters).")
        case .doNotCallImportNew(let count):
            LocalizedText(ja: "新たに登録する番号: \(count)件", en: "Numbers to add: \(count)")
        case .doNotCallImportAlreadyListed(let count):
            LocalizedText(ja: "登録済みの番号: \(count)件", en: "Numbers already on the list: \(count)")
        case .doNotCallImportDuplicates(let count):
            LocalizedText(ja: "ファイル内の重複: \(count)件", en: "Repeated in the file: \(count)")
        case .doNotCallImported(let inserted, let alreadyListed, let duplicates, let rejected):
            LocalizedText(
                ja:
                    "取り込みが完了しました。新規 \(inserted)件、登録済み \(alreadyListed)件、ファイル内の重複 \(duplicates)件、エラー \(rejected)件。",
                en:
                    "Import finished: \(inserted) added, \(alreadyListed) already on the list, \(duplicates) repeated in the file, \(rejected) rejected."
            )
        case .listSkippedBarred(let count):
            LocalizedText(
                ja: "架電禁止の顧客 \(count)件はリストに入れませんでした。",
                en: "\(count) customers barred from calls were left out of the list.")
        case .callsInvalidDate(let text):
            LocalizedText(
                ja: "通話日付「\(text)」は日付として正しくありません(例: 2024/11/05)。",
                en: "“\(text)” is not a valid date (e.g. 2024/11/05).")
        case .importTooLarge(let megabytes):
            LocalizedText(ja: "ファイルが大きすぎます(\(megabytes)MBまで)。", en: "The file is too large (at most \(megabytes) MB).")
        case .importGood(let count):
            LocalizedText(ja: "取り込める行: \(count)件", en: "Rows to import: \(count)")
        case .importRejected(let count):
            LocalizedText(ja: "取り込めない行: \(count)件", en: "Rows rejected: \(count)")
        case .importDone(let inserted, let updated, let skipped, let rejected):
            LocalizedText(
                ja: "取り込みが完了しました。新規 \(inserted)件、更新 \(updated)件、重複のため取り込まず \(skipped)件、エラー \(rejected)件。",
                en:
                    "Import finished: \(inserted) new, \(updated) updated, \(skipped) duplicates skipped, \(rejected) rejected."
            )
        case .importListCreated(let name):
            LocalizedText(ja: "コールリスト「\(name)」を作成しました。", en: "Call list “\(name)” was created.")
        case .importUndecodable(let byte):
            LocalizedText(
                ja: "文字コードを判別できません(\(byte)バイト目)。UTF-8 または Shift_JIS(CP932) の CSV を指定してください。",
                en:
                    "Cannot tell the file's character encoding (byte \(byte)). Use a UTF-8 or Shift_JIS (CP932) CSV file."
            )
        case .importDuplicateColumn(let field):
            LocalizedText(
                ja: "見出し「\(field.japaneseHeader)」にあたる列が複数あります。", en: "More than one column is “\(field.label.en)”.")
        case .importUnknownKind(let text):
            LocalizedText(
                ja: "区分「\(text)」は使えません(法人 または 個人)。",
                en: "Type “\(text)” is not known (法人 company or 個人 individual).")
        case .importInvalidEmail(let text):
            LocalizedText(ja: "メールアドレス「\(text)」の形式が正しくありません。", en: "“\(text)” is not a valid email address.")
        case .importFieldTooLong(let field, let maximum):
            LocalizedText(
                ja: "\(field.japaneseHeader)が長すぎます(\(maximum)文字まで)。",
                en: "\(field.label.en) is too long (at most \(maximum) characters).")
        case .importTooManyFields(let expected, let found):
            LocalizedText(
                ja: "項目数が見出し行より多くなっています(見出し \(expected) 項目、この行 \(found) 項目)。",
                en: "The line has more fields than the header (header \(expected), this line \(found)).")
        case .importLineProblem(let line, let reason):
            LocalizedText(ja: "\(line)行目: \(reason.ja)", en: "Line \(line): \(reason.en)")
        case .phoneNumberInvalidCharacters(let characters):
            LocalizedText(
                ja: "電話番号に使えない文字「\(characters)」が含まれています。",
                en: "The phone number contains a character that is not allowed: “\(characters)”.")
        case .accountRequired(let field):
            LocalizedText(ja: "\(field.text.ja)を入力してください。", en: "Please enter \(field.text.en.lowercased()).")
        case .accountTooLong(let field, let maximum):
            LocalizedText(
                ja: "\(field.text.ja)は\(maximum)文字以内で入力してください。",
                en: "\(field.text.en) must be at most \(maximum) characters.")
        case .accountPasswordTooShort(let minimum):
            LocalizedText(
                ja: "パスワードは\(minimum)文字以上にしてください。", en: "The password must have at least \(minimum) characters.")
        case .settingInvalidValue(let setting):
            LocalizedText(ja: "「\(setting.text.ja)」の値が正しくありません。", en: "“\(setting.text.en)” has an invalid value.")
        case .settingOutOfRange(let setting, let lowest, let highest):
            LocalizedText(
                ja: "「\(setting.text.ja)」は\(lowest)〜\(highest)の数字で入力してください。",
                en: "“\(setting.text.en)” must be a number from \(lowest) to \(highest).")
        case .settingUnknownTimeZone(let zone):
            LocalizedText(ja: "タイムゾーン「\(zone)」は使えません。", en: "Unknown time zone “\(zone)”.")
        case .simulatedAnswersAfter(let seconds):
            LocalizedText(ja: "\(seconds)秒後に応答", en: "Answers after \(seconds) s")
        case .simulatedRuleUnreadable(let line, let content):
            LocalizedText(
                ja: "模擬回線のルール \(line)行目「\(content)」を読み取れません。例: 「5 ringOut」「0 answer 3」「* answer 4」",
                en:
                    "Simulated carrier rule on line \(line) (“\(content)”) cannot be read. Examples: “5 ringOut”, “0 answer 3”, “* answer 4”."
            )
        case .trunkHostInvalid(let host):
            LocalizedText(ja: "SIPトランクのホスト「\(host)」が正しくありません。", en: "The SIP trunk host “\(host)” is not valid.")
        case .trunkHostNotOneDevice(let host):
            LocalizedText(
                ja: "SIPトランクのホスト「\(host)」は1台の機器のアドレスではありません(ブロードキャスト・マルチキャスト・0.0.0.0は使えません)。",
                en:
                    "The SIP trunk host “\(host)” is not one device's address (broadcast, multicast and 0.0.0.0 cannot be used)."
            )
        case .trunkRegistrationRefused(let statusCode):
            LocalizedText(
                ja: "SIPトランクへの登録が拒否されました(\(statusCode))。認証ユーザとパスワードを確認してください。",
                en: "The SIP trunk refused the registration (\(statusCode)). Check the auth user and password.")
        case .settingPauseReasonsTooMany(let maximum):
            LocalizedText(ja: "休憩の理由は\(maximum)個までです。", en: "At most \(maximum) pause reasons.")
        case .settingPauseReasonTooLong(let reason, let maximum):
            LocalizedText(
                ja: "休憩の理由「\(reason)」は\(maximum)文字以内にしてください。",
                en: "The pause reason “\(reason)” must be at most \(maximum) characters.")
        case .settingPauseReasonDuplicate(let reason):
            LocalizedText(ja: "休憩の理由「\(reason)」が重複しています。", en: "The pause reason “\(reason)” is listed twice.")
        case .reportInvalidDate(let text):
            LocalizedText(
                ja: "日付「\(text)」は正しくありません（例: 2026-12-07）。", en: "“\(text)” is not a valid date (e.g. 2026-12-07).")
        case .phonePausedFor(let reason):
            LocalizedText(ja: "休憩中（\(reason)）", en: "On a pause (\(reason))")
        case .phoneRowCount(let count):
            LocalizedText(ja: "\(count)件", en: "\(count) rows")
        case .deskRedialQuestion(let rowNumber, let minutesAgo):
            deskRedialQuestion(row: rowNumber.map { "No.\($0) " } ?? "", minutesAgo: minutesAgo)
        case .deskWorkListCapExceeded(let cap):
            LocalizedText(
                ja: "登録上限人数(\(cap)名)を超えた分のデータはインポートされませんでした。",
                en: "Rows beyond the limit of \(cap) were not loaded.")
        case .deskTextTooLong(let maximum):
            LocalizedText(ja: "\(maximum)文字以内で入力してください。", en: "Please enter at most \(maximum) characters.")
        case .deskUnknownAction(let type):
            LocalizedText(ja: "不明な操作です: \(type)", en: "Unknown action: \(type)")
        case .deskMissingField(let field):
            LocalizedText(ja: "操作に必要な項目がありません: \(field)", en: "The action lacks: \(field)")
        case .dialHoldNotDue(let time):
            LocalizedText(ja: "再架電待ち \(time)", en: "Retry at \(time)")
        case .dialRefusedNotDue(let time):
            LocalizedText(ja: "再架電待ちです。\(time) 以降に架電できます。", en: "Waiting to retry: calls can be made from \(time).")
        case .calendarMonthOutOfRange(let lowest, let highest):
            LocalizedText(
                ja: "月は \(lowest)-01〜\(highest)-12 の形式で指定してください(例: month=2026-12)。",
                en: "Give the month as \(lowest)-01 to \(highest)-12 (for example month=2026-12).")
        case .talkScriptSalesPurpose(let product):
            LocalizedText(
                ja: "本日は\(product)のご案内(勧誘)のためにお電話いたしました。",
                en: "I am calling today to offer you \(product).")
        case .talkScriptUnknownPlaceholder(let name):
            LocalizedText(
                ja: "トークスクリプトに使えない差し込み項目があります: {\(name)}(使えるのは {自社名} {オペレーター名} {会社名} {担当者名} {商品} {勧誘目的})",
                en:
                    "The talk script has an unknown placeholder: {\(name)} (use {ourCompany} {agent} {company} {contact} {product} {salesPurpose})"
            )
        case .fieldProblem(let field, let problem):
            LocalizedText(ja: "\(field.text.ja): \(problem.ja)", en: "\(field.text.en): \(problem.en)")
        case .calendarMonthTitle(let year, let month):
            LocalizedText(
                ja: "\(year)年\(month)月",
                en:
                    "\(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][month - 1]) \(year)"
            )
        case .holidayYearOutOfRange(let lowest, let highest):
            LocalizedText(
                ja: "年は \(lowest)〜\(highest) の西暦4桁で指定してください(例: year=2026)。",
                en: "Give the year as four digits from \(lowest) to \(highest) (for example year=2026).")
        case .callingWindowInvalidTime(let text):
            LocalizedText(ja: "時刻が正しくありません: \(text)", en: "Not a valid time: \(text)")
        case .callingWindowInvalidRange(let text):
            LocalizedText(
                ja: "時間帯が正しくありません: \(text)(例: 9:00-20:00)", en: "Not a valid time range: \(text) (e.g. 9:00-20:00)")
        case .callingWindowInvalidClosedDay(let text):
            LocalizedText(
                ja: "休業日が正しくありません: \(text)(例: 12/29-1/3、2026/05/01)",
                en: "Not a valid closed day: \(text) (e.g. 12/29-1/3, 2026/05/01)")
        case .callingWindowClosedUntil(let next):
            LocalizedText(
                ja: "架電可能時間外です。次は\(next.text.ja) から架電できます。",
                en: "Outside calling hours. Calls can be made again from \(next.text.en).")
        case .callbackInvalidDate(let text):
            LocalizedText(
                ja: "再架電日「\(text)」は日付として正しくありません(例: 2026-12-08)。",
                en: "“\(text)” is not a valid callback date (e.g. 2026-12-08).")
        case .callbackInvalidTime(let text):
            LocalizedText(
                ja: "再架電時刻「\(text)」は時刻として正しくありません(例: 14:30)。",
                en: "“\(text)” is not a valid callback time (e.g. 14:30).")
        case .callbackOutsideWindow(let next):
            LocalizedText(
                ja: "再架電日時が架電可能時間外です。次に架電できるのは\(next.text.ja) です。",
                en: "The callback time is outside calling hours. Calls can next be made from \(next.text.en).")
        case .callbackNoteTooLong(let maximum):
            LocalizedText(
                ja: "再架電メモが長すぎます(\(maximum)文字まで)。",
                en: "The callback note is too long (at most \(maximum) characters).")
        }
    }

    /// The message in one language.
    public func text(in language: Language) -> String { text.text(in: language) }

    private func deskRedialQuestion(row: String, minutesAgo: Int) -> LocalizedText {
        LocalizedText(
            ja: "\(row)の電話番号には\(minutesAgo)分前に架電しています。もう一度発信しますか?",
            en: "\(row)was dialled \(minutesAgo) minute(s) ago. Dial it again?")
    }
}
