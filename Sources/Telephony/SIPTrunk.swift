import Foundation
import Logging
import Media
import SIP
import TsunaguCore

/// The `sip` provider: each tenant's calls go out through its own SIP trunk, placed by Tsunagu's SIP user agent.
/// Outcomes come from the trunk's signalling; the lamp follows the trunk's answers to OPTIONS and, where the trunk
/// wants it, a registration kept fresh before it expires.
public actor SIPTrunk: Telephony {
    public typealias TrunkLookup = @Sendable (UUID) async -> SIPTrunkSettings?

    private struct Health {
        var checked: ContinuousClock.Instant
        var reachable: Bool
    }

    private struct Registration {
        var binding: SIPRegistration
        var settings: SIPTrunkSettings
        /// Refresh after this instant; nil while the last attempt failed.
        var refreshAt: ContinuousClock.Instant?
        var failure: LocalizedText?
    }

    private let agent: SIPUserAgent
    /// rtpengine, when agents have audio: the browser's WebRTC leg is bridged to the trunk's plain RTP through it.
    private let media: WebRTCMediaBridge?
    private var mediaHealth: Health?
    private let trunks: TrunkLookup
    /// How long the lamp may wait for the trunk's answer to OPTIONS before it shows red.
    private let probeTimeout: Duration
    /// Calls being handed to the agent, and those of them the agent already hung up.
    private var placing: Set<UUID> = []
    private var hungUpWhilePlacing: Set<UUID> = []
    private var health: [UUID: Health] = [:]
    private var registrations: [UUID: Registration] = [:]
    private let clock = ContinuousClock()
    /// Each call's relay of the user agent's reports; it ends with the call's report stream.
    private let relays = ChildTasks()
    private let logger: Logger

    public init(
        agent: SIPUserAgent, media: WebRTCMediaBridge? = nil, probeTimeout: Duration = .seconds(2),
        logger: Logger = Logger(label: "tsunagu.telephony"), trunks: @escaping TrunkLookup
    ) {
        self.agent = agent
        self.media = media
        self.probeTimeout = probeTimeout
        self.logger = logger
        self.trunks = trunks
    }

    public nonisolated func run() async { await relays.run() }

    public func placeCall(_ request: CallRequest, report: @escaping @Sendable (CallProgress) -> Void) async {
        guard let settings = await trunks(request.tenantID) else {
            logger.error("call \(request.id): tenant \(request.tenantID) has no SIP trunk; the call fails")
            report(.ended(.unanswered(.failed)))
            return
        }
        placing.insert(request.id)
        defer {
            placing.remove(request.id)
            hungUpWhilePlacing.remove(request.id)
        }
        let peer = Self.peer(settings)
        let sipCallID = Self.sipCallID(request.id)
        var offer: [UInt8]?
        // rtpengine carries this call's audio only when the browser offered some.
        let bridge = request.mediaOffer == nil ? nil : media
        if let media = bridge, let browserOffer = request.mediaOffer {
            do {
                offer = Array(
                    try await media.trunkOffer(browserOffer: browserOffer, callID: sipCallID, fromTag: Self.agentTag)
                        .utf8)
            } catch {
                logger.error("call \(request.id): rtpengine refused the browser's offer: \(error); the call fails")
                report(.ended(.unanswered(.failed)))
                return
            }
        }
        // The user agent reports on its event loop and must not wait; rewriting SDP through rtpengine does, so the
        // reports go through a stream that one task works off in order.
        let (reports, sink) = AsyncStream.makeStream(of: OutboundCallProgress.self)
        let logger = logger
        relays.start {
            for await progress in reports {
                switch progress {
                case .ringing: report(.ringing)
                case .earlyMedia(let sdp), .answered(let sdp):
                    if let bridge, !sdp.isEmpty {
                        do {
                            let browserSDP = try await bridge.browserAnswer(
                                trunkAnswer: String(decoding: sdp, as: UTF8.self), callID: sipCallID,
                                fromTag: Self.agentTag, toTag: Self.trunkTag)
                            let early: Bool = if case .earlyMedia = progress { true } else { false }
                            report(.remoteMedia(sdp: browserSDP, early: early))
                        } catch {
                            logger.error("call \(sipCallID): rtpengine refused the trunk's answer: \(error); no audio")
                        }
                    }
                    if case .answered = progress { report(.answered) }
                case .ended(let ending):
                    await Self.endMedia(bridge, callID: sipCallID, logger: logger)
                    report(.ended(SIPCallOutcome.ending(ending), signallingCode: ending.statusCode))
                    return
                }
            }
        }
        do {
            if settings.register { _ = await registrationProblem(tenantID: request.tenantID, settings: settings) }
            let local = try await agent.localContactAddress(for: peer)
            let parameters = OutboundCallParameters(
                target: SIPURI(user: settings.dialString(request.number), host: settings.host, port: settings.port),
                from: SIPNameAddress(uri: Self.fromURI(settings)),
                contact: SIPURI(user: "tsunagu", host: local.host, port: local.port),
                via: .init(transport: peer.transport.rawValue, host: local.host, port: local.port),
                credentials: Self.credentials(settings), offer: offer, ringTimeout: .seconds(request.ringTimeoutSeconds)
            )
            _ = try await agent.placeCall(parameters, via: peer, callID: sipCallID) { progress in
                sink.yield(progress)
                if case .ended = progress { sink.finish() }
            }
            if hungUpWhilePlacing.contains(request.id) { await agent.hangUp(callID: sipCallID) }
        } catch {
            logger.error("call \(sipCallID): the INVITE could not be sent to \(peer.host):\(peer.port): \(error)")
            sink.finish()  // Ends the call's relay.
            await Self.endMedia(bridge, callID: sipCallID, logger: logger)
            report(.ended(.unanswered(.failed)))
        }
    }

    /// Tells rtpengine the call is over; a failure leaves only a call rtpengine deletes by its own timeout.
    private static func endMedia(_ bridge: WebRTCMediaBridge?, callID: String, logger: Logger) async {
        do {
            try await bridge?.end(callID: callID)
        } catch {
            logger.warning("call \(callID): rtpengine did not confirm the end of the call: \(error)")
        }
    }

    /// rtpengine's names for the two sides of each call.
    static let agentTag = "agent"
    static let trunkTag = "trunk"

    public nonisolated var bridgesAudio: Bool { media != nil }

    public func hangUp(_ call: UUID) async {
        if placing.contains(call) { hungUpWhilePlacing.insert(call) }
        await agent.hangUp(callID: Self.sipCallID(call))
    }

    public func toneRoute(tenantID: UUID) async -> ToneRoute {
        await trunks(tenantID)?.dtmfMethod == .sipInfo ? .signalling : .media
    }

    public func sendTone(_ key: Character, call: UUID) async {
        guard let tone = DTMFRelayTone(key) else { return }
        await agent.sendTone(tone, callID: Self.sipCallID(call))
    }

    /// Green when the trunk answered an OPTIONS in the last 30 s (any final response counts, RFC 3261 §11) and,
    /// when it wants a registration, that registration holds.
    public func readiness(tenantID: UUID) async -> TelephonyReadiness {
        guard let settings = await trunks(tenantID) else {
            return TelephonyReadiness(
                isReady: false,
                reason: Label.trunkNotConfigured.text)
        }
        if let last = health[tenantID], clock.now - last.checked < .seconds(30) {
            if !last.reachable { return Self.unreachable }
        } else {
            let reachable = await probe(settings)
            health[tenantID] = Health(checked: clock.now, reachable: reachable)
            if !reachable { return Self.unreachable }
        }
        if settings.register, let problem = await registrationProblem(tenantID: tenantID, settings: settings) {
            return TelephonyReadiness(isReady: false, reason: problem)
        }
        if let media {
            let checkedRecently = mediaHealth.map { clock.now - $0.checked < .seconds(10) } ?? false
            if !checkedRecently {
                let answered = await media.client.ping(policy: .init(firstInterval: .milliseconds(200), attempts: 2))
                mediaHealth = Health(checked: clock.now, reachable: answered)
            }
            if mediaHealth?.reachable != true { return Self.mediaUnreachable }
        }
        return .ready
    }

    static let mediaUnreachable = TelephonyReadiness(
        isReady: false,
        reason: Label.mediaServerNotAnswering.text)

    /// Registers, or refreshes a registration that is due, and returns what is wrong if it fails.
    private func registrationProblem(tenantID: UUID, settings: SIPTrunkSettings) async -> LocalizedText? {
        if let current = registrations[tenantID], current.settings == settings, let refreshAt = current.refreshAt,
            clock.now < refreshAt
        {
            return nil
        }
        let peer = Self.peer(settings)
        var entry: Registration
        if let current = registrations[tenantID], current.settings == settings {
            entry = current
        } else {
            let local: (host: String, port: Int)
            do {
                local = try await agent.localContactAddress(for: peer)
            } catch {
                logger.warning("tenant \(tenantID): no local address toward \(peer.host):\(peer.port): \(error)")
                return Self.unreachable.reason
            }
            let parameters = SIPRegistration.Parameters(
                addressOfRecord: SIPURI(
                    user: settings.authUser.isEmpty ? settings.callerID : settings.authUser,
                    host: settings.fromDomain.isEmpty ? settings.host : settings.fromDomain),
                registrar: SIPURI(host: settings.host, port: settings.port),
                contact: SIPURI(user: "tsunagu", host: local.host, port: local.port), expires: 3600,
                credentials: Self.credentials(settings))
            entry = Registration(binding: SIPRegistration(parameters: parameters), settings: settings)
        }
        let outcome: SIPRegistration.Outcome?
        do {
            outcome = try await agent.register(&entry.binding, at: peer)
        } catch {
            logger.warning("tenant \(tenantID): REGISTER to \(peer.host):\(peer.port) failed: \(error)")
            outcome = nil
        }
        switch outcome {
        case .registered(let expires):
            entry.refreshAt = clock.now + SIPRegistration.refreshDelay(forExpires: expires)
            entry.failure = nil
        case .failed(let code):
            entry.refreshAt = nil
            entry.failure = Message.trunkRegistrationRefused(statusCode: Int(code)).text
        case .retry, nil:
            entry.refreshAt = nil
            entry.failure = Self.unreachable.reason
        }
        registrations[tenantID] = entry
        return entry.failure
    }

    /// An OPTIONS ping bounded by `probeTimeout`, so the phone screen never waits for Timer F.
    private func probe(_ settings: SIPTrunkSettings) async -> Bool {
        do {
            _ = try await agent.ping(Self.peer(settings), from: Self.fromURI(settings), timeout: probeTimeout)
            return true
        } catch {
            logger.notice("SIP trunk \(settings.host):\(settings.port) does not answer OPTIONS: \(error)")
            return false
        }
    }

    /// The Call-ID is the call attempt's id, so the two can be matched in logs and traces.
    static func sipCallID(_ id: UUID) -> String { id.uuidString.lowercased() + "@tsunagu" }

    private static let unreachable = TelephonyReadiness(
        isReady: false, reason: Label.trunkNotAnswering.text)

    private static func peer(_ settings: SIPTrunkSettings) -> SIPUserAgent.Peer {
        SIPUserAgent.Peer(
            host: settings.host, port: settings.port, transport: settings.transport.lowercased() == "tcp" ? .tcp : .udp)
    }

    private static func fromURI(_ settings: SIPTrunkSettings) -> SIPURI {
        SIPURI(user: settings.callerID, host: settings.fromDomain.isEmpty ? settings.host : settings.fromDomain)
    }

    private static func credentials(_ settings: SIPTrunkSettings) -> SIPCredentials? {
        settings.authUser.isEmpty ? nil : SIPCredentials(username: settings.authUser, password: settings.password)
    }
}
