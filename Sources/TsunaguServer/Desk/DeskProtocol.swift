import Foundation
import TsunaguCore

/// The phone screen's WebSocket messages (JSON, version 1). The browser sends the agent's actions; the server
/// answers each with an acknowledgement once it is on disk, and sends the screen's state whenever it changes.
enum DeskProtocol {
    static let version = 1

    /// An action from the browser. `id` is echoed in the acknowledgement.
    struct ClientMessage: Decodable, Sendable {
        var v: Int?
        var id: Int?
        var type: String
        var row: UUID?
        var value: Bool?
        var text: String?
        var index: Int?
        var number: String?
        var confirmation: String?
        var accepted: Bool?
        var sdp: String?
        var date: String?
        var time: String?
        var callback: UUID?
    }

    /// What the browser asked for, checked.
    enum Command: Sendable, Equatable {
        case event(AgentDesk.Event)
        /// The answer to the confirmation the screen showed (its `key`).
        case answer(key: String, accepted: Bool)
        /// Send the whole state again (after a reconnection or a missed version).
        case refresh
        case ping
        /// The browser's WebRTC offer for the next call (a fresh peer connection with the microphone).
        case mediaOffer(sdp: String)
        /// Whether the browser may use the microphone.
        case microphone(granted: Bool)
        /// A dial-pad key during the call, for trunks that take tones as SIP INFO (the header's `tones` says).
        case tone(Character)
        /// 「今後の勧誘お断り」 on a row, with the customer's words or a note (may be empty).
        case refuse(row: UUID, note: String)
        /// 再架電 on a row with a date, a time and a note, as typed: a timed callback.
        case scheduleCallback(row: UUID, date: String, time: String, note: String)
        /// A click on a callback of the section above the list.
        case dialCallback(UUID)
        /// 休憩 with one of the tenant's reasons; during a call it starts when the call ends.
        case pause(reason: String)
        /// 再開: the pause ends.
        case resume
    }

    enum ParseError: Error, Equatable, UserExplainable {
        case malformed
        case unsupportedVersion
        case unknownType(String)
        case missing(String)

        var explanation: LocalizedText {
            switch self {
            case .malformed:
                Label.deskUnreadableRequest.text
            case .unsupportedVersion:
                Label.deskOutdatedScreen.text
            case .unknownType(let type):
                Message.deskUnknownAction(String(type.prefix(40))).text
            case .missing(let field):
                Message.deskMissingField(field).text
            }
        }
    }

    /// The part every message has, read first so that even a malformed action gets its answer.
    private struct Envelope: Decodable {
        var v: Int?
        var id: Int?
    }

    static func parse(_ text: String) -> (id: Int?, command: Result<Command, ParseError>) {
        let data = Data(text.utf8)
        guard data.count <= 64 * 1024, let envelope = try? JSONDecoder().decode(Envelope.self, from: data) else {
            return (nil, .failure(.malformed))
        }
        guard (envelope.v ?? version) == version else { return (envelope.id, .failure(.unsupportedVersion)) }
        guard let message = try? JSONDecoder().decode(ClientMessage.self, from: data) else {
            return (envelope.id, .failure(.malformed))
        }
        return (envelope.id, command(from: message))
    }

    private static func command(from message: ClientMessage) -> Result<Command, ParseError> {
        func row() throws(ParseError) -> UUID {
            guard let row = message.row else { throw .missing("row") }
            return row
        }
        func flag() throws(ParseError) -> Bool {
            guard let value = message.value else { throw .missing("value") }
            return value
        }
        func text() throws(ParseError) -> String {
            guard let text = message.text else { throw .missing("text") }
            return text
        }
        do throws(ParseError) {
            switch message.type {
            case "start": return .success(.event(.startPressed))
            case "stop": return .success(.event(.stopPressed))
            case "dial": return .success(.event(.dialPressed))
            case "hangUp": return .success(.event(.hangUpPressed))
            case "download": return .success(.event(.downloadPressed))
            case "upload": return .success(.event(.uploadPressed))
            case "moveCursor":
                guard let index = message.index else { throw .missing("index") }
                return .success(.event(.cursorMoved(toIndex: index)))
            case "setDone": return .success(.event(.doneSet(try row(), try flag())))
            case "setProspect": return .success(.event(.prospectSet(try row(), try flag())))
            case "setCallback": return .success(.event(.callbackSet(try row(), try flag())))
            case "editMemo": return .success(.event(.memoEdited(try row(), try text())))
            case "editContactName": return .success(.event(.contactNameEdited(try row(), try text())))
            case "dialNumber":
                guard let number = message.number else { throw .missing("number") }
                return .success(.event(.manualDialRequested(number)))
            case "answer":
                guard let key = message.confirmation else { throw .missing("confirmation") }
                guard let accepted = message.accepted else { throw .missing("accepted") }
                return .success(.answer(key: key, accepted: accepted))
            case "mediaOffer":
                guard let sdp = message.sdp else { throw .missing("sdp") }
                guard sdp.hasPrefix("v=0"), sdp.contains("m=audio ") else { throw .missing("sdp") }
                return .success(.mediaOffer(sdp: sdp))
            case "microphone": return .success(.microphone(granted: try flag()))
            case "tone":
                let key = try text().uppercased()
                guard key.count == 1, let tone = key.first, "0123456789*#ABCD".contains(tone) else {
                    throw .missing("text")
                }
                return .success(.tone(tone))
            case "refuse": return .success(.refuse(row: try row(), note: message.text ?? ""))
            case "scheduleCallback":
                guard let date = message.date else { throw .missing("date") }
                guard let time = message.time else { throw .missing("time") }
                return .success(.scheduleCallback(row: try row(), date: date, time: time, note: message.text ?? ""))
            case "dialCallback":
                guard let callback = message.callback else { throw .missing("callback") }
                return .success(.dialCallback(callback))
            case "pause": return .success(.pause(reason: try text()))
            case "resume": return .success(.resume)
            case "refresh", "hello": return .success(.refresh)
            case "ping": return .success(.ping)
            default: throw .unknownType(message.type)
            }
        } catch {
            return .failure(error)
        }
    }

