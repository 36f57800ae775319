/// Every fixed text a person reads, Japanese (the manual's labels) and English side by side: the one catalog.
///
/// Pages use a label by its case name (`#(t.loginTitle)` in a Leaf template, `request.text(.loginTitle)` in Swift); the
/// phone screen gets the `phone…` labels as one JSON and reads them as `labels.phoneStart`, never by a key built at
/// run time. Texts with values in them are `Message`s. `CatalogCoverageTests` checks that every key a template or a
/// script uses exists here and that every label here is used.
public enum Label: String, CaseIterable, Sendable {
    // MARK: Shared across pages
    case product
    case cancel
    case languageSwitch
    case signedInAs
    case csrfFailed
    case adminOnly
    case errorTitle
    case notFound
    case back
    case save
    case showPassword

    // MARK: Calling window
    case callingWindowEndNotAfterStart
    case callingWindowClosedDaysReversed
    case callingWindowNoOpenDay

    // MARK: Sign-in
    case loginTitle
    case loginTenantCode
    case loginLoginID
    case loginPassword
    case loginSubmit
    case loginFailed
    case loginMissing
    case loginForgot
    case loginIdle
    case loginRequired

    // MARK: Menu
    case menuHome
    case menuCustomers
    case menuLogout
    case menuCalls
    case menuPhone
    case menuUserInfo
    case menuUsers
    case menuSettings
    case menuImport
    case menuLists

    // MARK: 顧客一覧
    case customersExport
    case customersExportUTF8
    case customersDelete
    case customersDeleteConfirm
    case customersBulkDisabled
    case customersRecreateList
    case customersRecreateName
    case customersEmpty
    case customersId
    case customersDistributed
    case customersFinalStatus
    case customersCompany
    case customersContact
    case customersAddress
    case customersPhone
    case customersEmail
    case customersRegisteredOn
    case customersDistributedMark
    case customersNotDistributed
    case customersEdit
    case customersUnknownContact

    // MARK: コールリスト一覧
    case listsNameRequired
    case listsEmpty
    case listsCreated
    case listsTotal
    case listsHolders
    case listsDistribute
    case listsPool
    case listsModeNone
    case listsModeEvenSplit
    case listsModeSharedPool
    case listsDistributed
    case listsNoAgents

    // MARK: 架電禁止リスト and refusals (再勧誘の禁止)
    case menuDoNotCall
    case doNotCallAddTitle
    case doNotCallNote
    case doNotCallAdd
    case doNotCallImportTitle
    case doNotCallImportLead
    case doNotCallExport
    case doNotCallIncludeLifted
    case doNotCallSource
    case doNotCallCustomer
    case doNotCallCreatedAt
    case doNotCallCreatedBy
    case doNotCallLiftedAt
    case doNotCallLiftedBy
    case doNotCallLiftReason
    case doNotCallLift
    case doNotCallLiftedMark
    case doNotCallEmpty
    case doNotCallAlreadyLifted
    case doNotCallReasonRequired
    case doNotCallMissingNumberColumn
    case doNotCallLayoutHeader
    case doNotCallLayoutNumbersOnly
    case doNotCallSourceRefusal
    case doNotCallSourceManual
    case doNotCallSourceImport
    case doNotCallMark
    case doNotCallFilter
    case doNotCallFilterBarred
    case doNotCallFilterNotBarred
    case doNotCallCall
    case customerBarsTitle
    case customerBarsHistory

    // MARK: 通話一覧
    case callsExtension
    case callsDate
    case callsStatus
    case callsMemo
    case callsCallback
    case callsProspect
    case callsEmpty
    case callsInProgress

    // MARK: つなぐ/Phone (sent to the phone screen as one JSON)
    case phoneSignedOut
    case phoneTitle
    case phoneStart
    case phoneStop
    case phoneDial
    case phoneHangUp
    case phoneDownload
    case phoneUpload
    case phoneCompact
    case phoneNo
    case phoneColPosition
    case phoneColNo
    case phoneColDone
    case phoneColCompany
    case phoneColContact
    case phoneColPhone
    case phoneColResult
    case phoneColProspect
    case phoneColCallback
    case phoneColMemo
    case phoneColCalledAt
    case phoneContactUnknown
    case phoneStageIdle
    case phoneStageDialing
    case phoneStageRinging
    case phoneStageTalking
    case phoneStageHangingUp
    case phoneLampReady
    case phoneLampOffline
    case phoneLampNotReady
    case phoneYes
    case phoneCancel
    case phoneRefuse
    case phoneRefuseTitle
    case phoneRefuseText
    case phoneRefuseNote
    case phoneRefuseSubmit
    case phoneSaving
    case phoneSaved
    case phoneUnsaved
    case phoneResigninTitle
    case phoneResigninText
    case phoneSignIn
    case phoneNotSent
    case phoneLeaveWarning

    // MARK: Users
    case userName
    case userGroup
    case userLoginID
    case userEmail
    case userExtension
    case userRole
    case userPassword
    case userPhonePassword
    case userCanCreateLists
    case userDisabled
    case userStatus
    case userActive

    // MARK: Roles
    case roleAdmin
    case roleAgent

    // MARK: ユーザ管理
    case usersNew
    case usersEdit
    case usersDisable
    case usersEnable
    case usersSaved
    case usersDuplicateLoginID
    case usersPasswordHint
    case usersCannotDisableSelf

    // MARK: ユーザ情報
    case meChangePassword
    case meChangePhonePassword
    case mePasswordChanged
    case mePhonePasswordChanged
    case meNote

    // MARK: Forgotten password
    case forgotTitle
    case forgotLead
    case forgotSubmit
    case forgotSent
    case forgotToReset

    // MARK: Password reset
    case resetTitle
    case resetKeyCode
    case resetNewPassword
    case resetInvalid
    case resetDone
    case resetDoneLead

    // MARK: Mail
    case mailResetSubject

    // MARK: Search filters
    case filterList
    case filterDeleted
    case filterKana
    case filterPrefecture
    case filterSearch
    case filterClear

    // MARK: 顧客インポート
    case importLead
    case importFile
    case importUpload
    case importNoFile
    case importExpired
    case importForbidden
    case importEncoding
    case importMapping
    case importIgnored
    case importLine
    case importReason
    case importDuplicates
    case importSkip
    case importUpdate
    case importListName
    case importConfirm

    // MARK: 顧客編集
    case customerTitle
    case customerKind
    case customerIndustry
    case customerNote
    case customerOwner
    case customerAssignMe
    case customerDelete
    case customerDeleteConfirm
    case customerRestore
    case customerIsDeleted
    case customerSaved
    case customerReadOnly
    case customerHistory
    case customerCalledAt
    case customerDialledColumn
    case customerStatusColumn
    case customerAgent
    case customerMemo
    case customerDialled
    case customerCalling

    // MARK: 設定
    case settingsSaved

    // MARK: 設定: each setting's name and help
    case settingFetchMode
    case settingDialingMode
    case settingAutoNextAfter
    case settingDoneMarkedOn
    case settingPhoneNumberOpensCustomerEdit
    case settingCustomerScope
    case settingCustomerEdit
    case settingCsvExportAndDeleteEnabled
    case settingIdleLogoutMinutes
    case settingWorkListCap
    case settingRingTimeoutSeconds
    case settingDoubleDialGuardMinutes
    case settingTimeZone
    case settingCarrierRules
    case settingSipHost
    case settingSipPort
    case settingSipTransport
    case settingSipAuthUser
    case settingSipPassword
    case settingSipCallerID
    case settingSipFromDomain
    case settingSipRegister
    case settingSipNumberFormat
    case settingSipDTMF
    case settingFetchModeHelp
    case settingDialingModeHelp
    case settingAutoNextAfterHelp
    case settingDoneMarkedOnHelp
    case settingPhoneNumberOpensCustomerEditHelp
    case settingCustomerScopeHelp
    case settingCustomerEditHelp
    case settingCsvExportAndDeleteEnabledHelp
    case settingIdleLogoutMinutesHelp
    case settingWorkListCapHelp
    case settingRingTimeoutSecondsHelp
    case settingDoubleDialGuardMinutesHelp
    case settingTimeZoneHelp
    case settingCarrierRulesHelp
    case settingSipHostHelp
    case settingSipPortHelp
    case settingSipTransportHelp
    case settingSipAuthUserHelp
    case settingSipPasswordHelp
    case settingSipCallerIDHelp
    case settingSipFromDomainHelp
    case settingSipRegisterHelp
    case settingSipNumberFormatHelp
    case settingSipDTMFHelp
    // MARK: Telephony
    case trunkNotConfigured
    case mediaServerNotAnswering
    case trunkNotAnswering
    case trunkPortInvalid
    case trunkTransportInvalid
    case trunkCallerIDInvalid
    case trunkAuthUserInvalid
    case trunkPasswordTooLong
    case trunkFromDomainInvalid
    case trunkNumberFormatInvalid
    case trunkDTMFInvalid
    case simulatedRingsOut
    case simulatedNoAudio
    case mediaServerNotConfigured

    // MARK: Call results
    case callResultBusy
    case simulatedInvalidNumber
    case callResultRejected
    case callResultNoAnswer
    case callResultInvalidNumber
    case callResultHungUpBeforeAnswer
    case callResultFailed
    case resultAnswered
    case resultUnanswered
    case statusNotCalled
    case statusProspect
    case statusCallback

    // MARK: Accounts
    case accountLoginIDInvalid
    case accountExtensionInvalid
    case accountEmailInvalid
    case accountPasswordTooLong
    case accountPasswordIsLoginID
    case accountName
    case accountLoginID
    case accountGroup
    case accountEmail
    case accountExtension
    case accountPassword

    // MARK: Desk
    case deskConfirmUpload
    case deskNoListAvailable
    case deskEndOfList
    case deskNothingToDial
    case deskCallInProgress
    case deskUploadRefusedDuringCall
    case deskNothingToUpload
    case deskUploadFailed
    case deskFetchFailed
    case deskBusyWithPreviousRequest
    case deskPhoneNotReady
    case deskUnknownRow
    case deskInvalidCursor
    case deskConfirmationGone
    case deskSaveRetrying
    case deskServedElsewhere
    case deskSavingPaused
    case deskHeldElsewhere
    case deskMicrophoneDenied
    case deskToneOutsideCall
    case deskToneInMedia
    case deskMicrophoneUnknown
    case deskUnreadableRequest
    case deskOutdatedScreen

    // MARK: Search
    case callsDateRangeReversed
    case customersDateRangeReversed

    // MARK: Import
    case importFileEmpty
    case importMissingPhoneColumn
    case importMissingName
    case importNotText

    // MARK: Customers
    case customerKindCorporate
    case customerKindIndividual

    // MARK: Phone numbers
    case numberEmpty
    case numberContainsLetters
    case numberTooShort
    case numberTooLong
    case numberNotJapanese
    case numberNotAssigned
    case numberSpecialService

