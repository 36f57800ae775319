import Foundation

/// What an agent is doing, as the manager's board shows it and the reports sum it (docs/ARCHITECTURE.md#the-managers-floor).
/// Derived from the phone screen's own events by `AgentStateMachine`; never set by hand, except 休憩, which the agent
/// asks for.
public enum AgentState: Sendable, Hashable, Codable {
    /// オフライン: no phone screen open (for more than the reconnection grace) and no call.
    case offline
    /// 待機中: a screen is open, no call, not in wrap-up or a pause.
    case idle
    /// 発信中 (呼出中): a call placed and not answered yet.
    case dialing
    /// 通話中: the customer answered.
    case talking
    /// 後処理: from the end of an answered call until the next dial, 休憩 or sign-out.
    case wrapUp
    /// 休憩, with one of the tenant's reasons (休憩, 会議, 研修, 離席…).
    case paused(reason: String)
    // Telephony will add 着信中 (an inbound call ringing) and 保留中 (on hold) here.

    /// The stored name of the state (the reason of a pause is stored beside it).
    public var code: String {
        switch self {
        case .offline: "offline"
        case .idle: "idle"
        case .dialing: "dialing"
        case .talking: "talking"
        case .wrapUp: "wrapUp"
        case .paused: "paused"
        }
    }

    /// The state stored as `code` (and a pause's reason); nil for a code this version does not know.
    public init?(code: String, reason: String?) {
        switch code {
        case "offline": self = .offline
        case "idle": self = .idle
        case "dialing": self = .dialing
        case "talking": self = .talking
        case "wrapUp": self = .wrapUp
        case "paused": self = .paused(reason: reason ?? "")
        default: return nil
        }
    }

    /// The state's name on the board and the phone screen (a pause shows its reason beside it).
    public var label: Label {
        switch self {
        case .offline: .stateOffline
        case .idle: .stateIdle
        case .dialing: .stateDialing
        case .talking: .stateTalking
        case .wrapUp: .stateWrapUp
        case .paused: .statePaused
        }
    }

    /// On a call (発信中 or 通話中).
    public var isOnCall: Bool { self == .dialing || self == .talking }

    /// Counts as working time for utilisation: 発信中, 通話中 and 後処理.
    public var isWorking: Bool { isOnCall || self == .wrapUp }
}
