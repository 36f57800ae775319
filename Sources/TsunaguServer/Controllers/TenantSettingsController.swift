import Fluent
import Telephony
import TsunaguCore
import Vapor

/// 設定 (管理者 only): every tenant setting of DESIGN.md, stored per tenant and applied at once.
struct TenantSettingsController: RouteCollection {
    struct Row: Encodable {
        var name: String
        var label: String
        var help: String
        var choices: [SelectOption]?
        var number: Int?
        var minimum: Int?
        var maximum: Int?
        var text: String?
        var multiline: String?
        /// `select`, `number`, `text`, `password` or `multiline`: how the page shows the field.
        var kind: String = "number"
    }

    struct SettingsContent: Encodable {
        var rows: [Row]
        var notice: String?
        var errors: [String]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "settings", use: show)
        routes.post("admin", "settings", use: save)
    }

    @Sendable func show(request: Request) async throws -> Response {
        let tenant = try await currentTenant(request)
        let notice = request.query[String.self, at: "saved"] != nil ? request.text("settings_saved") : nil
        return try await request.renderPage(
            "settings",
            SettingsContent(
                rows: Self.rows(
                    tenant.settings, carrierRules: tenant.carrierRules, sipTrunk: tenant.sipTrunk, request.language),
                notice: notice, errors: []))
    }

    @Sendable func save(request: Request) async throws -> Response {
        let tenant = try await currentTenant(request)
        let form = (try? request.content.decode([String: String].self)) ?? [:]
        var carrierRules = tenant.carrierRules
        var ruleProblem: LocalizedText?
        if let text = form["carrierRules"] {
            do throws(SimulatedCarrierRules.TextError) {
                carrierRules = try SimulatedCarrierRules(text: String(text.prefix(20_000)))
            } catch {
                ruleProblem = error.explanation
            }
        }
        var sipTrunk = tenant.sipTrunk
        var trunkProblems: [LocalizedText] = []
        if form["sipHost"] != nil {
            switch SIPTrunkSettings.fromForm(form, current: tenant.sipTrunk) {
            case .success(let trunk): sipTrunk = trunk
            case .failure(let problems): trunkProblems = problems.messages
            }
        }
        if let problem = ruleProblem { trunkProblems.insert(problem, at: 0) }
        switch Self.apply(form, to: tenant.settings) {
        case .success(let settings) where trunkProblems.isEmpty:
            tenant.settings = settings
            tenant.carrierRules = carrierRules
            tenant.sipTrunk = sipTrunk
            try await tenant.save(on: request.db)
            await request.application.deskRegistry.settingsChanged(tenantID: try tenant.requireID(), settings: settings)
            request.logger.info("tenant settings changed by '\(request.signedIn?.loginID ?? "?")'")
            return request.redirect(to: "/admin/settings?saved=1")
        case .success:
            let errors = trunkProblems.map { $0.text(in: request.language) }
            return try await request.renderPage(
                "settings",
                SettingsContent(
                    rows: Self.rows(
                        tenant.settings, carrierRules: tenant.carrierRules, sipTrunk: tenant.sipTrunk, request.language),
                    errors: errors),
                status: .badRequest)
        case .failure(let problems):
            let errors = (problems.messages + trunkProblems).map { $0.text(in: request.language) }
            return try await request.renderPage(
                "settings",
                SettingsContent(
                    rows: Self.rows(
                        tenant.settings, carrierRules: tenant.carrierRules, sipTrunk: tenant.sipTrunk, request.language),
                    errors: errors),
                status: .badRequest)
        }
    }

    private func currentTenant(_ request: Request) async throws -> Tenant {
        guard let signedIn = request.signedIn, let tenant = try await Tenant.find(signedIn.tenantID, on: request.db)
        else {
            throw Abort(.unauthorized)
        }
        return tenant
    }

    struct Problems: Error {
        var messages: [LocalizedText]
        func map<T>(_ transform: (LocalizedText) -> T) -> [T] { messages.map(transform) }
    }

    /// Reads the form strictly: an unknown value or a number out of range changes nothing and says which.
    static func apply(_ form: [String: String], to current: TenantSettings) -> Result<TenantSettings, Problems> {
        var settings = current
        var problems: [LocalizedText] = []
        func choice<Value: RawRepresentable<String>>(_ name: String, _ label: LocalizedText, into value: inout Value) {
            guard let text = form[name] else { return }
            if let parsed = Value(rawValue: text) {
                value = parsed
            } else {
                problems.append(
                    LocalizedText(ja: "「\(label.ja)」の値が正しくありません。", en: "“\(label.en)” has an invalid value."))
            }
        }
        func flag(_ name: String, into value: inout Bool) {
            if let text = form[name] { value = text == "on" }
        }
        func number(_ name: String, _ label: LocalizedText, _ range: ClosedRange<Int>, into value: inout Int) {
            guard let text = form[name] else { return }
            guard let parsed = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(parsed) else {
                problems.append(
                    LocalizedText(
                        ja: "「\(label.ja)」は\(range.lowerBound)〜\(range.upperBound)の数字で入力してください。",
                        en: "“\(label.en)” must be a number from \(range.lowerBound) to \(range.upperBound)."))
                return
            }
            value = parsed
        }
        choice("fetchMode", SettingLabels.fetchMode.label, into: &settings.fetchMode)
        choice("dialingMode", SettingLabels.dialingMode.label, into: &settings.dialingMode)
        choice("autoNextAfter", SettingLabels.autoNextAfter.label, into: &settings.autoNextAfter)
        choice("doneMarkedOn", SettingLabels.doneMarkedOn.label, into: &settings.doneMarkedOn)
        flag("phoneNumberOpensCustomerEdit", into: &settings.phoneNumberOpensCustomerEdit)
        choice("customerScope", SettingLabels.customerScope.label, into: &settings.customerScope)
        choice("customerEdit", SettingLabels.customerEdit.label, into: &settings.customerEdit)
        flag("csvExportAndDeleteEnabled", into: &settings.csvExportAndDeleteEnabled)
        number("idleLogoutMinutes", SettingLabels.idleLogoutMinutes.label, 1...1440, into: &settings.idleLogoutMinutes)
        number(
            "workListCap", SettingLabels.workListCap.label, 1...AgentDeskSettings.defaultWorkListCap,
            into: &settings.workListCap)
        number(
            "ringTimeoutSeconds", SettingLabels.ringTimeoutSeconds.label, 5...TenantSettings.maximumRingTimeoutSeconds,
            into: &settings.ringTimeoutSeconds)
        number(
            "doubleDialGuardMinutes", SettingLabels.doubleDialGuardMinutes.label, 0...1440,
            into: &settings.doubleDialGuardMinutes)
        if let zone = form["timeZoneIdentifier"] {
            if TimeZone(identifier: zone) != nil {
                settings.timeZoneIdentifier = zone
            } else {
                problems.append(LocalizedText(ja: "タイムゾーン「\(zone)」は使えません。", en: "Unknown time zone “\(zone)”."))
            }
        }
        return problems.isEmpty ? .success(settings) : .failure(Problems(messages: problems))
    }

    static func rows(
        _ settings: TenantSettings, carrierRules: SimulatedCarrierRules, sipTrunk: SIPTrunkSettings?,
        _ language: Language
    ) -> [Row] {
        func choices<Value: RawRepresentable<String> & CaseIterable & Equatable>(
            _ current: Value, _ labels: [Value: LocalizedText]
        ) -> [SelectOption] {
            Value.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: labels[$0]?.text(in: language) ?? $0.rawValue, selected: $0 == current)
            }
        }
        func onOff(_ value: Bool, on: LocalizedText, off: LocalizedText) -> [SelectOption] {
            [
                SelectOption(value: "on", label: on.text(in: language), selected: value),
                SelectOption(value: "off", label: off.text(in: language), selected: !value),
            ]
        }
        func row(
            _ name: String, _ item: SettingLabels, choices: [SelectOption]? = nil, number: Int? = nil,
            range: ClosedRange<Int>? = nil,
            text: String? = nil, multiline: String? = nil, kind: String? = nil
        ) -> Row {
            let shownAs =
                kind ?? (choices != nil ? "select" : multiline != nil ? "multiline" : text != nil ? "text" : "number")
            return Row(
                name: name, label: item.label.text(in: language), help: item.help.text(in: language), choices: choices,
                number: number, minimum: range?.lowerBound, maximum: range?.upperBound, text: text,
                multiline: multiline,
                kind: shownAs)
        }
        let L = LocalizedText.init(ja:en:)
        return [
            row(
                "fetchMode", .fetchMode,
                choices: choices(settings.fetchMode, [.manual: L("手動", "Manual"), .automatic: L("自動", "Automatic")])),
            row(
                "dialingMode", .dialingMode,
                choices: choices(settings.dialingMode, [.manual: L("手動", "Manual"), .automatic: L("自動", "Automatic")])),
            row(
                "autoNextAfter", .autoNextAfter,
                choices: choices(
                    settings.autoNextAfter,
                    [
                        .unansweredCallsOnly: L("不応答のときのみ", "Unanswered calls only"),
                        .everyCall: L("すべての架電", "Every call"),
                    ])),
            row(
                "doneMarkedOn", .doneMarkedOn,
                choices: choices(
                    settings.doneMarkedOn,
                    [
                        .answeredCallsOnly: L("応答のときのみ", "Answered calls only"),
                        .everyDialedCall: L("架電したものすべて", "Every dialled call"),
                    ])),
            row(
                "phoneNumberOpensCustomerEdit", .phoneNumberOpensCustomerEdit,
                choices: onOff(settings.phoneNumberOpensCustomerEdit, on: L("有効", "On"), off: L("無効", "Off"))),
            row(
                "customerScope", .customerScope,
                choices: choices(
                    settings.customerScope,
                    [
                        .allCustomers: L("全顧客表示", "All customers"),
                        .ownCustomersOnly: L("自分が担当者の顧客のみ", "Own customers only"),
                    ])),
            row(
                "customerEdit", .customerEdit,
                choices: choices(
                    settings.customerEdit,
                    [
                        .all: L("全顧客の編集可", "All customers"), .own: L("自分が担当者の顧客のみ編集可", "Own customers only"),
                        .none: L("編集不可", "No editing"),
                    ])),
            row(
                "csvExportAndDeleteEnabled", .csvExportAndDeleteEnabled,
                choices: onOff(settings.csvExportAndDeleteEnabled, on: L("表示", "Shown"), off: L("非表示", "Hidden"))),
            row("idleLogoutMinutes", .idleLogoutMinutes, number: settings.idleLogoutMinutes, range: 1...1440),
            row(
                "workListCap", .workListCap, number: settings.workListCap,
                range: 1...AgentDeskSettings.defaultWorkListCap),
            row(
                "ringTimeoutSeconds", .ringTimeoutSeconds, number: settings.ringTimeoutSeconds,
                range: 5...TenantSettings.maximumRingTimeoutSeconds),
            row(
                "doubleDialGuardMinutes", .doubleDialGuardMinutes, number: settings.doubleDialGuardMinutes,
                range: 0...1440),
            row("timeZoneIdentifier", .timeZone, text: settings.timeZoneIdentifier),
            row("carrierRules", .carrierRules, multiline: carrierRules.text),
            row("sipHost", .sipHost, text: sipTrunk?.host ?? ""),
            row("sipPort", .sipPort, text: String(sipTrunk?.port ?? 5060)),
            row(
                "sipTransport", .sipTransport,
                choices: ["udp", "tcp"].map {
                    SelectOption(value: $0, label: $0.uppercased(), selected: (sipTrunk?.transport ?? "udp") == $0)
                }),
            row("sipAuthUser", .sipAuthUser, text: sipTrunk?.authUser ?? ""),
            row("sipPassword", .sipPassword, text: "", kind: "password"),
            row("sipCallerID", .sipCallerID, text: sipTrunk?.callerID ?? ""),
            row("sipFromDomain", .sipFromDomain, text: sipTrunk?.fromDomain ?? ""),
            row(
                "sipRegister", .sipRegister,
                choices: onOff(sipTrunk?.register ?? false, on: L("有効", "On"), off: L("無効", "Off"))),
            row(
                "sipNumberFormat", .sipNumberFormat,
                choices: [
                    SelectOption(
                        value: "national", label: L("国内形式", "National").text(in: language),
                        selected: sipTrunk?.numberFormat != .e164),
                    SelectOption(value: "e164", label: "E.164", selected: sipTrunk?.numberFormat == .e164),
                ]),
            row(
                "sipDTMF", .sipDTMF,
                choices: [
                    SelectOption(
                        value: "rfc4733", label: L("RFC 4733(音声の中)", "RFC 4733 (in the audio)").text(in: language),
                        selected: sipTrunk?.dtmfMethod != .sipInfo),
                    SelectOption(value: "sipInfo", label: "SIP INFO", selected: sipTrunk?.dtmfMethod == .sipInfo),
                ]),
        ]
    }
}
