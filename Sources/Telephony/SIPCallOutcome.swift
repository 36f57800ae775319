import SIP
import TsunaguCore

/// How SIP signalling becomes the phone screen's 結果 and its reason (docs/ARCHITECTURE.md#back-to-the-agent).
enum SIPCallOutcome {
    static func ending(_ ending: OutboundCallEnding) -> CallEnding {
        if ending.wasAnswered { return .afterAnswer }
        switch ending.cause {
        case .localHangUp, .remoteHangUp: return .afterAnswer
        case .ringTimeout: return .unanswered(.noAnswer)
        case .cancelled: return .unanswered(.hungUpBeforeAnswer)
        case .authenticationFailed, .noResponse, .transportFailed: return .unanswered(.failed)
        case .refused: return .unanswered(reason(forStatus: ending.statusCode ?? 500))
        }
    }

    static func reason(forStatus code: Int) -> UnansweredReason {
        switch code {
        case 486, 600: .busy
        case 404, 484, 604: .invalidNumber
        case 408, 480, 487: .noAnswer
        case 603: .rejected
        default: .failed
        }
    }
}