    // MARK: Calling rules on 設定 and the calendar
    case settingsCallingWindow
    case settingsCallingWindowHelp
    case settingsAlwaysOpenNote
    case settingDayOff
    case settingHolidays
    case settingHolidaysOff
    case settingHolidaysCalled
    case settingClosedDays
    case settingClosedDaysHelp
    case settingsRetryRules
    case settingsRetryRulesHelp
    case settingRetryEnabled
    case settingRetryBusy
    case settingRetryNoAnswer
    case settingRetryRejected
    case settingRetryMaximumAttempts
    case weekdayMonday
    case weekdayTuesday
    case weekdayWednesday
    case weekdayThursday
    case weekdayFriday
    case weekdaySaturday
    case weekdaySunday
    case menuCalendar
    case calendarPrevious
    case calendarNext
    case calendarClosedDay
    case calendarNoCalls
    case calendarSunday
    case calendarMonday
    case calendarTuesday
    case calendarWednesday
    case calendarThursday
    case calendarFriday
    case calendarSaturday

    // MARK: Callbacks
    case callbackDateRequired
    case callbackTimeRequired
    case callbackInThePast

    // MARK: Talk script (§16) and a list's own rules
    case talkScriptContactUnknown
    case talkScriptUnclosedBrace
    case listRulesTitle
    case listRulesLink
    case listRulesProduct
    case listRulesTalkScript
    case listRulesTalkScriptHelp
    case listRulesWindowHelp
    case listRulesTenantsRules
    case listRulesOwnWindow
    case listRulesOwnRetry
    case phoneTalkScript
    case filterLimitReached
    case listsLimitReached

    // MARK: Calling rules on the phone screen
    case dialHoldBarred
    case dialHoldOutsideWindow
    case dialHoldRedialLimit
    case dialHoldAttemptLimit
    case dialHoldInvalidNumber
    case dialRefusedBarred
    case dialRefusedRedialLimit
    case dialRefusedAttemptLimit
    case dialRefusedInvalidNumber
    case phoneCallbacks
    case phoneCallbacksDue
    case phoneCallbackShared
    case phoneCallbackSharedHelp
    case phoneCallbackBarred
    case phoneCallbackDial
    case phoneCallbackSchedule
    case phoneCallbackDate
    case phoneCallbackTime
    case phoneCallbackNote
    case phoneCallbackSave
    case menuCallbacks
    case callbacksLeadEveryone
    case callbacksLeadOwn
    case callbacksEmpty
    case callbacksDue
    case callbacksNote
    case callbacksOwner
    case callbacksReassign
    case callbacksOverdue
    case callbacksChooseAgent
    case callbacksAlreadyTaken
    case settingsCallbackRules
    case settingCallbacksOpenAfter
    case settingCallbacksOpenAfterHelp
    case settingDueCallbacksDialNext
    case settingDueCallbacksDialNextHelp
    case dialHoldCallbackTaken
    case dialRefusedCallbackTaken
    case deskRefusalRecorded

    // MARK: The manager's floor
    case settingPauseReasons
    case settingPauseReasonsHelp
    case settingPauseReasonsEmpty
    case settingWrapUpLimitMinutes
    case settingWrapUpLimitMinutesHelp
    case menuFloor
    case floorTitle
    case floorAgents
    case floorAgentName
    case floorState
    case floorTimeInState
    case floorCustomer
    case floorList
    case floorCalls
    case floorContacts
    case floorContactRate
    case floorProspects
    case floorCallbacks
    case floorTalkTime
    case floorToday
    case floorLists
    case floorListName
    case floorLeft
    case floorOnScreen
    case floorProgress
    case floorBarred
    case floorLimitReached
    case floorWaitingForRetry
    case floorTotals
    case floorSignedIn
    case floorWrapUpLong
    case floorLive
    case floorReconnecting
    case floorNoLists
    case floorNoAgents
    case stateOffline
    case stateIdle
    case stateDialing
    case stateTalking
    case stateWrapUp
    case statePaused
    case phonePause
    case phonePauseReason
    case phonePauseStart
    case phonePauseResume
    case phonePauseAfterCall
    case deskPauseUnknownReason

    // MARK: レポート
    case menuReports
    case reportKind
    case reportKindDay
    case reportKindWeek
    case reportKindMonth
    case reportKindRange
    case reportDate
    case reportFrom
    case reportTo
    case reportGroupBy
    case reportByAgent
    case reportByList
    case reportAgent
    case reportList
    case reportAll
    case reportShow
    case reportPrevious
    case reportNext
    case reportCalls
    case reportContacts
    case reportContactRate
    case reportProspects
    case reportCallbacks
    case reportTalkTime
    case reportAverageHandle
    case reportWrapUp
    case reportPause
    case reportUtilisation
    case reportTotal
    case reportNoList
    case reportRemovedUser
    case reportHeatMap
    case reportTrend
    case reportDefinitions
    case reportDefinitionCalls
    case reportDefinitionContact
    case reportDefinitionRate
    case reportDefinitionHandle
    case reportDefinitionUtilisation
    case reportDefinitionTime
    case reportExport
    case reportExportUTF8
    case reportEndBeforeStart
    case reportLongerThanAYear
    case reportUnknownAgent
    case reportUnknownList
    case reportEmpty
    case reportCallLog

    // MARK: Setting choices
    case settingManual
    case settingAutomatic
    case settingUnansweredCallsOnly
    case settingEveryCall
    case settingAnsweredCallsOnly
    case settingEveryDialledCall
    case settingOn
    case settingOff
    case settingAllCustomers
    case settingOwnCustomersOnly
    case settingEditAll
    case settingEditOwn
    case settingEditNone
    case settingShown
    case settingHidden
    case settingNational
    case settingToneInAudio
    case csvUnterminatedQuote
    case csvTextAfterClosingQuote
    case fieldKind
    case fieldIndustry
    case fieldCompany
    case fieldCompanyKana
    case fieldContactName
    case fieldPhone
    case fieldPrefecture
    case fieldAddress
    case fieldEmail
    case fieldNote
    case formUnreadable
}