    // MARK: Server to browser

    struct RowView: Encodable, Sendable {
        var id: UUID
        var no: Int
        var customerID: UUID?
        var done: Bool
        var company: String
        var contactName: String
        var phone: String
        /// "answered", "unanswered" or nil.
        var result: String?
        var resultLabel: String
        var reason: String?
        var prospect: Bool
        var callback: Bool
        var memo: String
        var calledAt: String?
        /// Why the server held the row's last dial back (「架電禁止」「再架電待ち 14:35」), or nil.
        var hold: String?
        /// False while the row's latest change is not committed yet.
        var saved: Bool
    }

    struct CallView: Encodable, Sendable {
        var row: UUID?
        var number: String
        var stage: String
        var startedAt: Date
    }

    struct ConfirmationView: Encodable, Sendable {
        var key: String
        var text: String
    }

    struct LampView: Encodable, Sendable {
        var ready: Bool
        var reason: String?
    }

    struct SettingsView: Encodable, Sendable {
        var fetchMode: String
        var dialingMode: String
        var numberOpensCustomerEdit: Bool
        var workListCap: Int
    }

    struct HeaderView: Encodable, Sendable {
        var cursor: Int
        var armed: Bool
        var fetching: Bool
        var uploading: Bool
        var rowCount: Int
        /// 「N件」 in the agent's language.
        var rowCountText: String
        var call: CallView?
        var confirmation: ConfirmationView?
        var lamp: LampView
        /// "webrtc" when calls carry the agent's audio, "none" otherwise (with why, e.g. the simulated carrier).
        var audio: String
        var audioNote: String?
        /// "rtp" when dial-pad tones go in the browser's audio (RFC 4733), "info" when the screen sends them to the
        /// server for SIP INFO.
        var tones: String
        var settings: SettingsView
        var extensionNumber: String
        /// The call list's トークスクリプト, filled in for the answered call (特定商取引法 §16), or nil.
        var talkScript: String?
        /// The timed callbacks above the list.
        var callbacks: CallbacksView
        /// The agent's state for the manager's board, and 休憩's choices.
        var presence: PresenceView
        /// While the database cannot be reached: that saving is paused, and what becomes of the agent's input.
        var savingPaused: String?
    }

    struct PresenceView: Encodable, Sendable {
        /// `AgentState.code`.
        var state: String
        /// 「休憩中（会議）」 while paused, or nil.
        var pausedText: String?
        /// 休憩 asked for during the call: it starts when the call ends.
        var pauseAfterCall: Bool
        /// The tenant's reasons (設定).
        var reasons: [String]
    }

    /// The callback section: the agent's own callbacks and the others' open to everyone, by due time.
    struct CallbacksView: Encodable, Sendable {
        /// Due and not barred: the count next to the sound.
        var dueCount: Int
        var entries: [CallbackView]
        /// 「期限の来た再架電を次に発信」 is on: the walk dials a due one next.
        var dialNext: Bool
    }

    struct CallbackView: Encodable, Sendable {
        var id: UUID
        var company: String
        var contactName: String
        /// In national form.
        var phone: String
        /// In the tenant's time zone: `2026年12月08日 14:30`.
        var due: String
        var dueAt: Date
        var note: String
        /// The agent's own; otherwise another agent's, open to everyone.
        var own: Bool
        var isDue: Bool
        var barred: Bool
    }

    struct StateMessage: Encodable, Sendable {
        var v = DeskProtocol.version
        var type = "state"
        var version: UInt64
        /// All rows (the screen replaces its table) or only the changed ones.
        var full: Bool
        var desk: HeaderView
        var rows: [RowView]
    }

    struct AckMessage: Encodable, Sendable {
        var v = DeskProtocol.version
        var type = "ack"
        var id: Int?
        var version: UInt64
        var ok: Bool
        var message: String?
    }

    /// The far end's media for the browser's peer connection: a provisional answer (early media) or the answer.
    struct MediaMessage: Encodable, Sendable {
        var v = DeskProtocol.version
        var type = "media"
        var call: UUID
        var sdp: String
        var early: Bool
    }

    struct NoticeMessage: Encodable, Sendable {
        var v = DeskProtocol.version
        var type = "notice"
        var message: String
    }

    struct SignedOutMessage: Encodable, Sendable {
        var v = DeskProtocol.version
        var type = "signedOut"
        var message: String
    }

    static func encode<T: Encodable>(_ message: T) -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return (try? encoder.encode(message)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

extension AgentDesk.Confirmation {
    /// Names the question, so an answer can only go to the question the screen showed.
    var key: String {
        switch self {
        case .upload: "upload"
        case .redialRecentlyCalled(let row, _, _): "redial:\(row.uuidString)"
        }
    }
}
