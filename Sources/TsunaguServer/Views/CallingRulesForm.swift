import Foundation
import TsunaguCore

/// 設定's calling rules: the calling window (架電可能時間: each weekday's hours, public holidays, closed days) and the
/// retry rules, as the page shows them and as its form is read back. A value that cannot be read changes nothing
/// and is named in the user's language.
struct CallingRulesForm: Encodable {
    struct Day: Encodable {
        var name: String
        var label: String
        /// `9:00-12:00, 13:00-18:00`; empty for a day off.
        var ranges: String
    }

    var days: [Day]
    var holidaysClosed: [SelectOption]
    /// One closed day or range per line: `12/29-1/3`, `2026/08/13-2026/08/15`.
    var closedDays: String
    /// Shown when the tenant may call at every hour of every day (the demo's setting).
    var alwaysOpenNote: String?
    var retryEnabled: [SelectOption]
    var retryBusyMinutes: Int
    var retryNoAnswerMinutes: Int
    var retryRejectedMinutes: Int
    /// Empty when there is no cap.
    var retryMaximumAttempts: String
    var maximumWaitMinutes = RetryPolicy.maximumWaitMinutes
    var maximumAttemptCap = RetryPolicy.maximumAttemptCap
    var callbacksOpenAfterMinutes: Int
    var callbacksOpenAfterMaximum = CallbackSettings.openToEveryoneAfterMinutesRange.upperBound
    var dueCallbacksDialNext: [SelectOption]

    static let dayFields: [(Weekday, String, Label)] = [
        (.monday, "windowMonday", .weekdayMonday), (.tuesday, "windowTuesday", .weekdayTuesday),
        (.wednesday, "windowWednesday", .weekdayWednesday), (.thursday, "windowThursday", .weekdayThursday),
        (.friday, "windowFriday", .weekdayFriday), (.saturday, "windowSaturday", .weekdaySaturday),
        (.sunday, "windowSunday", .weekdaySunday),
    ]

    init(_ settings: TenantSettings, _ language: Language) {
        let window = settings.callingWindow
        days = Self.dayFields.map { weekday, name, label in
            Day(
                name: name, label: label.text(in: language),
                ranges: window.schedule[weekday].map(\.description).joined(separator: ", "))
        }
        holidaysClosed = [
            SelectOption(
                value: "on", label: Label.settingHolidaysOff.text(in: language), selected: window.holidaysClosed),
            SelectOption(
                value: "off", label: Label.settingHolidaysCalled.text(in: language), selected: !window.holidaysClosed),
        ]
        closedDays = window.closedDays.map(\.description).joined(separator: "\n")
        alwaysOpenNote = window == .always ? Label.settingsAlwaysOpenNote.text(in: language) : nil
        let retry = settings.retryPolicy
        retryEnabled = [
            SelectOption(value: "on", label: Label.settingOn.text(in: language), selected: retry.enabled),
            SelectOption(value: "off", label: Label.settingOff.text(in: language), selected: !retry.enabled),
        ]
        retryBusyMinutes = retry.busyWaitMinutes
        retryNoAnswerMinutes = retry.noAnswerWaitMinutes
        retryRejectedMinutes = retry.rejectedWaitMinutes
        retryMaximumAttempts = retry.maximumAttempts.map(String.init) ?? ""
        let callbacks = settings.callbackSettings
        callbacksOpenAfterMinutes = callbacks.openToEveryoneAfterMinutes
        dueCallbacksDialNext = [
            SelectOption(
                value: "on", label: Label.settingOn.text(in: language), selected: callbacks.dueCallbacksDialNext),
            SelectOption(
                value: "off", label: Label.settingOff.text(in: language), selected: !callbacks.dueCallbacksDialNext),
        ]
    }

    /// Reads the fields present in `form` into `settings`; the problems found, if any (then `settings` is unusable).
    static func apply(_ form: [String: String], to settings: inout TenantSettings) -> [LocalizedText] {
        var problems: [LocalizedText] = []
        var window = settings.callingWindow
        for (weekday, name, label) in dayFields {
            guard let text = form[name] else { continue }
            switch TimeRange.parseList(text) {
            case .success(let ranges): window.schedule[weekday] = ranges
            case .failure(let problem):
                problems.append(Message.fieldProblem(field: label, problem: problem.explanation).text)
            }
        }
        if let text = form["holidaysClosed"] { window.holidaysClosed = text == "on" }
        if let text = form["closedDays"] {
            var days: [ClosedDay] = []
            for line in text.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty
            {
                switch ClosedDay.parse(String(line)) {
                case .success(let day): if !days.contains(day) { days.append(day) }
                case .failure(let problem):
                    problems.append(Message.fieldProblem(field: .settingClosedDays, problem: problem.explanation).text)
                }
            }
            window.closedDays = days
        }
        settings.callingWindow = window
        var retry = settings.retryPolicy
        if let text = form["retryEnabled"] { retry.enabled = text == "on" }
        func minutes(_ name: String, _ label: Label, into value: inout Int) {
            guard let text = form[name] else { return }
            let range = 0...RetryPolicy.maximumWaitMinutes
            guard let parsed = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(parsed) else {
                problems.append(
                    Message.settingOutOfRange(label, lowest: range.lowerBound, highest: range.upperBound).text)
                return
            }
            value = parsed
        }
        minutes("retryBusyMinutes", .settingRetryBusy, into: &retry.busyWaitMinutes)
        minutes("retryNoAnswerMinutes", .settingRetryNoAnswer, into: &retry.noAnswerWaitMinutes)
        minutes("retryRejectedMinutes", .settingRetryRejected, into: &retry.rejectedWaitMinutes)
        if let text = form["retryMaximumAttempts"] {
            let typed = text.trimmingCharacters(in: .whitespaces)
            let range = 1...RetryPolicy.maximumAttemptCap
            if typed.isEmpty {
                retry.maximumAttempts = nil
            } else if let parsed = Int(typed), range.contains(parsed) {
                retry.maximumAttempts = parsed
            } else {
                problems.append(
                    Message.settingOutOfRange(
                        .settingRetryMaximumAttempts, lowest: range.lowerBound, highest: range.upperBound
                    )
                    .text)
            }
        }
        settings.retryPolicy = retry
        if let text = form["callbacksOpenAfterMinutes"] {
            let range = CallbackSettings.openToEveryoneAfterMinutesRange
            if let parsed = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(parsed) {
                settings.callbacksOpenToEveryoneAfterMinutes = parsed
            } else {
                problems.append(
                    Message.settingOutOfRange(
                        .settingCallbacksOpenAfter, lowest: range.lowerBound, highest: range.upperBound
                    ).text)
            }
        }
        if let text = form["dueCallbacksDialNext"] { settings.dueCallbacksDialNext = text == "on" }
        return problems
    }
}
