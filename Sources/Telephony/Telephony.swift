import Foundation
import TsunaguCore

/// What a telephony provider reports about a call it placed.
public enum CallProgress: Sendable, Hashable {
    case ringing
    case answered
    /// The far end's media description rewritten for the agent's browser: early media from a 183 (ringback,
    /// announcements; `early`, a provisional answer), then the final answer's, reported before `.answered`.
    case remoteMedia(sdp: String, early: Bool)
    /// How the call ended, and the signalling's final status code where there is one (SIP's 486, 200, 487…).
    case ended(CallEnding, signallingCode: Int? = nil)
}

/// A call to place: the id is unique on the server (it is the call attempt's id), so reports can never be
/// confused between agents.
public struct CallRequest: Sendable, Hashable {
    public var id: UUID
    /// The tenant whose carrier rules or SIP trunk carry the call.
    public var tenantID: UUID
    /// E.164
    public var number: String
    /// Ring at most this long before giving up (never more than 120 s).
    public var ringTimeoutSeconds: Int
    /// The agent's browser's WebRTC offer, when the agent has audio; the provider bridges it to the trunk.
    public var mediaOffer: String?

    public init(id: UUID, tenantID: UUID, number: String, ringTimeoutSeconds: Int, mediaOffer: String? = nil) {
        self.id = id
        self.tenantID = tenantID
        self.number = number
        self.mediaOffer = mediaOffer
        self.ringTimeoutSeconds = min(max(1, ringTimeoutSeconds), 120)
    }
}

/// A provider that places calls: the embedded simulated carrier, or the SIP trunk.
///
/// Outcomes come from the network's signalling, never from the browser. A provider reports each call's progress,
/// in order, to the sink it was given, until `.ended`.
public protocol Telephony: Sendable {
    /// The provider's long-running work (its calls' timelines and report relays run as children of this). The server
    /// runs it for as long as it serves; calls placed while it is not running wait for it.
    func run() async

    func placeCall(_ request: CallRequest, report: @escaping @Sendable (CallProgress) -> Void) async

    /// Ends the call: CANCEL while it rings, BYE after answer. An `.ended` report follows (unless it had ended).
    func hangUp(_ call: UUID) async

    /// Whether calls carry the agent's audio (the browser then sends a WebRTC offer with each call).
    var bridgesAudio: Bool { get }

    /// What the phone screen says when calls carry no audio.
    var noAudioNote: LocalizedText { get }

    /// How the tenant's dial-pad tones reach the far end during a call.
    func toneRoute(tenantID: UUID) async -> ToneRoute

    /// A dial-pad key during the answered call, for providers whose route is `.signalling`.
    func sendTone(_ key: Character, call: UUID) async

    /// Whether the tenant's calls can be placed now (the phone screen's lamp), with the reason when not.
    func readiness(tenantID: UUID) async -> TelephonyReadiness
}

/// Where dial-pad tones travel: as RFC 4733 events in the browser's audio (rtpengine passes them to the trunk),
/// or as SIP INFO requests that the server sends for trunks that want them there.
public enum ToneRoute: String, Sendable, Hashable {
    case media
    case signalling
}

public struct TelephonyReadiness: Sendable, Hashable {
    public var isReady: Bool
    public var reason: LocalizedText?

    public init(isReady: Bool, reason: LocalizedText? = nil) {
        self.isReady = isReady
        self.reason = reason
    }

    public static let ready = TelephonyReadiness(isReady: true)
}

extension Telephony {
    public var bridgesAudio: Bool { false }

    public func toneRoute(tenantID: UUID) async -> ToneRoute { .media }

    public var noAudioNote: LocalizedText {
        Label.mediaServerNotConfigured.text
    }
}
