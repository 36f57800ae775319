/// Why a call did not reach a conversation. Kept beside 不応答 so managers see what happened.
public enum UnansweredReason: String, Sendable, Codable, CaseIterable {
    /// Rang until the ring timeout, or the network reported no answer (480, 408).
    case noAnswer
    /// Busy (486, 600).
    case busy
    /// The number does not exist (404, 484, 604).
    case invalidNumber
    /// The called party declined (603).
    case rejected
    /// The agent hung up while it was still ringing.
    case hungUpBeforeAnswer
    /// The call could not be placed (trunk unreachable, configuration error).
    case failed

    public var label: LocalizedText {
        switch self {
        case .noAnswer: Label.callResultNoAnswer.text
        case .busy: Label.callResultBusy.text
        case .invalidNumber: Label.callResultInvalidNumber.text
        case .rejected: Label.callResultRejected.text
        case .hungUpBeforeAnswer: Label.callResultHungUpBeforeAnswer.text
        case .failed: Label.callResultFailed.text
        }
    }
}

/// 結果: what the phone screen shows for a dialled row. Set only by signalling, never by hand.
public enum CallResult: Sendable, Hashable, Codable {
    /// 応答: the call was answered (an answering machine counts too).
    case answered
    /// 不応答, with the reason.
    case unanswered(UnansweredReason)

    public var label: LocalizedText {
        switch self {
        case .answered: Label.resultAnswered.text
        case .unanswered: Label.resultUnanswered.text
        }
    }

    public var isAnswered: Bool { self == .answered }
}

/// How a call ended, as the telephony provider reports it.
public enum CallEnding: Sendable, Hashable, Codable {
    /// The call had been answered and is now over (either side hung up).
    case afterAnswer
    case unanswered(UnansweredReason)
}

/// Identifies one call placed by one desk. The desk numbers its own calls, so a late report of an old call
/// can never be mistaken for the current one.
public struct CallID: Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: UInt64

    public init(_ rawValue: UInt64) {
        self.rawValue = rawValue
    }

    public var description: String { "call-\(rawValue)" }
}