extension Label {
    /// The label in both languages.
    public var text: LocalizedText {
        switch self {
        // Shared across pages
        case .product: LocalizedText(ja: "つなぐ オートコール", en: "Tsunagu Auto-call")
        case .cancel: LocalizedText(ja: "キャンセル", en: "Cancel")
        case .languageSwitch: LocalizedText(ja: "English", en: "日本語")
        case .signedInAs: LocalizedText(ja: "ログイン中", en: "Signed in as")
        case .csrfFailed:
            LocalizedText(
                ja: "画面の有効期限が切れました。画面を開き直して、もう一度操作してください。", en: "This page has expired. Please reload it and try again."
            )
        case .adminOnly: LocalizedText(ja: "この操作は管理者のみ行えます。", en: "Only administrators can do this.")
        case .errorTitle: LocalizedText(ja: "エラー", en: "Error")
        case .notFound: LocalizedText(ja: "指定されたデータが見つかりません。", en: "The requested item was not found.")
        case .back: LocalizedText(ja: "戻る", en: "Back")
        case .save: LocalizedText(ja: "登録", en: "Save")
        case .showPassword: LocalizedText(ja: "パスワードを表示", en: "Show password")
        // Calling window
        case .callingWindowEndNotAfterStart:
            LocalizedText(ja: "終了時刻は開始時刻より後にしてください。", en: "The end time must be after the start time.")
        case .callingWindowClosedDaysReversed:
            LocalizedText(ja: "休業日の終了日は開始日以降にしてください。", en: "The last closed day must not come before the first.")
        case .callingWindowNoOpenDay:
            LocalizedText(
                ja: "架電可能時間外です。架電できる日がありません。設定を確認してください。",
                en: "Outside calling hours. No day is open for calls; please check the settings.")
        // Sign-in
        case .loginTitle: LocalizedText(ja: "ログイン", en: "Sign in")
        case .loginTenantCode: LocalizedText(ja: "契約顧客コード", en: "Tenant code")
        case .loginLoginID: LocalizedText(ja: "ユーザID", en: "User ID")
        case .loginPassword: LocalizedText(ja: "パスワード", en: "Password")
        case .loginSubmit: LocalizedText(ja: "ログイン", en: "Sign in")
        case .loginFailed:
            LocalizedText(
                ja: "契約顧客コード、ユーザID、またはパスワードが正しくありません。", en: "The tenant code, user ID or password is not correct.")
        case .loginMissing:
            LocalizedText(ja: "契約顧客コード、ユーザID、パスワードを入力してください。", en: "Enter the tenant code, user ID and password.")
        case .loginForgot: LocalizedText(ja: "パスワードを忘れた方はこちら", en: "Forgot your password?")
        case .loginIdle:
            LocalizedText(
                ja: "一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。",
                en: "You were signed out after a period of inactivity. Please sign in again.")
        case .loginRequired: LocalizedText(ja: "ログインしてください。", en: "Please sign in.")
        // Menu
        case .menuHome: LocalizedText(ja: "ホーム", en: "Home")
        case .menuCustomers: LocalizedText(ja: "顧客一覧", en: "Customers")
        case .menuLogout: LocalizedText(ja: "ログアウト", en: "Sign out")
        case .menuCalls: LocalizedText(ja: "通話一覧", en: "Call log")
        case .menuPhone: LocalizedText(ja: "つなぐ/Phone", en: "Tsunagu/Phone")
        case .menuUserInfo: LocalizedText(ja: "ユーザ情報", en: "User info")
        case .menuUsers: LocalizedText(ja: "ユーザ管理", en: "Users")
        case .menuSettings: LocalizedText(ja: "設定", en: "Settings")
        case .menuImport: LocalizedText(ja: "顧客インポート", en: "Import customers")
        case .menuLists: LocalizedText(ja: "コールリスト一覧", en: "Call lists")
        // 顧客一覧
        case .customersExport: LocalizedText(ja: "顧客CSVダウンロード", en: "Download CSV")
        case .customersExportUTF8: LocalizedText(ja: "UTF-8で", en: "as UTF-8")
        case .customersDelete: LocalizedText(ja: "削除", en: "Delete")
        case .customersDeleteConfirm: LocalizedText(ja: "削除する", en: "Delete")
        case .customersBulkDisabled:
            LocalizedText(
                ja: "顧客CSVダウンロードと削除は、管理者の設定により利用できません。",
                en: "CSV download and delete are turned off by your administrator.")
        case .customersRecreateList: LocalizedText(ja: "リスト再作成", en: "Create a list from this search")
        case .customersRecreateName: LocalizedText(ja: "新しいコールリスト名", en: "New call list name")
        case .customersEmpty: LocalizedText(ja: "顧客はまだ登録されていません。", en: "No customers yet.")
        case .customersId: LocalizedText(ja: "No", en: "No")
        case .customersDistributed: LocalizedText(ja: "配布済", en: "Distributed")
        case .customersFinalStatus: LocalizedText(ja: "最終ステータス", en: "Final status")
        case .customersCompany: LocalizedText(ja: "会社名", en: "Company")
        case .customersContact: LocalizedText(ja: "担当者名", en: "Contact")
        case .customersAddress: LocalizedText(ja: "住所", en: "Address")
        case .customersPhone: LocalizedText(ja: "電話番号", en: "Phone")
        case .customersEmail: LocalizedText(ja: "メールアドレス", en: "Email")
        case .customersRegisteredOn: LocalizedText(ja: "登録日付", en: "Registered")
        case .customersDistributedMark: LocalizedText(ja: "済", en: "Yes")
        case .customersNotDistributed: LocalizedText(ja: "未", en: "No")
        case .customersEdit: LocalizedText(ja: "編集", en: "Edit")
        case .customersUnknownContact: LocalizedText(ja: "担当者不明", en: "Contact unknown")
        // コールリスト一覧
        case .listsNameRequired:
            LocalizedText(ja: "コールリスト名を100文字以内で入力してください。", en: "Enter a call list name of at most 100 characters.")
        case .listsEmpty:
            LocalizedText(
                ja: "コールリストはまだありません。顧客インポートで作成できます。", en: "No call lists yet. Import customers to create one.")
        case .listsCreated: LocalizedText(ja: "作成日時", en: "Created")
        case .listsTotal: LocalizedText(ja: "件数", en: "Rows")
        case .listsHolders: LocalizedText(ja: "配布状況", en: "Distribution")
        case .listsDistribute: LocalizedText(ja: "配布", en: "Distribute")
        case .listsPool: LocalizedText(ja: "共有プール", en: "Shared pool")
        case .listsModeNone: LocalizedText(ja: "未配布", en: "Not distributed")
        case .listsModeEvenSplit: LocalizedText(ja: "均等に分配", en: "Even split")
        case .listsModeSharedPool: LocalizedText(ja: "共有プール(ダウンロード順)", en: "Shared pool (first come)")
        case .listsDistributed: LocalizedText(ja: "配布しました。", en: "The list was distributed.")
        case .listsNoAgents:
            LocalizedText(ja: "均等に分配するには、配布先のユーザを選んでください。", en: "Choose the agents to split the list between.")
        // 架電禁止リスト and refusals
        case .menuDoNotCall: LocalizedText(ja: "架電禁止リスト", en: "Do-not-call list")
        case .doNotCallAddTitle: LocalizedText(ja: "番号を追加", en: "Add a number")
        case .doNotCallNote: LocalizedText(ja: "メモ", en: "Note")
        case .doNotCallAdd: LocalizedText(ja: "追加", en: "Add")
        case .doNotCallImportTitle: LocalizedText(ja: "CSVで取り込む", en: "Import a CSV file")
        case .doNotCallImportLead:
            LocalizedText(
                ja:
                    "CSVファイル(Shift_JIS/CP932 または UTF-8)。1行目が見出しなら「電話番号」列が必要で、「メモ」「備考」列は任意です。見出しのない、電話番号だけを1行に1件並べたファイルも取り込めます。",
                en:
                    "A CSV file (Shift_JIS/CP932 or UTF-8). With a header line it needs a 電話番号 (phone) column; a メモ or 備考 (note) column is optional. A file of numbers only, one a line without a header, is read too."
            )
        case .doNotCallExport: LocalizedText(ja: "CSVダウンロード", en: "Download CSV")
        case .doNotCallIncludeLifted: LocalizedText(ja: "解除済みも表示", en: "Show lifted ones")
        case .doNotCallSource: LocalizedText(ja: "種別", en: "Kind")
        case .doNotCallCustomer: LocalizedText(ja: "顧客", en: "Customer")
        case .doNotCallCreatedAt: LocalizedText(ja: "登録日時", en: "Added")
        case .doNotCallCreatedBy: LocalizedText(ja: "登録者", en: "Added by")
        case .doNotCallLiftedAt: LocalizedText(ja: "解除日時", en: "Lifted")
        case .doNotCallLiftedBy: LocalizedText(ja: "解除者", en: "Lifted by")
        case .doNotCallLiftReason: LocalizedText(ja: "解除理由", en: "Reason for lifting")
        case .doNotCallLift: LocalizedText(ja: "解除", en: "Lift")
        case .doNotCallLiftedMark: LocalizedText(ja: "解除済み", en: "Lifted")
        case .doNotCallEmpty: LocalizedText(ja: "該当する番号はありません。", en: "No numbers found.")
        case .doNotCallAlreadyLifted:
            LocalizedText(ja: "この架電禁止はすでに解除されています。", en: "This bar has already been lifted.")
        case .doNotCallReasonRequired:
            LocalizedText(ja: "解除の理由を入力してください。", en: "Please enter the reason for lifting the bar.")
        case .doNotCallMissingNumberColumn:
            LocalizedText(
                ja: "1行目の見出しに「電話番号」の列がなく、電話番号だけを並べたファイルでもありません。",
                en: "The first line has no “電話番号” (phone) column, and the file is not a list of numbers either.")
        case .doNotCallLayoutHeader: LocalizedText(ja: "見出し行あり", en: "With a header line")
        case .doNotCallLayoutNumbersOnly:
            LocalizedText(ja: "電話番号のみ(見出し行なし)", en: "Numbers only (no header line)")
        case .doNotCallSourceRefusal: LocalizedText(ja: "勧誘お断り", en: "Refused further calls")
        case .doNotCallSourceManual: LocalizedText(ja: "架電禁止(手動)", en: "Do not call (added)")
        case .doNotCallSourceImport: LocalizedText(ja: "架電禁止(CSV)", en: "Do not call (CSV)")
        case .doNotCallMark: LocalizedText(ja: "架電禁止", en: "Do not call")
        case .doNotCallFilter: LocalizedText(ja: "架電禁止", en: "Do not call")
        case .doNotCallFilterBarred: LocalizedText(ja: "架電禁止のみ", en: "Barred only")
        case .doNotCallFilterNotBarred: LocalizedText(ja: "架電禁止を除く", en: "Not barred")
        case .doNotCallCall: LocalizedText(ja: "架電", en: "Call")
        case .customerBarsTitle: LocalizedText(ja: "架電禁止", en: "Barred from calls")
        case .customerBarsHistory: LocalizedText(ja: "解除された架電禁止", en: "Lifted bars")
        // 通話一覧
        case .callsExtension: LocalizedText(ja: "内線番号", en: "Extension")
        case .callsDate: LocalizedText(ja: "通話日付", en: "Call date")
        case .callsStatus: LocalizedText(ja: "架電ステータス", en: "Call status")
        case .callsMemo: LocalizedText(ja: "架電メモ", en: "Memo")
        case .callsCallback: LocalizedText(ja: "再架電", en: "Call back")
        case .callsProspect: LocalizedText(ja: "見込み", en: "Prospect")
        case .callsEmpty: LocalizedText(ja: "該当する通話はありません。", en: "No calls found.")
        case .callsInProgress: LocalizedText(ja: "通話中", en: "In progress")
        // つなぐ/Phone (sent to the phone screen as one JSON)
        case .phoneSignedOut:
            LocalizedText(
                ja: "一定時間操作がなかったか、別の画面でログアウトしたため、ログインが切れました。",
                en: "You were signed out (idle too long, or signed out elsewhere).")
        case .phoneTitle: LocalizedText(ja: "つなぐ/Phone", en: "Tsunagu/Phone")
        case .phoneStart: LocalizedText(ja: "開始", en: "Start")
        case .phoneStop: LocalizedText(ja: "終了", en: "Stop")
        case .phoneDial: LocalizedText(ja: "発信", en: "Dial")
        case .phoneHangUp: LocalizedText(ja: "切断", en: "Hang up")
        case .phoneDownload: LocalizedText(ja: "ダウンロード", en: "Download")
        case .phoneUpload: LocalizedText(ja: "アップロード", en: "Upload")
        case .phoneCompact: LocalizedText(ja: "縮小", en: "Compact")
        case .phoneNo: LocalizedText(ja: "No", en: "No")
        case .phoneColPosition: LocalizedText(ja: "位置", en: "▶")
        case .phoneColNo: LocalizedText(ja: "No", en: "No")
        case .phoneColDone: LocalizedText(ja: "済", en: "Done")
        case .phoneColCompany: LocalizedText(ja: "会社名", en: "Company")
        case .phoneColContact: LocalizedText(ja: "担当者名", en: "Contact")
        case .phoneColPhone: LocalizedText(ja: "電話番号", en: "Phone")
        case .phoneColResult: LocalizedText(ja: "結果", en: "Result")
        case .phoneColProspect: LocalizedText(ja: "見込み", en: "Prospect")
        case .phoneColCallback: LocalizedText(ja: "再架電", en: "Call back")
        case .phoneColMemo: LocalizedText(ja: "対応メモ", en: "Memo")
        case .phoneColCalledAt: LocalizedText(ja: "架電日時", en: "Called at")
        case .phoneContactUnknown: LocalizedText(ja: "担当者不明", en: "Contact unknown")
        case .phoneStageIdle: LocalizedText(ja: "待機中", en: "Idle")
        case .phoneStageDialing: LocalizedText(ja: "発信中", en: "Dialing")
        case .phoneStageRinging: LocalizedText(ja: "呼出中", en: "Ringing")
        case .phoneStageTalking: LocalizedText(ja: "通話中", en: "Talking")
        case .phoneStageHangingUp: LocalizedText(ja: "切断中", en: "Hanging up")
        case .phoneLampReady: LocalizedText(ja: "発信できます", en: "Ready to call")
        case .phoneLampOffline:
            LocalizedText(ja: "サーバーに接続していません。再接続しています…", en: "Not connected to the server. Reconnecting…")
        case .phoneLampNotReady: LocalizedText(ja: "電話が利用できません", en: "The phone is not available")
        case .phoneYes: LocalizedText(ja: "はい", en: "Yes")
        case .phoneCancel: LocalizedText(ja: "いいえ", en: "No")
        case .phoneRefuse: LocalizedText(ja: "お断り登録", en: "Refusal…")
        case .phoneRefuseTitle: LocalizedText(ja: "今後の勧誘お断り", en: "No further sales calls")
        case .phoneRefuseText:
            LocalizedText(
                ja: "この顧客とこの電話番号には、今後だれも架電できなくなります。解除できるのは管理者だけです。",
                en: "Nobody in the company will call this customer or this number again. Only a manager can lift it.")
        case .phoneRefuseNote: LocalizedText(ja: "お客様の言葉・メモ(任意)", en: "What the customer said, or a note (optional)")
        case .phoneRefuseSubmit: LocalizedText(ja: "お断りを登録", en: "Record the refusal")
        case .phoneSaving: LocalizedText(ja: "保存中…", en: "Saving…")
        case .phoneSaved: LocalizedText(ja: "保存済み", en: "Saved")
        case .phoneUnsaved: LocalizedText(ja: "未保存", en: "Not saved")
        case .phoneResigninTitle: LocalizedText(ja: "もう一度ログインしてください", en: "Please sign in again")
        case .phoneResigninText:
            LocalizedText(
                ja: "ログインが切れました。画面の内容はサーバーに保存されています。ログインすると続きから操作できます。",
                en: "You were signed out. Everything on this screen is saved on the server; sign in to carry on.")
        case .phoneSignIn: LocalizedText(ja: "ログイン", en: "Sign in")
        case .phoneNotSent:
            LocalizedText(
                ja: "接続が切れていたため、この操作は送信されませんでした。もう一度操作してください。",
                en: "The connection was lost, so this action was not sent. Please try again.")
        case .phoneLeaveWarning: LocalizedText(ja: "保存されていない入力があります。", en: "Some input is not saved yet.")
        // Users
        case .userName: LocalizedText(ja: "氏名", en: "Name")
        case .userGroup: LocalizedText(ja: "グループ", en: "Group")
        case .userLoginID: LocalizedText(ja: "ログインID", en: "Login ID")
        case .userEmail: LocalizedText(ja: "メールアドレス", en: "Email")
        case .userExtension: LocalizedText(ja: "内線番号", en: "Extension")
        case .userRole: LocalizedText(ja: "権限", en: "Role")
        case .userPassword: LocalizedText(ja: "パスワード", en: "Password")
        case .userPhonePassword: LocalizedText(ja: "つなぐ/Phoneパスワード", en: "Phone password")
        case .userCanCreateLists: LocalizedText(ja: "コールリスト作成", en: "May create call lists")
        case .userDisabled: LocalizedText(ja: "無効", en: "Disabled")
        case .userStatus: LocalizedText(ja: "状態", en: "Status")
        case .userActive: LocalizedText(ja: "有効", en: "Active")
        // Roles
        case .roleAdmin: LocalizedText(ja: "管理者", en: "Administrator")
        case .roleAgent: LocalizedText(ja: "一般", en: "Agent")
        // ユーザ管理
        case .usersNew: LocalizedText(ja: "新規登録", en: "New user")
        case .usersEdit: LocalizedText(ja: "編集", en: "Edit")
        case .usersDisable: LocalizedText(ja: "無効にする", en: "Disable")
        case .usersEnable: LocalizedText(ja: "有効にする", en: "Enable")
        case .usersSaved: LocalizedText(ja: "ユーザを登録しました。", en: "The user was saved.")
        case .usersDuplicateLoginID: LocalizedText(ja: "このログインIDはすでに使われています。", en: "This login ID is already in use.")
        case .usersPasswordHint: LocalizedText(ja: "変更する場合のみ入力してください。", en: "Only to change it.")
        case .usersCannotDisableSelf: LocalizedText(ja: "自分自身を無効にすることはできません。", en: "You cannot disable yourself.")
        // ユーザ情報
        case .meChangePassword: LocalizedText(ja: "パスワード変更", en: "Change password")
        case .meChangePhonePassword: LocalizedText(ja: "つなぐ/Phoneパスワード変更", en: "Change phone password")
        case .mePasswordChanged:
            LocalizedText(
                ja: "パスワードを変更しました。次回のログインから新しいパスワードが使われます。他の画面のログインは終了しました。",
                en: "Your password was changed. It applies from your next sign-in; your other sessions were ended.")
        case .mePhonePasswordChanged:
            LocalizedText(
                ja: "つなぐ/Phoneパスワードを変更しました。一度ログアウトし、ログインし直すと適用されます。",
                en: "Your phone password was changed. Sign out and in again to apply it.")
        case .meNote:
            LocalizedText(
                ja: "パスワードを変更した場合、一度ログアウトしてログインし直すと変更後のパスワードが適用されます。",
                en: "After a password change, sign out and in again to use the new password.")
        // Forgotten password
        case .forgotTitle: LocalizedText(ja: "パスワードを忘れた場合", en: "Forgot your password")
        case .forgotLead:
            LocalizedText(
                ja: "契約顧客コードとユーザIDを入力してください。登録されているメールアドレスにキーコードを送信します。",
                en: "Enter your tenant code and user ID. A key code is sent to your registered email address.")
        case .forgotSubmit: LocalizedText(ja: "送信", en: "Send")
        case .forgotSent:
            LocalizedText(
                ja: "入力された内容でユーザが登録されている場合、登録されたメールアドレスにキーコードを送信しました。キーコードの有効時間は5分間です。",
                en: "If such a user exists, a key code was sent to the registered address. It is valid for 5 minutes.")
        case .forgotToReset: LocalizedText(ja: "キーコードを入力する", en: "Enter the key code")
        // Password reset
        case .resetTitle: LocalizedText(ja: "パスワード変更", en: "Change password")
        case .resetKeyCode: LocalizedText(ja: "キーコード", en: "Key code")
        case .resetNewPassword: LocalizedText(ja: "パスワード", en: "New password")
        case .resetInvalid:
            LocalizedText(
                ja: "メールアドレスまたはキーコードが正しくないか、キーコードの有効期限(5分)が切れています。",
                en: "The email address or key code is wrong, or the key code has expired (5 minutes).")
        case .resetDone: LocalizedText(ja: "パスワード変更完了", en: "Password changed")
        case .resetDoneLead:
            LocalizedText(
                ja: "パスワードを変更しました。変更後のパスワードでログインしてください。",
                en: "Your password was changed. Sign in with the new password.")
        // Mail
        case .mailResetSubject: LocalizedText(ja: "つなぐ パスワードの変更を受け付けました。", en: "Tsunagu: password change requested")
        // Search filters
        case .filterList: LocalizedText(ja: "リスト名", en: "List")
        case .filterDeleted: LocalizedText(ja: "削除済みを表示", en: "Show deleted")
        case .filterKana: LocalizedText(ja: "会社名フリガナ", en: "Company (kana)")
        case .filterPrefecture: LocalizedText(ja: "都道府県", en: "Prefecture")
        case .filterSearch: LocalizedText(ja: "検索", en: "Search")
        case .filterClear: LocalizedText(ja: "クリア", en: "Clear")
        // 顧客インポート
        case .importLead:
            LocalizedText(
                ja: "顧客のCSVファイル(Shift_JIS/CP932 または UTF-8)を選んでください。1行目は見出し(会社名、電話番号など)です。",
                en:
                    "Choose a customer CSV file (Shift_JIS/CP932 or UTF-8). The first line holds the headers (会社名, 電話番号…)."
            )
        case .importFile: LocalizedText(ja: "CSVファイル", en: "CSV file")
        case .importUpload: LocalizedText(ja: "確認する", en: "Check the file")
        case .importNoFile: LocalizedText(ja: "ファイルを選んでください。", en: "Please choose a file.")
        case .importExpired:
            LocalizedText(
                ja: "取り込みの確認が見つかりません。もう一度ファイルを選んでください。",
                en: "The checked file was not found. Please choose the file again.")
        case .importForbidden:
            LocalizedText(
                ja: "顧客のインポートは管理者またはコールリスト作成の権限があるユーザのみ行えます。",
                en: "Only administrators and users allowed to create call lists can import customers.")
        case .importEncoding: LocalizedText(ja: "文字コード", en: "Encoding")
        case .importMapping: LocalizedText(ja: "列の対応", en: "Column mapping")
        case .importIgnored: LocalizedText(ja: "取り込まない列", en: "Columns not imported")
        case .importLine: LocalizedText(ja: "行", en: "Line")
        case .importReason: LocalizedText(ja: "理由", en: "Reason")
        case .importDuplicates:
            LocalizedText(ja: "電話番号が同じ顧客がすでにいる場合", en: "When a customer with the same number exists")
        case .importSkip: LocalizedText(ja: "取り込まない", en: "Skip the row")
        case .importUpdate: LocalizedText(ja: "内容を更新する", en: "Update the customer")
        case .importListName: LocalizedText(ja: "コールリスト名(入力するとリストを作成)", en: "Call list name (creates a list)")
        case .importConfirm: LocalizedText(ja: "取り込む", en: "Import")
        // 顧客編集
        case .customerTitle: LocalizedText(ja: "顧客編集", en: "Customer")
        case .customerKind: LocalizedText(ja: "区分", en: "Type")
        case .customerIndustry: LocalizedText(ja: "業種", en: "Industry")
        case .customerNote: LocalizedText(ja: "顧客備考", en: "Customer note")
        case .customerOwner: LocalizedText(ja: "(自社)担当者名", en: "Account owner")
        case .customerAssignMe: LocalizedText(ja: "自分を担当者にする", en: "Make me the owner")
        case .customerDelete: LocalizedText(ja: "削除", en: "Delete")
        case .customerDeleteConfirm: LocalizedText(ja: "この顧客を削除しますか?", en: "Delete this customer?")
        case .customerRestore: LocalizedText(ja: "削除を取り消す", en: "Restore")
        case .customerIsDeleted: LocalizedText(ja: "この顧客は削除済みです。", en: "This customer is deleted.")
        case .customerSaved: LocalizedText(ja: "顧客情報を登録しました。", en: "The customer was saved.")
        case .customerReadOnly: LocalizedText(ja: "この顧客情報を編集する権限がありません。", en: "You may not edit this customer.")
        case .customerHistory: LocalizedText(ja: "架電履歴", en: "Call history")
        case .customerCalledAt: LocalizedText(ja: "通話日付", en: "Called at")
        case .customerDialledColumn: LocalizedText(ja: "架電結果", en: "Dialled")
        case .customerStatusColumn: LocalizedText(ja: "架電ステータス", en: "Call status")
        case .customerAgent: LocalizedText(ja: "架電担当", en: "Agent")
        case .customerMemo: LocalizedText(ja: "架電メモ", en: "Memo")
        case .customerDialled: LocalizedText(ja: "架電済", en: "Dialled")
        case .customerCalling: LocalizedText(ja: "架電中", en: "In progress")
        // 設定
        case .settingsSaved: LocalizedText(ja: "設定を保存しました。すぐに反映されます。", en: "Settings saved. They apply at once.")
        // 設定: each setting's name and help
        case .settingFetchMode: LocalizedText(ja: "コールリストの取得方法", en: "Call list fetch")
        case .settingDialingMode: LocalizedText(ja: "発信方法", en: "Dialing")
        case .settingAutoNextAfter: LocalizedText(ja: "自動発信の対象", en: "Auto-dial the next row after")
        case .settingDoneMarkedOn: LocalizedText(ja: "「済」をつける架電", en: "Tick 済 on")
        case .settingPhoneNumberOpensCustomerEdit:
            LocalizedText(ja: "電話番号クリックで顧客編集を開く", en: "Phone number opens customer edit")
        case .settingCustomerScope: LocalizedText(ja: "顧客情報の表示", en: "Customers shown")
        case .settingCustomerEdit: LocalizedText(ja: "顧客情報の編集", en: "Customer editing")
        case .settingCsvExportAndDeleteEnabled: LocalizedText(ja: "顧客CSV出力・削除ボタン", en: "Customer CSV export and delete")
        case .settingIdleLogoutMinutes: LocalizedText(ja: "自動ログアウトまでの時間(分)", en: "Idle sign-out (minutes)")
        case .settingWorkListCap: LocalizedText(ja: "つなぐ/Phone画面のリスト上限(件)", en: "Phone screen row limit")
        case .settingRingTimeoutSeconds: LocalizedText(ja: "呼出し時間の上限(秒)", en: "Ring timeout (seconds)")
        case .settingDoubleDialGuardMinutes: LocalizedText(ja: "二重発信の確認(分)", en: "Double-dial guard (minutes)")
        case .settingTimeZone: LocalizedText(ja: "タイムゾーン", en: "Time zone")
        case .settingCarrierRules: LocalizedText(ja: "模擬回線のルール", en: "Simulated carrier rules")
        case .settingSipHost: LocalizedText(ja: "SIPトランク: ホスト", en: "SIP trunk: host")
        case .settingSipPort: LocalizedText(ja: "SIPトランク: ポート", en: "SIP trunk: port")
        case .settingSipTransport: LocalizedText(ja: "SIPトランク: 転送方式", en: "SIP trunk: transport")
        case .settingSipAuthUser: LocalizedText(ja: "SIPトランク: 認証ユーザ", en: "SIP trunk: auth user")
        case .settingSipPassword: LocalizedText(ja: "SIPトランク: 認証パスワード", en: "SIP trunk: auth password")
        case .settingSipCallerID: LocalizedText(ja: "SIPトランク: 発信者番号", en: "SIP trunk: caller ID")
        case .settingSipFromDomain: LocalizedText(ja: "SIPトランク: Fromのドメイン", en: "SIP trunk: From domain")
        case .settingSipRegister: LocalizedText(ja: "SIPトランク: REGISTER", en: "SIP trunk: REGISTER")
        case .settingSipNumberFormat: LocalizedText(ja: "SIPトランク: 番号の形式", en: "SIP trunk: number format")
        case .settingSipDTMF: LocalizedText(ja: "SIPトランク: トーン(DTMF)の送り方", en: "SIP trunk: DTMF tones")
        case .settingFetchModeHelp:
            LocalizedText(
                ja: "手動: ダウンロードのたびに取得します。自動: 最初のダウンロード後、リストがなくなると自動で取得します。",
                en:
                    "Manual: each ダウンロード click fetches rows. Automatic: after the first click, rows are fetched whenever they run out."
            )
        case .settingDialingModeHelp:
            LocalizedText(
                ja: "自動: 開始で自動発信します。手動: 開始/発信で▶の行だけに発信します。",
                en: "Automatic: 開始 starts auto-dial. Manual: 開始/発信 dials the ▶ row only.")
        case .settingAutoNextAfterHelp:
            LocalizedText(
                ja: "通常は不応答のときだけ次の顧客に自動発信します。応答した通話のあとも自動発信するかを選びます。",
                en: "Normally only unanswered calls move on by themselves; choose whether answered calls do too.")
        case .settingDoneMarkedOnHelp:
            LocalizedText(
                ja: "「済」の行は上からの再架電で飛ばされます。応答のときだけか、架電したものすべてにつけるかを選びます。",
                en:
                    "Rows with 済 are skipped on the re-dial pass; tick it on answered calls only, or on every dialled call."
            )
        case .settingPhoneNumberOpensCustomerEditHelp:
            LocalizedText(
                ja: "つなぐ/Phone画面で電話番号をクリックすると、顧客編集画面を別タブで開きます。",
                en: "Clicking a number on the phone screen opens the customer edit page in a new tab.")
        case .settingCustomerScopeHelp:
            LocalizedText(ja: "顧客一覧で一般ユーザに見せる範囲です。", en: "Which customers agents see in the customer list.")
        case .settingCustomerEditHelp:
            LocalizedText(
                ja: "一般ユーザが編集できる顧客の範囲です。編集不可のときは編集ボタンが表示されません。",
                en: "Which customers agents may edit; with no editing the 編集 button is hidden.")
        case .settingCsvExportAndDeleteEnabledHelp:
            LocalizedText(
                ja: "顧客一覧の「顧客CSVダウンロード」と「削除」ボタンを表示するかどうかです。",
                en: "Whether the customer list shows the CSV download and delete buttons.")
        case .settingIdleLogoutMinutesHelp:
            LocalizedText(
                ja: "操作がないまま、この時間が過ぎると自動的にログアウトします。", en: "Users are signed out after this long without activity.")
        case .settingWorkListCapHelp:
            LocalizedText(
                ja: "1人のつなぐ/Phone画面に取得できる最大件数です(500件まで)。",
                en: "The most rows one agent's phone screen may hold (at most 500).")
        case .settingRingTimeoutSecondsHelp:
            LocalizedText(
                ja: "応答がない発信を切るまでの時間です。端末設備等規則により120秒を超えられません。",
                en: "How long an unanswered call rings; the Japanese terminal equipment rules cap it at 120 seconds.")
        case .settingDoubleDialGuardMinutesHelp:
            LocalizedText(
                ja: "この時間内に架電した番号に開始するときは、発信前に確認します。0で無効です。",
                en: "開始 on a number called within this many minutes asks first; 0 turns it off.")
        case .settingTimeZoneHelp:
            LocalizedText(
                ja: "画面に表示する日時のタイムゾーンです(例: Asia/Tokyo)。", en: "The time zone times are shown in (e.g. Asia/Tokyo).")
        case .settingCarrierRulesHelp:
            LocalizedText(
                ja:
                    "電話回線なしで試すための模擬回線が、番号の末尾ごとにどう振る舞うかです。1行に1つ「末尾 動作 秒」、*はその他の番号。動作: answer(応答) ringOut(呼出し続け) busy(話し中) invalid(番号不明) reject(着信拒否)。",
                en:
                    "How the simulated carrier (for trying Tsunagu without a phone line) treats numbers by their ending: one rule per line, “ending behaviour seconds”, * for other numbers. Behaviours: answer, ringOut, busy, invalid, reject."
            )
        case .settingSipHostHelp:
            LocalizedText(
                ja: "TELEPHONY=sip で起動したときの発信先(IP-PBXや回線事業者のSIPサーバ)です。空にするとSIPトランクを使いません。",
                en:
                    "Where calls go when the server runs with TELEPHONY=sip (an IP-PBX or the carrier's SIP server). Empty: no SIP trunk."
            )
        case .settingSipPortHelp: LocalizedText(ja: "通常は5060です。", en: "Usually 5060.")
        case .settingSipTransportHelp:
            LocalizedText(ja: "SIPを運ぶ方式です。回線事業者の指定に合わせます。", en: "How SIP is carried; as the carrier specifies.")
        case .settingSipAuthUserHelp:
            LocalizedText(
                ja: "401/407で認証を求められたときのユーザ名です。IPアドレスで認証するトランクでは空にします。",
                en: "The user name for 401/407 digest challenges; empty for trunks that trust our address.")
        case .settingSipPasswordHelp:
            LocalizedText(
                ja: "保存済みのパスワードは表示しません。空のままなら変更しません。", en: "The stored password is never shown; leave empty to keep it."
            )
        case .settingSipCallerIDHelp:
            LocalizedText(ja: "お客様に通知される番号(Fromのユーザ部)です。", en: "The number customers see (the From user part).")
        case .settingSipFromDomainHelp:
            LocalizedText(ja: "Fromのホスト部です。空ならトランクのホストを使います。", en: "The From host; the trunk host when empty.")
        case .settingSipRegisterHelp:
            LocalizedText(
                ja: "トランクがREGISTERを求める場合に有効にします。期限が切れる前に更新します。",
                en: "Turn on when the trunk wants a REGISTER; it is refreshed before it expires.")
        case .settingSipNumberFormatHelp:
            LocalizedText(
                ja: "発信先の番号の書き方です。国内形式(0312345678)かE.164(+81312345678)。",
                en: "How dialled numbers are written: national (0312345678) or E.164 (+81312345678).")
        case .settingSipDTMFHelp:
            LocalizedText(
                ja: "通話中にダイヤルパッドで押した番号の送り方です。RFC 4733(音声の中で送る、通常はこちら)か、SIP INFO(トランクが求める場合)。",
                en:
                    "How dial-pad keys pressed during a call reach the trunk: RFC 4733 events in the audio (usual), or SIP INFO where the trunk wants it."
            )
        // Telephony
        case .trunkNotConfigured: LocalizedText(ja: "SIPトランクが設定されていません。", en: "No SIP trunk is configured.")
        case .mediaServerNotAnswering:
            LocalizedText(
                ja: "音声サーバー(rtpengine)が応答しません。管理者に連絡してください。",
                en: "The media server (rtpengine) does not answer. Contact your administrator.")
        case .trunkNotAnswering: LocalizedText(ja: "SIPトランクが応答しません。", en: "The SIP trunk does not answer.")
        case .trunkPortInvalid:
            LocalizedText(
                ja: "SIPトランクのポートは1〜65535の数字で入力してください。", en: "The SIP trunk port must be a number from 1 to 65535.")
        case .trunkTransportInvalid:
            LocalizedText(ja: "SIPトランクの転送方式はUDPかTCPを選んでください。", en: "Choose UDP or TCP for the SIP trunk.")
        case .trunkCallerIDInvalid:
            LocalizedText(ja: "発信者番号は数字(20桁まで)で入力してください。", en: "The caller ID must be digits (up to 20).")
        case .trunkAuthUserInvalid:
            LocalizedText(
                ja: "認証ユーザは空白や記号「\"」「\\」を含まない64文字までで入力してください。",
                en: "The auth user must be up to 64 characters without spaces, \" or \\.")
        case .trunkPasswordTooLong:
            LocalizedText(ja: "認証パスワードは128文字までで入力してください。", en: "The auth password must be up to 128 characters.")
        case .trunkFromDomainInvalid: LocalizedText(ja: "Fromのドメインが正しくありません。", en: "The From domain is not valid.")
        case .trunkNumberFormatInvalid: LocalizedText(ja: "番号の形式が正しくありません。", en: "The number format is not valid.")
        case .trunkDTMFInvalid: LocalizedText(ja: "トーン(DTMF)の送り方が正しくありません。", en: "The DTMF method is not valid.")
        case .simulatedRingsOut: LocalizedText(ja: "応答なし(呼出し続け)", en: "Rings out")
        case .simulatedNoAudio: LocalizedText(ja: "シミュレーションのため、通話の音声はありません。", en: "Simulated calls: there is no audio.")
        case .mediaServerNotConfigured:
            LocalizedText(
                ja: "音声サーバー(rtpengine)が設定されていないため、通話の音声はありません。",
                en: "No media server (rtpengine) is configured: calls carry no audio.")
        // Call results
        case .callResultBusy: LocalizedText(ja: "話し中", en: "Busy")
        case .simulatedInvalidNumber: LocalizedText(ja: "番号不明", en: "Number does not exist")
        case .callResultRejected: LocalizedText(ja: "着信拒否", en: "Rejected")
        case .callResultNoAnswer: LocalizedText(ja: "応答なし", en: "No answer")
        case .callResultInvalidNumber: LocalizedText(ja: "番号不明", en: "Invalid number")
        case .callResultHungUpBeforeAnswer: LocalizedText(ja: "応答前に切断", en: "Hung up before answer")
        case .callResultFailed: LocalizedText(ja: "発信失敗", en: "Call failed")
        case .resultAnswered: LocalizedText(ja: "応答", en: "Answered")
        case .resultUnanswered: LocalizedText(ja: "不応答", en: "No answer")
        case .statusNotCalled: LocalizedText(ja: "未架電", en: "Not called")
        case .statusProspect: LocalizedText(ja: "見込み", en: "Prospect")
        case .statusCallback: LocalizedText(ja: "再架電", en: "Callback")
        // Accounts
        case .accountLoginIDInvalid:
            LocalizedText(
                ja: "ログインIDは半角英数字と「.」「_」「-」で入力してください。",
                en: "The login ID may use letters, digits, “.”, “_” and “-” only.")
        case .accountExtensionInvalid: LocalizedText(ja: "内線番号は半角数字で入力してください。", en: "The extension must be digits.")
        case .accountEmailInvalid: LocalizedText(ja: "メールアドレスの形式が正しくありません。", en: "The email address is not valid.")
        case .accountPasswordTooLong:
            LocalizedText(ja: "パスワードが長すぎます(72バイトまで)。", en: "The password is too long (72 bytes at most).")
        case .accountPasswordIsLoginID:
            LocalizedText(ja: "ログインIDと同じパスワードは使えません。", en: "The password cannot be the same as the login ID.")
        case .accountName: LocalizedText(ja: "氏名", en: "Name")
        case .accountLoginID: LocalizedText(ja: "ログインID", en: "Login ID")
        case .accountGroup: LocalizedText(ja: "グループ", en: "Group")
        case .accountEmail: LocalizedText(ja: "メールアドレス", en: "Email")
        case .accountExtension: LocalizedText(ja: "内線番号", en: "Extension")
        case .accountPassword: LocalizedText(ja: "パスワード", en: "Password")
        // Desk
        case .deskConfirmUpload: LocalizedText(ja: "結果をアップロードしますか?", en: "Upload the results?")
        case .deskNoListAvailable: LocalizedText(ja: "取得可能なリストがありません。", en: "No call list is available.")
        case .deskEndOfList:
            LocalizedText(ja: "リストの最後まで架電しました。自動発信を終了します。", en: "Reached the end of the list. Auto-dial stopped.")
        case .deskNothingToDial: LocalizedText(ja: "架電できる行がありません。", en: "There is no row to dial.")
        case .deskCallInProgress:
            LocalizedText(ja: "通話中です。通話が終わってから操作してください。", en: "A call is in progress. Try again when it ends.")
        case .deskUploadRefusedDuringCall:
            LocalizedText(
                ja: "通話中はアップロードできません。通話終了後にアップロードしてください。", en: "You cannot upload during a call. Upload after it ends.")
        case .deskNothingToUpload: LocalizedText(ja: "アップロードする結果がありません。", en: "There are no results to upload.")
        case .deskUploadFailed:
            LocalizedText(
                ja: "アップロードできませんでした。結果は保存されています。もう一度お試しください。",
                en: "The upload failed. Your results are saved; please try again.")
        case .deskFetchFailed:
            LocalizedText(ja: "リストを取得できませんでした。もう一度お試しください。", en: "Could not fetch rows. Please try again.")
        case .deskBusyWithPreviousRequest:
            LocalizedText(ja: "前の処理が終わるまでお待ちください。", en: "Please wait for the previous request to finish.")
        case .deskPhoneNotReady: LocalizedText(ja: "電話が利用できない状態です(ランプが赤)。", en: "The phone is not ready (red lamp).")
        case .deskUnknownRow: LocalizedText(ja: "この行は画面にありません。", en: "This row is not on your screen.")
        case .deskInvalidCursor: LocalizedText(ja: "その No の行はありません。", en: "There is no row with that No.")
        case .deskConfirmationGone: LocalizedText(ja: "この確認はもう有効ではありません。", en: "This question is no longer open.")
        case .deskSaveRetrying:
            LocalizedText(ja: "保存できませんでした。自動で再試行します。", en: "Could not save. It will be retried automatically.")
        case .deskSavingPaused:
            LocalizedText(
                ja: "保存を一時停止しています(データベースに接続できません)。入力した内容はこの画面に残り、接続が戻ると自動で保存されます。",
                en:
                    "Saving is paused (the database cannot be reached). What you entered stays on this screen and is saved automatically once the connection is back."
            )
        case .deskServedElsewhere:
            LocalizedText(
                ja: "この担当者の画面は別のサーバーに移りました。再接続します。",
                en: "This agent's screen has moved to another server. Reconnecting.")
        case .deskHeldElsewhere:
            LocalizedText(
                ja: "この担当者の画面は別のサーバーで開かれています。そちらが閉じられると自動で接続します。",
                en: "This agent's screen is open on another server. It connects here by itself once that one is closed."
            )
        case .deskMicrophoneDenied:
            LocalizedText(
                ja: "マイクの使用が許可されていません。アドレスバーの鍵(またはカメラ)アイコンからマイクを「許可」にして、この画面を再読み込みしてください。",
                en:
                    "The microphone is blocked. Allow it from the lock (or camera) icon in the address bar, then reload this screen."
            )
        case .deskToneOutsideCall: LocalizedText(ja: "トーンは通話中にだけ送れます。", en: "Tones can be sent only during a call.")
        case .deskToneInMedia:
            LocalizedText(
                ja: "このトランクではトーンを音声の中で送ります。画面を再読み込みしてください。",
                en: "This trunk takes tones in the audio. Please reload the screen.")
        case .deskMicrophoneUnknown:
            LocalizedText(
                ja: "マイクを確認しています。ブラウザに聞かれたら「許可」を選んでください。",
                en: "Checking the microphone. When the browser asks, choose Allow.")
        case .deskUnreadableRequest:
            LocalizedText(ja: "画面からの要求を読み取れませんでした。", en: "The screen's request could not be read.")
        case .deskOutdatedScreen:
            LocalizedText(ja: "画面が古い版です。再読み込みしてください。", en: "The screen is out of date. Please reload it.")
        // Search
        case .callsDateRangeReversed:
            LocalizedText(ja: "通話日付の開始日が終了日より後になっています。", en: "The start date is after the end date.")
        case .customersDateRangeReversed:
            LocalizedText(ja: "登録日付の開始日が終了日より後になっています。", en: "The start date is after the end date.")
        // Import
        case .importFileEmpty: LocalizedText(ja: "ファイルにデータがありません。", en: "The file has no data.")
        case .importMissingPhoneColumn:
            LocalizedText(ja: "1行目の見出しに「電話番号」の列がありません。", en: "The first line has no “電話番号” (phone) column.")
        case .importMissingName: LocalizedText(ja: "会社名または担当者名が必要です。", en: "A company or contact name is required.")
        case .importNotText:
            LocalizedText(
                ja: "CSV ファイルではありません(バイナリデータが含まれています)。", en: "This is not a CSV file (it contains binary data).")
        // Customers
        case .customerKindCorporate: LocalizedText(ja: "法人", en: "Company")
        case .customerKindIndividual: LocalizedText(ja: "個人", en: "Individual")
        // Phone numbers
        case .numberEmpty: LocalizedText(ja: "電話番号が入力されていません。", en: "The phone number is empty.")
        case .numberContainsLetters: LocalizedText(ja: "電話番号に英字が含まれています。", en: "The phone number contains letters.")
        case .numberTooShort: LocalizedText(ja: "電話番号の桁数が足りません。", en: "The phone number is too short.")
        case .numberTooLong: LocalizedText(ja: "電話番号の桁数が多すぎます。", en: "The phone number is too long.")
        case .numberNotJapanese:
            LocalizedText(
                ja: "日本の電話番号ではありません(+81 以外の国番号)。", en: "This is not a Japanese number (country code other than +81).")
        case .numberNotAssigned:
            LocalizedText(ja: "この番号帯には発信できません。", en: "Calls cannot be placed to this number range.")
        case .numberSpecialService:
            LocalizedText(
                ja: "緊急通報・特殊番号(110、119、117 など)は登録できません。",
                en: "Emergency and special service numbers (110, 119, 117…) cannot be used.")
        // Calling rules on 設定 and the calendar
        case .settingsCallingWindow: LocalizedText(ja: "架電可能時間", en: "Calling hours")
        case .settingsCallingWindowHelp:
            LocalizedText(
                ja:
                    "曜日ごとに架電できる時間帯を「9:00-12:00, 13:00-18:00」のように入力します(空欄はその曜日は架電しません。日をまたぐ時間帯は指定できません)。時刻はテナントのタイムゾーンです。時間外は開始・発信・ダイヤルパッドが止まり、自動発信は通話中の架電を切らずに停止します。",
                en:
                    "Enter each weekday's calling hours like “9:00-12:00, 13:00-18:00” (empty: no calls that day; a range cannot cross midnight). Times are in the tenant's time zone. Outside them Start, Dial and the dial pad are refused, and auto-dial stops without cutting the call in progress."
            )
        case .settingsAlwaysOpenNote:
            LocalizedText(
                ja: "このテナントは毎日24時間(祝日も)架電できる設定です(デモ用)。実際の運用では架電可能時間を設定してください。",
                en:
                    "This tenant may call at every hour of every day, holidays included (the demo's setting). Set real calling hours before calling customers."
            )
        case .settingDayOff: LocalizedText(ja: "架電しない", en: "No calls")
        case .settingHolidays: LocalizedText(ja: "祝日", en: "Public holidays")
        case .settingHolidaysOff: LocalizedText(ja: "祝日は架電しない", en: "No calls on public holidays")
        case .settingHolidaysCalled: LocalizedText(ja: "祝日も架電する", en: "Call on public holidays")
        case .settingClosedDays: LocalizedText(ja: "休業日", en: "Closed days")
        case .settingClosedDaysHelp:
            LocalizedText(
                ja: "1行に1つ。毎年の休み「12/29-1/3」「5/1」、特定の日「2026/08/13」「2026/08/13-2026/08/15」。",
                en:
                    "One per line. Every year: “12/29-1/3”, “5/1”; particular dates: “2026/08/13”, “2026/08/13-2026/08/15”."
            )
        case .settingsRetryRules: LocalizedText(ja: "再架電ルール", en: "Retry rules")
        case .settingsRetryRulesHelp:
            LocalizedText(
                ja:
                    "不応答の理由ごとに、次に架電できるまでの待ち時間(分)と、1つのリストで1顧客に架電する上限回数を決めます。番号不明の番号は自動では再架電しません。ダイヤルパッドの発信は数えますが制限しません。無効のときは従来どおりです。",
                en:
                    "Minutes to wait after each unanswered reason before a customer is called again, and the most attempts per customer per list. Invalid numbers are never retried automatically. Dial-pad calls are counted, never limited. Off: as before."
            )
        case .settingRetryEnabled: LocalizedText(ja: "再架電ルール", en: "Retry rules")
        case .settingRetryBusy: LocalizedText(ja: "話し中の後の待ち時間(分)", en: "Wait after busy (minutes)")
        case .settingRetryNoAnswer: LocalizedText(ja: "応答なしの後の待ち時間(分)", en: "Wait after no answer (minutes)")
        case .settingRetryRejected: LocalizedText(ja: "着信拒否の後の待ち時間(分)", en: "Wait after rejected (minutes)")
        case .settingRetryMaximumAttempts:
            LocalizedText(ja: "1リストあたりの上限回数(空欄は上限なし)", en: "Most attempts per list (empty: no cap)")
        case .weekdayMonday: LocalizedText(ja: "月曜日", en: "Monday")
        case .weekdayTuesday: LocalizedText(ja: "火曜日", en: "Tuesday")
        case .weekdayWednesday: LocalizedText(ja: "水曜日", en: "Wednesday")
        case .weekdayThursday: LocalizedText(ja: "木曜日", en: "Thursday")
        case .weekdayFriday: LocalizedText(ja: "金曜日", en: "Friday")
        case .weekdaySaturday: LocalizedText(ja: "土曜日", en: "Saturday")
        case .weekdaySunday: LocalizedText(ja: "日曜日", en: "Sunday")
        case .menuCalendar: LocalizedText(ja: "カレンダー", en: "Calendar")
        case .calendarPrevious: LocalizedText(ja: "« 前の月", en: "« Previous month")
        case .calendarNext: LocalizedText(ja: "次の月 »", en: "Next month »")
        case .calendarClosedDay: LocalizedText(ja: "休業日", en: "Closed")
        case .calendarNoCalls: LocalizedText(ja: "架電なし", en: "No calls")
        case .calendarSunday: LocalizedText(ja: "日", en: "Sun")
        case .calendarMonday: LocalizedText(ja: "月", en: "Mon")
        case .calendarTuesday: LocalizedText(ja: "火", en: "Tue")
        case .calendarWednesday: LocalizedText(ja: "水", en: "Wed")
        case .calendarThursday: LocalizedText(ja: "木", en: "Thu")
        case .calendarFriday: LocalizedText(ja: "金", en: "Fri")
        case .calendarSaturday: LocalizedText(ja: "土", en: "Sat")
        // Callbacks
        case .callbackDateRequired: LocalizedText(ja: "再架電日を入力してください。", en: "Please enter the callback date.")
        case .callbackTimeRequired: LocalizedText(ja: "再架電時刻を入力してください。", en: "Please enter the callback time.")
        case .callbackInThePast: LocalizedText(ja: "再架電日時が過去です。", en: "The callback time has already passed.")
        // Talk script (§16) and a list's own rules
        case .talkScriptContactUnknown: LocalizedText(ja: "ご担当者様", en: "the person in charge")
        case .talkScriptUnclosedBrace:
            LocalizedText(
                ja: "トークスクリプトの差し込み項目の波かっこが閉じられていません。",
                en: "A placeholder's brace in the talk script is never closed.")
        case .listRulesTitle: LocalizedText(ja: "リストのルール", en: "List rules")
        case .listRulesLink: LocalizedText(ja: "ルール・トークスクリプト", en: "Rules and talk script")
        case .listRulesProduct: LocalizedText(ja: "商品・サービス", en: "Product or service")
        case .listRulesTalkScript: LocalizedText(ja: "トークスクリプト", en: "Talk script")
        case .listRulesTalkScriptHelp:
            LocalizedText(
                ja: "通話がつながると電話画面に表示されます。特定商取引法 第16条により、最初に事業者名・担当者名・勧誘目的であること・商品の種類を伝えてください。差し込み項目:",
                en:
                    "Shown on the phone screen when the call is answered. Say first who is calling, for which company, that it is a sales call and what is offered (特定商取引法 §16). Placeholders:"
            )
        case .listRulesWindowHelp:
            LocalizedText(
                ja: "このリストだけ架電可能時間を狭められます(テナントの架電可能時間より広くはなりません)。",
                en: "This list may call within narrower hours than the tenant's (never wider).")
        case .listRulesTenantsRules: LocalizedText(ja: "テナントの設定どおり", en: "As the tenant's settings")
        case .listRulesOwnWindow: LocalizedText(ja: "このリストで狭める", en: "Narrower for this list")
        case .listRulesOwnRetry: LocalizedText(ja: "このリスト独自のルール", en: "This list's own rules")
        case .phoneTalkScript: LocalizedText(ja: "トークスクリプト", en: "Talk script")
        case .filterLimitReached: LocalizedText(ja: "上限到達のみ", en: "Attempt limit reached only")
        case .listsLimitReached: LocalizedText(ja: "上限到達", en: "Attempt limit")
        // Calling rules on the phone screen
        case .dialHoldBarred: LocalizedText(ja: "架電禁止", en: "Do not call")
        case .dialHoldOutsideWindow: LocalizedText(ja: "時間外", en: "Outside hours")
        case .dialHoldRedialLimit: LocalizedText(ja: "再発信制限", en: "Redial limit")
        case .dialHoldAttemptLimit: LocalizedText(ja: "上限到達", en: "Attempt limit")
        case .dialHoldInvalidNumber: LocalizedText(ja: "番号不明のため対象外", en: "Invalid number")
        case .dialRefusedBarred:
            LocalizedText(
                ja: "この番号は架電禁止です(架電禁止リストまたは今後の勧誘お断り)。",
                en: "This number must not be called (do-not-call list or a refusal of further calls).")
        case .dialRefusedRedialLimit:
            LocalizedText(
                ja: "この番号には3分以内に2回発信したため、自動発信を控えました(再発信制限)。",
                en:
                    "This number was dialled twice within 3 minutes, so it was not dialled automatically (redial limit)."
            )
        case .dialRefusedAttemptLimit:
            LocalizedText(
                ja: "このリストでの架電回数の上限に達しています。",
                en: "This customer has had the most attempts this list allows.")
        case .dialRefusedInvalidNumber:
            LocalizedText(
                ja: "前回の架電で番号不明だったため、自動では発信しません。",
                en: "The last call found this number invalid, so it is not dialled automatically.")
        case .phoneCallbacks: LocalizedText(ja: "再架電予定", en: "Callbacks")
        case .phoneCallbacksDue: LocalizedText(ja: "期限到来", en: "Due")
        case .phoneCallbackShared: LocalizedText(ja: "共有", en: "Shared")
        case .phoneCallbackSharedHelp:
            LocalizedText(
                ja: "担当者が期限を過ぎても発信していないため、全員が発信できる再架電です。",
                en: "Its agent has not called back in time, so any agent may take it.")
        case .phoneCallbackBarred: LocalizedText(ja: "架電禁止", en: "Do not call")
        case .phoneCallbackDial: LocalizedText(ja: "発信", en: "Call")
        case .phoneCallbackSchedule: LocalizedText(ja: "再架電の日時指定", en: "Schedule a callback")
        case .phoneCallbackDate: LocalizedText(ja: "再架電日", en: "Date")
        case .phoneCallbackTime: LocalizedText(ja: "再架電時刻", en: "Time")
        case .phoneCallbackNote: LocalizedText(ja: "メモ", en: "Note")
        case .phoneCallbackSave: LocalizedText(ja: "登録", en: "Save")
        case .menuCallbacks: LocalizedText(ja: "再架電予定", en: "Callbacks")
        case .callbacksLeadEveryone:
            LocalizedText(
                ja: "全担当者の再架電予定です。期限切れのものが先頭です。担当者を変更できます。",
                en: "Every agent's scheduled callbacks, overdue ones first. You can hand one to another agent.")
        case .callbacksLeadOwn:
            LocalizedText(
                ja: "あなたの再架電予定です。発信はPhone画面の再架電予定から行います。",
                en: "Your scheduled callbacks. Call them back from the callbacks on the phone screen.")
        case .callbacksEmpty: LocalizedText(ja: "再架電予定はありません。", en: "There are no scheduled callbacks.")
        case .callbacksDue: LocalizedText(ja: "再架電日時", en: "Due")
        case .callbacksNote: LocalizedText(ja: "メモ", en: "Note")
        case .callbacksOwner: LocalizedText(ja: "担当者", en: "Agent")
        case .callbacksReassign: LocalizedText(ja: "担当変更", en: "Reassign")
        case .callbacksOverdue: LocalizedText(ja: "期限切れ", en: "Overdue")
        case .callbacksChooseAgent: LocalizedText(ja: "担当者を選択してください。", en: "Please choose an agent.")
        case .callbacksAlreadyTaken:
            LocalizedText(
                ja: "この再架電はすでに発信されたか、取り消されています。", en: "This callback has already been called back or withdrawn.")
        case .settingsCallbackRules: LocalizedText(ja: "日時指定の再架電", en: "Timed callbacks")
        case .settingCallbacksOpenAfter: LocalizedText(ja: "全員に開放するまでの時間(分)", en: "Open to every agent after (minutes)")
        case .settingCallbacksOpenAfterHelp:
            LocalizedText(
                ja: "再架電はその担当者のものですが、期限からこの時間が過ぎても発信されない場合は、テナントの全担当者が発信できるようになります。",
                en:
                    "A callback is its agent's own; once it has been due this long without a call, any agent of the tenant may take it."
            )
        case .settingDueCallbacksDialNext: LocalizedText(ja: "期限の来た再架電を次に発信", en: "Dial due callbacks next")
        case .settingDueCallbacksDialNextHelp:
            LocalizedText(
                ja: "オンにすると、自動発信中は期限の来た再架電をリストの次の行より先に発信します。オフのときは、担当者が再架電予定から発信します。",
                en:
                    "On: during automatic dialing a due callback is dialled before the list's next row. Off: the agent calls it from the callbacks section."
            )
        case .dialHoldCallbackTaken: LocalizedText(ja: "他の担当者が発信済み", en: "Taken by another agent")
        case .dialRefusedCallbackTaken:
            LocalizedText(
                ja: "この再架電は他の担当者が先に発信したか、取り消されました。",
                en: "Another agent has already called this callback back, or it was withdrawn.")
        case .deskRefusalRecorded:
            LocalizedText(ja: "今後の勧誘お断りを登録しました。", en: "The refusal of further calls was recorded.")
        // Setting choices
        case .settingManual: LocalizedText(ja: "手動", en: "Manual")
        case .settingAutomatic: LocalizedText(ja: "自動", en: "Automatic")
        case .settingUnansweredCallsOnly: LocalizedText(ja: "不応答のときのみ", en: "Unanswered calls only")
        case .settingEveryCall: LocalizedText(ja: "すべての架電", en: "Every call")
        case .settingAnsweredCallsOnly: LocalizedText(ja: "応答のときのみ", en: "Answered calls only")
        case .settingEveryDialledCall: LocalizedText(ja: "架電したものすべて", en: "Every dialled call")
        case .settingOn: LocalizedText(ja: "有効", en: "On")
        case .settingOff: LocalizedText(ja: "無効", en: "Off")
        case .settingAllCustomers: LocalizedText(ja: "全顧客表示", en: "All customers")
        case .settingOwnCustomersOnly: LocalizedText(ja: "自分が担当者の顧客のみ", en: "Own customers only")
        case .settingEditAll: LocalizedText(ja: "全顧客の編集可", en: "All customers")
        case .settingEditOwn: LocalizedText(ja: "自分が担当者の顧客のみ編集可", en: "Own customers only")
        case .settingEditNone: LocalizedText(ja: "編集不可", en: "No editing")
        case .settingShown: LocalizedText(ja: "表示", en: "Shown")
        case .settingHidden: LocalizedText(ja: "非表示", en: "Hidden")
        case .settingNational: LocalizedText(ja: "国内形式", en: "National")
        case .settingToneInAudio: LocalizedText(ja: "RFC 4733(音声の中)", en: "RFC 4733 (in the audio)")
        case .csvUnterminatedQuote: LocalizedText(ja: "「\"」で始まる項目が閉じられていません。", en: "A quoted field is never closed.")
        case .csvTextAfterClosingQuote:
            LocalizedText(ja: "「\"」で囲まれた項目の後に余分な文字があります。", en: "There is text after a closing quote.")
        case .fieldKind: LocalizedText(ja: "区分", en: "Type")
        case .fieldIndustry: LocalizedText(ja: "業種", en: "Industry")
        case .fieldCompany: LocalizedText(ja: "会社名", en: "Company")
        case .fieldCompanyKana: LocalizedText(ja: "会社名フリガナ", en: "Company (kana)")
        case .fieldContactName: LocalizedText(ja: "担当者名", en: "Contact name")
        case .fieldPhone: LocalizedText(ja: "電話番号", en: "Phone")
        case .fieldPrefecture: LocalizedText(ja: "都道府県", en: "Prefecture")
        case .fieldAddress: LocalizedText(ja: "住所", en: "Address")
        case .fieldEmail: LocalizedText(ja: "メールアドレス", en: "Email")
        case .fieldNote: LocalizedText(ja: "顧客備考", en: "Customer note")
        case .formUnreadable:
            LocalizedText(
                ja: "送信された内容を読み取れませんでした。画面を開き直して、もう一度操作してください。",
                en: "What was sent could not be read. Please reload the page and try again.")
        case .menuReports: LocalizedText(ja: "レポート", en: "Reports")
        case .reportKind: LocalizedText(ja: "期間", en: "Period")
        case .reportKindDay: LocalizedText(ja: "日", en: "Day")
        case .reportKindWeek: LocalizedText(ja: "週", en: "Week")
        case .reportKindMonth: LocalizedText(ja: "月", en: "Month")
        case .reportKindRange: LocalizedText(ja: "期間指定", en: "From–to")
        case .reportDate: LocalizedText(ja: "日付", en: "Date")
        case .reportFrom: LocalizedText(ja: "開始日", en: "From")
        case .reportTo: LocalizedText(ja: "終了日", en: "To")
        case .reportGroupBy: LocalizedText(ja: "集計単位", en: "Group by")
        case .reportByAgent: LocalizedText(ja: "担当者別", en: "Per agent")
        case .reportByList: LocalizedText(ja: "リスト別", en: "Per list")
        case .reportAgent: LocalizedText(ja: "担当者", en: "Agent")
        case .reportList: LocalizedText(ja: "リスト", en: "List")
        case .reportAll: LocalizedText(ja: "すべて", en: "All")
        case .reportShow: LocalizedText(ja: "表示", en: "Show")
        case .reportPrevious: LocalizedText(ja: "◀ 前へ", en: "◀ Previous")
        case .reportNext: LocalizedText(ja: "次へ ▶", en: "Next ▶")
        case .reportCalls: LocalizedText(ja: "架電数", en: "Calls")
        case .reportContacts: LocalizedText(ja: "応答数", en: "Contacts")
        case .reportContactRate: LocalizedText(ja: "応答率", en: "Contact rate")
        case .reportProspects: LocalizedText(ja: "見込み", en: "Prospects")
        case .reportCallbacks: LocalizedText(ja: "再架電", en: "Callbacks")
        case .reportTalkTime: LocalizedText(ja: "通話時間", en: "Talk time")
        case .reportAverageHandle: LocalizedText(ja: "平均処理時間", en: "Average handle time")
        case .reportWrapUp: LocalizedText(ja: "後処理時間", en: "Wrap-up time")
        case .reportPause: LocalizedText(ja: "休憩時間", en: "Pause time")
        case .reportUtilisation: LocalizedText(ja: "稼働率", en: "Utilisation")
        case .reportTotal: LocalizedText(ja: "合計", en: "Total")
        case .reportNoList: LocalizedText(ja: "リストなし（ダイヤルパッド）", en: "No list (dial pad)")
        case .reportRemovedUser: LocalizedText(ja: "（削除されたユーザ）", en: "(removed user)")
        case .reportHeatMap:
            LocalizedText(ja: "曜日×時間帯の応答率（いつ架けるとつながるか）", en: "Contact rate by weekday and hour (when to call)")
        case .reportTrend: LocalizedText(ja: "日別の架電数と応答数", en: "Calls and contacts per day")
        case .reportDefinitions: LocalizedText(ja: "定義", en: "Definitions")
        case .reportDefinitionCalls:
            LocalizedText(
                ja: "架電数: 期間内に発信した通話の数。通話一覧（削除済み顧客を含む）で同じ条件で検索した件数と一致します。",
                en:
                    "Calls: calls placed in the period; the same count as 通話一覧 (with deleted customers) for the same filter."
            )
        case .reportDefinitionContact:
            LocalizedText(ja: "応答数: 結果が「応答」の通話の数。", en: "Contacts: calls whose result is 応答 (answered).")
        case .reportDefinitionRate: LocalizedText(ja: "応答率 = 応答数 ÷ 架電数", en: "Contact rate = contacts ÷ calls")
        case .reportDefinitionHandle:
            LocalizedText(ja: "平均処理時間 = （通話時間 + 後処理時間）÷ 応答数", en: "Average handle time = (talk + wrap-up) ÷ contacts")
        case .reportDefinitionUtilisation:
            LocalizedText(
                ja: "稼働率 = （発信中 + 通話中 + 後処理）÷（ログイン時間 − 休憩）",
                en: "Utilisation = (dialing + talking + wrap-up) ÷ (signed-in time − pauses)")
        case .reportDefinitionTime:
            LocalizedText(
                ja: "時間はテナントのタイムゾーンの日で集計します。休憩・稼働率は担当者別のみです。",
                en: "Days are the tenant's time zone's days. Pause time and utilisation are per agent only.")
        case .reportExport: LocalizedText(ja: "CSVダウンロード", en: "Download CSV")
        case .reportExportUTF8: LocalizedText(ja: "CSV（UTF-8）", en: "CSV (UTF-8)")
        case .reportEndBeforeStart:
            LocalizedText(ja: "終了日は開始日以降にしてください。", en: "The end date must not be before the start date.")
        case .reportLongerThanAYear: LocalizedText(ja: "期間は1年以内にしてください。", en: "The period must be at most one year.")
        case .reportUnknownAgent: LocalizedText(ja: "指定された担当者が見つかりません。", en: "That agent was not found.")
        case .reportUnknownList: LocalizedText(ja: "指定されたリストが見つかりません。", en: "That list was not found.")
        case .reportEmpty: LocalizedText(ja: "この期間の記録はありません。", en: "Nothing was recorded in this period.")
        case .reportCallLog: LocalizedText(ja: "通話一覧で見る", en: "Open in 通話一覧")
        case .settingPauseReasons: LocalizedText(ja: "休憩の理由", en: "Pause reasons")
        case .settingPauseReasonsHelp:
            LocalizedText(
                ja: "電話画面の「休憩」で担当者が選ぶ理由です。1行に1つ、最大12個まで。",
                en: "The reasons an agent picks from for 休憩 on the phone screen. One per line, at most 12.")
        case .settingPauseReasonsEmpty: LocalizedText(ja: "休憩の理由を1つ以上入力してください。", en: "Enter at least one pause reason.")
        case .settingWrapUpLimitMinutes: LocalizedText(ja: "後処理の上限（分）", en: "Wrap-up limit (minutes)")
        case .settingWrapUpLimitMinutesHelp:
            LocalizedText(
                ja: "後処理がこの時間を超えると、稼働状況で目立たせます。状態は変わりません。",
                en: "A wrap-up longer than this is flagged on the floor board. The agent's state does not change.")
        case .menuFloor: LocalizedText(ja: "稼働状況", en: "Floor")
        case .floorTitle: LocalizedText(ja: "稼働状況", en: "Floor")
        case .floorAgents: LocalizedText(ja: "担当者", en: "Agents")
        case .floorAgentName: LocalizedText(ja: "氏名(内線)", en: "Name (ext.)")
        case .floorState: LocalizedText(ja: "状態", en: "State")
        case .floorTimeInState: LocalizedText(ja: "経過時間", en: "Time in state")
        case .floorCustomer: LocalizedText(ja: "顧客", en: "Customer")
        case .floorList: LocalizedText(ja: "リスト", en: "List")
        case .floorCalls: LocalizedText(ja: "架電数", en: "Calls")
        case .floorContacts: LocalizedText(ja: "応答数", en: "Contacts")
        case .floorContactRate: LocalizedText(ja: "応答率", en: "Contact rate")
        case .floorProspects: LocalizedText(ja: "見込み", en: "Prospects")
        case .floorCallbacks: LocalizedText(ja: "再架電", en: "Callbacks")
        case .floorTalkTime: LocalizedText(ja: "通話時間", en: "Talk time")
        case .floorToday: LocalizedText(ja: "本日", en: "Today")
        case .floorLists: LocalizedText(ja: "使用中のリスト", en: "Lists in use")
        case .floorListName: LocalizedText(ja: "リスト名", en: "List")
        case .floorLeft: LocalizedText(ja: "残り", en: "Left")
        case .floorOnScreen: LocalizedText(ja: "画面上", en: "On screens")
        case .floorProgress: LocalizedText(ja: "進捗", en: "Progress")
        case .floorBarred: LocalizedText(ja: "架電禁止", en: "Barred")
        case .floorLimitReached: LocalizedText(ja: "上限到達", en: "At limit")
        case .floorWaitingForRetry: LocalizedText(ja: "再架電待ち", en: "Waiting to retry")
        case .floorTotals: LocalizedText(ja: "合計", en: "Totals")
        case .floorSignedIn: LocalizedText(ja: "ログイン中", en: "Signed in")
        case .floorWrapUpLong: LocalizedText(ja: "後処理が長くなっています", en: "Long wrap-up")
        case .floorLive: LocalizedText(ja: "リアルタイム表示中", en: "Live")
        case .floorReconnecting: LocalizedText(ja: "接続が切れました。再接続しています…", en: "Connection lost. Reconnecting…")
        case .floorNoLists: LocalizedText(ja: "使用中のリストはありません。", en: "No list is in use.")
        case .floorNoAgents: LocalizedText(ja: "担当者がいません。", en: "No agents.")
        case .stateOffline: LocalizedText(ja: "オフライン", en: "Offline")
        case .stateIdle: LocalizedText(ja: "待機中", en: "Idle")
        case .stateDialing: LocalizedText(ja: "発信中", en: "Dialing")
        case .stateTalking: LocalizedText(ja: "通話中", en: "Talking")
        case .stateWrapUp: LocalizedText(ja: "後処理", en: "Wrap-up")
        case .statePaused: LocalizedText(ja: "休憩", en: "Paused")
        case .phonePause: LocalizedText(ja: "休憩", en: "Pause")
        case .phonePauseReason: LocalizedText(ja: "休憩の理由", en: "Reason")
        case .phonePauseStart: LocalizedText(ja: "休憩する", en: "Start pause")
        case .phonePauseResume: LocalizedText(ja: "再開", en: "Resume")
        case .phonePauseAfterCall: LocalizedText(ja: "通話が終わると休憩になります", en: "The pause starts when the call ends")
        case .deskPauseUnknownReason:
            LocalizedText(
                ja: "その休憩の理由は設定にありません。画面を開き直してください。",
                en: "That pause reason is not in the settings. Please reload the screen.")
        }
    }

    /// The label in one language.
    public func text(in language: Language) -> String { text.text(in: language) }
}
