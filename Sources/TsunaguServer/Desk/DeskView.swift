import Foundation
import Telephony
import TsunaguCore

/// The phone screen's state as the browser shows it, in the agent's language and the tenant's time zone.
struct DeskView {
    let desk: AgentDesk
    let settings: TenantSettings
    let lamp: TelephonyReadiness
    var bridgesAudio = false
    var audioNote: LocalizedText?
    var toneRoute = ToneRoute.media
    let extensionNumber: String
    let unsaved: Set<UUID>
    /// The answered call's talk script and what fills it.
    var talkScript: (script: TalkScript, values: TalkScript.Values)?
    /// The agent's state (休憩 and its reason).
    var presence = AgentStateMachine(since: Date(timeIntervalSince1970: 0))
    /// The timed callbacks above the list, as of now.
    var callbacks = CallbackSection(entries: [], dueCount: 0, dialNext: nil, nextChange: nil)
    /// The last commit failed and is being retried (the database is away).
    var savingPaused = false

    func state(version: UInt64, language: Language, full: Bool, rows changed: [UUID], now: Date)
        -> DeskProtocol.StateMessage
    {
        let calendar = TenantCalendar(identifier: settings.timeZoneIdentifier)
        let wanted = Set(changed)
        var rows: [DeskProtocol.RowView] = []
        for (index, row) in desk.rows.enumerated() where full || wanted.contains(row.id) {
            rows.append(view(of: row, at: index, language: language, calendar: calendar))
        }
        return DeskProtocol.StateMessage(
            version: version, full: full, desk: header(language: language, now: now), rows: rows)
    }

    private func header(language: Language, now: Date) -> DeskProtocol.HeaderView {
        let call = desk.activeCall.map { call in
            // Shown as the agent knows the number: as entered on the row, or in national form for the dial pad.
            let shown =
                call.row.flatMap { id in desk.rows.first { $0.id == id }?.phone }
                ?? PhoneNumber.nationalDisplay(of: call.number)
            return DeskProtocol.CallView(
                row: call.row, number: shown, stage: call.stage.rawValue, startedAt: call.startedAt)
        }
        let confirmation = desk.pendingConfirmation.map { confirmation -> DeskProtocol.ConfirmationView in
            var rowNumber: Int?
            if case .redialRecentlyCalled(let row, _, _) = confirmation {
                rowNumber = desk.index(of: row).map { $0 + 1 }
            }
            return DeskProtocol.ConfirmationView(
                key: confirmation.key, text: confirmation.text(now: now, rowNumber: rowNumber).text(in: language))
        }
        let deskSettings = desk.settings
        return DeskProtocol.HeaderView(
            cursor: desk.cursor, armed: desk.autoDialArmed, fetching: desk.isFetching, uploading: desk.isUploading,
            rowCount: desk.rows.count, rowCountText: Message.phoneRowCount(desk.rows.count).text(in: language),
            call: call, confirmation: confirmation,
            lamp: DeskProtocol.LampView(
                ready: lamp.isReady && desk.phoneReady, reason: lamp.reason?.text(in: language)),
            audio: bridgesAudio ? "webrtc" : "none",
            audioNote: audioNote?.text(in: language),
            tones: toneRoute == .signalling ? "info" : "rtp",
            settings: DeskProtocol.SettingsView(
                fetchMode: deskSettings.fetchMode.rawValue, dialingMode: deskSettings.dialingMode.rawValue,
                numberOpensCustomerEdit: settings.phoneNumberOpensCustomerEdit, workListCap: deskSettings.workListCap),
            extensionNumber: extensionNumber,
            talkScript: talkScript.map { $0.script.rendered(with: $0.values, in: language) },
            callbacks: callbacksView,
            presence: presenceView(in: language),
            savingPaused: savingPaused ? Label.deskSavingPaused.text.text(in: language) : nil)
    }

    private func presenceView(in language: Language) -> DeskProtocol.PresenceView {
        var pausedText: String?
        if case .paused(let reason) = presence.state {
            pausedText = Message.phonePausedFor(reason).text(in: language)
        }
        return DeskProtocol.PresenceView(
            state: presence.state.code, pausedText: pausedText, pauseAfterCall: presence.pauseAfterCall != nil,
            reasons: settings.clamped.pauseReasons)
    }

    private var callbacksView: DeskProtocol.CallbacksView {
        let calendar = TenantCalendar(identifier: settings.timeZoneIdentifier)
        return DeskProtocol.CallbacksView(
            dueCount: callbacks.dueCount,
            entries: callbacks.entries.map { entry in
                let callback = entry.callback
                return DeskProtocol.CallbackView(
                    id: callback.id, company: callback.company, contactName: callback.contactName,
                    phone: callback.phone.isEmpty ? PhoneNumber.nationalDisplay(of: callback.number) : callback.phone,
                    due: calendar.minuteDateTime(callback.dueAt), dueAt: callback.dueAt, note: callback.note,
                    own: entry.isOwn, isDue: entry.isDue, barred: entry.isBarred)
            },
            dialNext: settings.dueCallbacksDialNext)
    }

    private func view(of row: AgentDeskRow, at index: Int, language: Language, calendar: TenantCalendar)
        -> DeskProtocol.RowView
    {
        var reason: String?
        if case .unanswered(let why) = row.result { reason = why.label.text(in: language) }
        return DeskProtocol.RowView(
            id: row.id, no: index + 1, customerID: row.customerID, done: row.done, company: row.company,
            contactName: row.contactName, phone: row.phone,
            result: row.result.map { $0.isAnswered ? "answered" : "unanswered" },
            resultLabel: row.result?.label.text(in: language) ?? "",
            reason: reason, prospect: row.prospect, callback: row.callback, memo: row.memo,
            calledAt: row.calledAt.map(calendar.manualDateTime),
            hold: row.hold?.rowLabel(in: calendar.timeZone).text(in: language), saved: !unsaved.contains(row.id))
    }
}
