import Fluent
import Telephony
import TsunaguCore
import Vapor

/// 設定 (管理者 only): every tenant setting (docs/ARCHITECTURE.md#tenant-settings), stored per tenant and applied
/// at once.
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
        var callingRules: CallingRulesForm
        var notice: String?
        var errors: [String]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "settings", use: show)
        routes.post("admin", "settings", use: save)
    }

    @Sendable func show(request: Request) async throws -> Response {
        let tenant = try await currentTenant(request)
        let notice = request.query[String.self, at: "saved"] != nil ? request.text(.settingsSaved) : nil
        return try await request.renderPage(
            "settings",
            SettingsContent(
                rows: Self.rows(
                    tenant.settings, carrierRules: tenant.carrierRules, sipTrunk: tenant.sipTrunk, request.language),
                callingRules: CallingRulesForm(tenant.settings, request.language), notice: notice, errors: []))
    }

    @Sendable func save(request: Request) async throws -> Response {
        let tenant = try await currentTenant(request)
        let form = try request.decodeForm([String: String].self)
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
            let zoneChanged = tenant.settings.timeZoneIdentifier != settings.timeZoneIdentifier
            tenant.settings = settings
            tenant.carrierRules = carrierRules
            tenant.sipTrunk = sipTrunk
            try await tenant.save(on: request.db)
            if zoneChanged {
                // The report roll-ups sum by the hours of the tenant's day: sum them again in the new zone, through
                // the writer, so no phone screen's commit interleaves.
                let (tenantID, zone) = (
                    try tenant.requireID(), TenantCalendar(identifier: settings.timeZoneIdentifier).timeZone
                )
                try await request.application.deskRegistry.writer.write { database in
                    try await ReportRollups(scope: TenantScope(tenantID: tenantID, database: database)).rebuild(
                        zone: zone)
                }
            }
            await request.application.deskRegistry.settingsChanged(tenantID: try tenant.requireID(), settings: settings)
            request.floorChanged()
            request.logger.info("tenant settings changed by '\(request.signedIn?.loginID ?? "?")'")
            return request.redirect(to: "/admin/settings?saved=1")
        case .success:
            let errors = trunkProblems.map { $0.text(in: request.language) }
            return try await request.renderPage(
                "settings",
                SettingsContent(
                    rows: Self.rows(
                        tenant.settings, carrierRules: tenant.carrierRules, sipTrunk: tenant.sipTrunk, request.language),
                    callingRules: CallingRulesForm(tenant.settings, request.language), errors: errors),
                status: .badRequest)
        case .failure(let problems):
            let errors = (problems.messages + trunkProblems).map { $0.text(in: request.language) }
            return try await request.renderPage(
                "settings",
                SettingsContent(
                    rows: Self.rows(
                        tenant.settings, carrierRules: tenant.carrierRules, sipTrunk: tenant.sipTrunk, request.language),
                    callingRules: CallingRulesForm(tenant.settings, request.language), errors: errors),
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
        func choice<Value: RawRepresentable<String>>(_ name: String, _ field: SettingField, into value: inout Value) {
            guard let text = form[name] else { return }
            if let parsed = Value(rawValue: text) {
                value = parsed
            } else {
                problems.append(
                    Message.settingInvalidValue(field.label).text)
            }
        }
        func flag(_ name: String, into value: inout Bool) {
            if let text = form[name] { value = text == "on" }
        }
        func number(_ name: String, _ field: SettingField, _ range: ClosedRange<Int>, into value: inout Int) {
            guard let text = form[name] else { return }
            guard let parsed = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(parsed) else {
                problems.append(
                    Message.settingOutOfRange(field.label, lowest: range.lowerBound, highest: range.upperBound).text)
                return
            }
            value = parsed
        }
        choice("fetchMode", .fetchMode, into: &settings.fetchMode)
        choice("dialingMode", .dialingMode, into: &settings.dialingMode)
        choice("autoNextAfter", .autoNextAfter, into: &settings.autoNextAfter)
        choice("doneMarkedOn", .doneMarkedOn, into: &settings.doneMarkedOn)
        flag("phoneNumberOpensCustomerEdit", into: &settings.phoneNumberOpensCustomerEdit)
        choice("customerScope", .customerScope, into: &settings.customerScope)
        choice("customerEdit", .customerEdit, into: &settings.customerEdit)
        flag("csvExportAndDeleteEnabled", into: &settings.csvExportAndDeleteEnabled)
        number("idleLogoutMinutes", .idleLogoutMinutes, 1...1440, into: &settings.idleLogoutMinutes)
        number(
            "workListCap", .workListCap, 1...AgentDeskSettings.defaultWorkListCap,
            into: &settings.workListCap)
        number(
            "ringTimeoutSeconds", .ringTimeoutSeconds, 5...TenantSettings.maximumRingTimeoutSeconds,
            into: &settings.ringTimeoutSeconds)
        number(
            "doubleDialGuardMinutes", .doubleDialGuardMinutes, 0...1440,
            into: &settings.doubleDialGuardMinutes)
        if let zone = form["timeZoneIdentifier"] {
            if TimeZone(identifier: zone) != nil {
                settings.timeZoneIdentifier = zone
            } else {
                problems.append(Message.settingUnknownTimeZone(zone).text)
            }
        }
        number(
            "wrapUpLimitMinutes", .wrapUpLimitMinutes, TenantSettings.wrapUpLimitMinutesRange,
            into: &settings.wrapUpLimitMinutes)
        if let text = form["pauseReasons"] {
            switch PauseReasons.parse(text) {
            case .success(let reasons): settings.pauseReasons = reasons
            case .failure(let problem): problems.append(problem.explanation)
            }
        }
        problems += CallingRulesForm.apply(form, to: &settings)
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
            _ name: String, _ item: SettingField, choices: [SelectOption]? = nil, number: Int? = nil,
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
        return [
            row(
                "fetchMode", .fetchMode,
                choices: choices(
                    settings.fetchMode, [.manual: Label.settingManual.text, .automatic: Label.settingAutomatic.text])),
            row(
                "dialingMode", .dialingMode,
                choices: choices(
                    settings.dialingMode, [.manual: Label.settingManual.text, .automatic: Label.settingAutomatic.text])),
            row(
                "autoNextAfter", .autoNextAfter,
                choices: choices(
                    settings.autoNextAfter,
                    [
                        .unansweredCallsOnly: Label.settingUnansweredCallsOnly.text,
                        .everyCall: Label.settingEveryCall.text,
                    ])),
            row(
                "doneMarkedOn", .doneMarkedOn,
                choices: choices(
                    settings.doneMarkedOn,
                    [
                        .answeredCallsOnly: Label.settingAnsweredCallsOnly.text,
                        .everyDialedCall: Label.settingEveryDialledCall.text,
                    ])),
            row(
                "phoneNumberOpensCustomerEdit", .phoneNumberOpensCustomerEdit,
                choices: onOff(
                    settings.phoneNumberOpensCustomerEdit, on: Label.settingOn.text, off: Label.settingOff.text)),
            row(
                "customerScope", .customerScope,
                choices: choices(
                    settings.customerScope,
                    [
                        .allCustomers: Label.settingAllCustomers.text,
                        .ownCustomersOnly: Label.settingOwnCustomersOnly.text,
                    ])),
            row(
                "customerEdit", .customerEdit,
                choices: choices(
                    settings.customerEdit,
                    [
                        .all: Label.settingEditAll.text, .own: Label.settingEditOwn.text,
                        .none: Label.settingEditNone.text,
                    ])),
            row(
                "csvExportAndDeleteEnabled", .csvExportAndDeleteEnabled,
                choices: onOff(
                    settings.csvExportAndDeleteEnabled, on: Label.settingShown.text, off: Label.settingHidden.text)),
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
            row(
                "wrapUpLimitMinutes", .wrapUpLimitMinutes, number: settings.wrapUpLimitMinutes,
                range: TenantSettings.wrapUpLimitMinutesRange),
            row("pauseReasons", .pauseReasons, multiline: settings.pauseReasons.joined(separator: "\n")),
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
                choices: onOff(sipTrunk?.register ?? false, on: Label.settingOn.text, off: Label.settingOff.text)),
            row(
                "sipNumberFormat", .sipNumberFormat,
                choices: [
                    SelectOption(
                        value: "national", label: Label.settingNational.text(in: language),
                        selected: sipTrunk?.numberFormat != .e164),
                    SelectOption(value: "e164", label: "E.164", selected: sipTrunk?.numberFormat == .e164),
                ]),
            row(
                "sipDTMF", .sipDTMF,
                choices: [
                    SelectOption(
                        value: "rfc4733", label: Label.settingToneInAudio.text(in: language),
                        selected: sipTrunk?.dtmfMethod != .sipInfo),
                    SelectOption(value: "sipInfo", label: "SIP INFO", selected: sipTrunk?.dtmfMethod == .sipInfo),
                ]),
        ]
    }
}
