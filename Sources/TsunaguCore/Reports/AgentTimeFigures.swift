import Foundation

/// Time in each state, summed from the agents' state facts: what wrap-up time, pause time and utilisation are made of.
public struct AgentTimeFigures: Sendable, Hashable, Codable {
    /// Seconds per `AgentState.code` (オフライン is not counted).
    public var seconds: [String: Double] = [:]
    /// 休憩 seconds per reason.
    public var pausedByReason: [String: Double] = [:]

    public init() {}

    public mutating func add(_ state: AgentState, seconds amount: Double) {
        guard state != .offline, amount > 0 else { return }
        seconds[state.code, default: 0] += amount
        if case .paused(let reason) = state { pausedByReason[reason, default: 0] += amount }
    }

    public mutating func add(_ other: AgentTimeFigures) {
        seconds.merge(other.seconds, uniquingKeysWith: +)
        pausedByReason.merge(other.pausedByReason, uniquingKeysWith: +)
    }

    public func seconds(in state: AgentState) -> Double { seconds[state.code] ?? 0 }

    public var wrapUpSeconds: Double { seconds(in: .wrapUp) }
    public var pausedSeconds: Double { seconds(in: .paused(reason: "")) }
    /// Every state but オフライン.
    public var signedInSeconds: Double { seconds.values.reduce(0, +) }
    /// 発信中 + 通話中 + 後処理.
    public var workingSeconds: Double {
        seconds(in: .dialing) + seconds(in: .talking) + seconds(in: .wrapUp)
    }

    /// (発信中 + 通話中 + 後処理) ÷ (signed-in time − 休憩), or nil without such time.
    public var utilisation: Double? {
        let available = signedInSeconds - pausedSeconds
        return available > 0 ? workingSeconds / available : nil
    }
}

extension CallFigures {
    /// (talk + wrap-up) ÷ contacts, or nil without contacts.
    public func averageHandleSeconds(wrapUpSeconds: Double) -> Double? {
        contacts == 0 ? nil : (talkSeconds + wrapUpSeconds) / Double(contacts)
    }

    /// Each figure minus `other`'s: a call attempt's contribution taken back before its new one is added.
    public mutating func subtract(_ other: CallFigures) {
        calls -= other.calls
        contacts -= other.contacts
        prospects -= other.prospects
        callbacks -= other.callbacks
        talkSeconds -= other.talkSeconds
    }

    /// What one call attempt adds.
    public init(_ attempt: Attempt) {
        self.init()
        add(attempt)
    }

    public var isZero: Bool { self == CallFigures() }
}
